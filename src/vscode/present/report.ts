// The fact-check report webview's HTML, and the counts the status bar shows.
import { LineIndex, type CheckResult } from '../../core';
import { diagnosticMessage } from './diagnostics';
import { clip, VERDICT_LABEL } from './format';

/** Escapes text for HTML (the report webview). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** VS Code's own policy source goes into the attribute as written, only double quotes escaped. */
const attr = (s: string) => s.replace(/"/g, '&quot;');

export interface Counts {
  contradicted: number;
  unsupported: number;
  supported: number;
  problems: number;
}

/** Counts of a result's findings as the status bar shows them (suppressed verdicts left out). */
export function countFindings(result: CheckResult): Counts {
  const counts: Counts = { contradicted: 0, unsupported: 0, supported: 0, problems: result.problems.length };
  for (const v of result.verdicts) if (!v.suppressed) counts[v.verdict]++;
  return counts;
}

export interface ReportEntry {
  draft: string;
  text: string;
  result: CheckResult;
}

/**
 * The fact-check report as a self-contained HTML page: every statement, its verdict and evidence.
 * No scripts at all; the policy forbids them and every piece of draft or source text is escaped.
 */
export function reportHtml(entries: ReportEntry[], cspSource: string, styleUri: string): string {
  const rows = entries.flatMap((entry) => {
    const lines = new LineIndex(entry.text);
    return entry.result.verdicts.map((v) => {
      const line = lines.position(v.claim.start).line + 1;
      const ev = v.evidence[0];
      return `<tr class="${v.verdict}${v.suppressed ? ' suppressed' : ''}"><td>${escapeHtml(entry.draft)}:${line}</td><td>${escapeHtml(clip(v.claim.text, 300))}</td><td><span class="badge">${VERDICT_LABEL[v.verdict]}${v.suppressed ? ' (suppressed)' : ''}</span><br>${escapeHtml(v.category)}</td><td>${escapeHtml(diagnosticMessage(v))}${ev ? `<blockquote>${escapeHtml(clip(ev.text, 400))} <cite>${escapeHtml(ev.reference)} ¶${ev.paragraph}</cite></blockquote>` : ''}</td></tr>`;
    });
  });
  const problems = entries.flatMap((entry) => {
    const lines = new LineIndex(entry.text);
    return entry.result.problems.map((p) => `<li>${escapeHtml(entry.draft)}:${lines.position(p.start).line + 1}: ${escapeHtml(p.message)}</li>`);
  });
  const total = entries.reduce(
    (acc, e) => {
      const c = countFindings(e.result);
      return { contradicted: acc.contradicted + c.contradicted, unsupported: acc.unsupported + c.unsupported, supported: acc.supported + c.supported, problems: acc.problems + c.problems };
    },
    { contradicted: 0, unsupported: 0, supported: 0, problems: 0 },
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${attr(cspSource)}; img-src ${attr(cspSource)};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(styleUri)}">
<title>Fact-Check Report</title></head>
<body><h1>Fact-Check Report</h1>
<p class="summary">${total.contradicted} contradicted · ${total.unsupported} unsupported · ${total.supported} supported · ${total.problems} citation problems</p>
${rows.length ? `<table><thead><tr><th>Where</th><th>Statement</th><th>Verdict</th><th>Why</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : '<p>No statements in the open drafts cite a reference.</p>'}
${problems.length ? `<h2>Citation problems</h2><ul>${problems.join('\n')}</ul>` : ''}
</body></html>`;
}
