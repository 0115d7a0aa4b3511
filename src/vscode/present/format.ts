// present/: what the editor shows, computed from the engine's results without importing `vscode`, so
// the translation is unit-tested with real engine output; src/vscode/*.ts turn it into API objects.
// This file: wording shared by every view of a result.
import { displayDate, type Verdict } from '../../core';

export const VERDICT_LABEL: Record<Verdict['kind'], string> = { supported: 'Supported', contradicted: 'Contradicted', unsupported: 'Unsupported' };

/** `s` on one line, cut at a word boundary to at most `max` characters (with an ellipsis). */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * The name a reference's read-only document goes by, which VS Code shows as the label of every link
 * to its passages (in hovers and the Problems view) and on its tab: the file it was read from, or for
 * a built-in reference, which has no file in the workspace, its title.
 */
export function referenceDocumentName(ref: { key: string; title: string }, file?: string): string {
  const base = file?.split(/[\\/]/).pop();
  if (base) return base;
  const title = clip(ref.title.replace(/[\\/]+/g, '-').replace(/[\u0000-\u001f]/g, ' '), 64).replace(/^[.\s]+|[.\s]+$/g, '');
  return title || ref.key;
}

/** A reference's outlet, author, date (as people read it) and URL on one plain-text line (the reference picker's detail), control characters removed. */
export function metadataSummary(m: { outlet?: string; author?: string; date?: string; url?: string }): string {
  return [m.outlet, m.author, m.date && displayDate(m.date), m.url]
    .filter((x): x is string => !!x?.trim())
    .map((x) => clip(x.replace(/[\u0000-\u001f\u007f]+/g, ' '), 100))
    .join(' · ');
}
