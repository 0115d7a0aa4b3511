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
  for (const v of result.verdicts) if (!v.suppressed) counts[v.kind]++;
  return counts;
}

export interface ReportEntry {
  draft: string;
  text: string;
  result: CheckResult;
  /** The draft's document address, handed to `link` to reveal a line of it. */
  uri?: string;
}

/** The address a row's "file:line" links to (a command URI the webview may follow), or undefined for no link. */
export type LineLink = (entry: ReportEntry, line: number, character: number) => string | undefined;

/** The report's groups, worst first; suppressed findings last, apart. */
const GROUPS = [
  { id: 'contradicted', title: 'Contradicted' },
  { id: 'unsupported', title: 'Unsupported' },
  { id: 'problems', title: 'Citation problems' },
  { id: 'supported', title: 'Supported' },
  { id: 'suppressed', title: 'Suppressed' },
] as const;

/**
 * The fact-check report as a self-contained HTML page: every statement of the open drafts, grouped by
 * verdict, worst first (contradicted, unsupported, citation problems, supported, then suppressed),
 * in document order within a group, each row linking to its line. One column of blocks rather than
 * a table, so it reads in a narrow editor group. No scripts at all; the policy forbids them and
 * every piece of draft or source text is escaped.
 */
export function reportHtml(entries: ReportEntry[], cspSource: string, styleUri: string, link: LineLink = () => undefined): string {
  const groups = new Map<(typeof GROUPS)[number]['id'], string[]>(GROUPS.map((g) => [g.id, []]));
  for (const entry of entries) {
    const lines = new LineIndex(entry.text);
    const where = (offset: number) => {
      const pos = lines.position(offset);
      const label = `${escapeHtml(entry.draft)}:${pos.line + 1}`;
      const href = link(entry, pos.line, pos.character);
      return href ? `<a class="where" href="${escapeHtml(href)}" title="Go to line ${pos.line + 1}">${label}</a>` : `<span class="where">${label}</span>`;
    };
    for (const v of entry.result.verdicts) {
      const ev = v.evidence[0];
      const sure = v.confidence === undefined ? '' : ` · ${Math.round(v.confidence * 100)}%`;
      groups.get(v.suppressed ? 'suppressed' : v.kind)!.push(
        `<li class="finding ${v.kind}${v.suppressed ? ' suppressed' : ''}">` +
          `<p class="head">${where(v.claim.start)} ${v.suppressed ? `<span class="badge">${VERDICT_LABEL[v.kind]}</span> ` : ''}<span class="category">${escapeHtml(v.category)}${sure}</span></p>` +
          `<p class="statement">${escapeHtml(clip(v.claim.text, 300))}</p>` +
          `<p class="why">${escapeHtml(diagnosticMessage(v))}</p>` +
          (ev ? `<blockquote>${escapeHtml(clip(ev.text, 300))} <cite>${escapeHtml(ev.reference)} ¶${ev.paragraph}</cite></blockquote>` : '') +
          '</li>',
      );
    }
    for (const p of entry.result.problems) {
      groups.get('problems')!.push(`<li class="finding problem"><p class="head">${where(p.start)} <span class="category">${escapeHtml(p.code)}</span></p><p class="why">${escapeHtml(p.message)}</p></li>`);
    }
  }
  const total = entries.reduce(
    (acc, e) => {
      const c = countFindings(e.result);
      return { contradicted: acc.contradicted + c.contradicted, unsupported: acc.unsupported + c.unsupported, supported: acc.supported + c.supported, problems: acc.problems + c.problems };
    },
    { contradicted: 0, unsupported: 0, supported: 0, problems: 0 },
  );
  const sections = GROUPS.filter((g) => groups.get(g.id)!.length).map((g) => {
    const items = groups.get(g.id)!;
    return `<section class="group ${g.id}"><h2>${g.title} <span class="count">(${items.length})</span></h2>\n<ol>\n${items.join('\n')}\n</ol></section>`;
  });
  const any = entries.some((e) => e.result.verdicts.length);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${attr(cspSource)}; img-src ${attr(cspSource)};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(styleUri)}">
<title>Fact-Check Report</title></head>
<body><h1>Fact-Check Report</h1>
<p class="summary">${total.contradicted} contradicted · ${total.unsupported} unsupported · ${total.supported} supported · ${total.problems} citation problems</p>
${any ? '' : '<p>No statements in the open drafts cite a reference.</p>\n'}${sections.join('\n')}
</body></html>`;
}
