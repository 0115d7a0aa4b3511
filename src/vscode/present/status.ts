// The status-bar item's wording, apart from VS Code's own error and warning counts beside it: the
// extension's codicon and name, then its own signs (✗ contradicted, ? unsupported, ✓ supported).
import type { Counts } from './report';

export interface StatusView {
  text: string;
  /** The tooltip, also read out by screen readers. */
  tooltip: string;
}

/** What the status bar shows for a draft: `counts` of its last verdicts, or undefined while it is first judged. */
export function statusBarView(counts: Counts | undefined, judged?: { truncated: boolean; chars: number }): StatusView {
  if (!counts) return { text: '$(sync~spin) Sources: checking…', tooltip: 'Source Check is judging this draft against its references.' };
  const c = counts;
  const problems = c.problems ? `, ${c.problems} citation problem${c.problems === 1 ? '' : 's'}` : '';
  const cut = judged?.truncated ? ` (only the first ${judged.chars.toLocaleString('en')} characters were judged)` : '';
  return {
    text: `$(checklist) Sources: ${c.contradicted} ✗ ${c.unsupported} ? ${c.supported} ✓`,
    tooltip: `Source Check: ${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported${problems}${cut}. Click to open the Problems view.`,
  };
}
