// What the editor shows, computed from the engine's results without importing `vscode`, so the
// translation is unit-tested with real engine output. src/vscode/*.ts turn these into API objects.
import { LineIndex, lookupTerm, type CheckResult, type Citation, type Entity, type Evidence, type Fix, type LineRange, type Reference, type Span, type TextEdit, type Verdict } from '../core';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'none';

export interface SeveritySettings {
  contradicted: SeverityName;
  unsupported: SeverityName;
  /** A supported statement that carries no citation of its own. */
  uncited: SeverityName;
  /** Unknown keys, locators past the end, unreadable citations. */
  citation: SeverityName;
}

export const DEFAULT_SEVERITIES: SeveritySettings = { contradicted: 'error', unsupported: 'warning', uncited: 'hint', citation: 'warning' };

export const SOURCE = 'Source Check';

export interface RelatedPassage {
  reference: string;
  /** Offsets in the reference text. */
  span: Span;
  paragraph: number;
  message: string;
}

export interface DiagnosticSpec {
  range: LineRange;
  span: Span;
  severity: Exclude<SeverityName, 'none'>;
  message: string;
  /** The finding's category or citation problem code; also the README anchor that explains it. */
  code: string;
  related: RelatedPassage[];
  /** Index into result.verdicts, or -1 for a citation problem. */
  verdict: number;
  /** Index into result.problems, or -1. */
  problem: number;
}

/** One diagnostic per finding a writer should see; suppressed findings and plain supported statements give none. */
export function diagnosticSpecs(text: string, result: CheckResult, severities: SeveritySettings = DEFAULT_SEVERITIES, lines = new LineIndex(text)): DiagnosticSpec[] {
  const specs: DiagnosticSpec[] = [];
  result.verdicts.forEach((v, i) => {
    if (v.suppressed) return;
    const severity = severityOf(v, severities);
    if (severity === 'none') return;
    const span = v.verdict === 'contradicted' && v.focus ? v.focus : { start: v.claim.start, end: v.claim.end };
    specs.push({
      range: lines.range(span),
      span,
      severity,
      message: diagnosticMessage(v),
      code: v.verdict === 'supported' ? 'uncited' : v.category,
      related: v.evidence.slice(0, 3).map((e) => ({ reference: e.reference, span: { start: e.start, end: e.end }, paragraph: e.paragraph, message: `${e.reference} ¶${e.paragraph}: ${clip(e.text, 160)}` })),
      verdict: i,
      problem: -1,
    });
  });
  if (severities.citation !== 'none') {
    result.problems.forEach((p, i) => {
      specs.push({ range: lines.range(p), span: { start: p.start, end: p.end }, severity: severities.citation as DiagnosticSpec['severity'], message: p.message, code: p.code, related: [], verdict: -1, problem: i });
    });
  }
  return specs;
}

function severityOf(v: Verdict, s: SeveritySettings): SeverityName {
  if (v.verdict === 'contradicted') return s.contradicted;
  if (v.verdict === 'unsupported') return s.unsupported;
  return v.claim.explicitlyCited ? 'none' : s.uncited;
}

function diagnosticMessage(v: Verdict): string {
  if (v.verdict === 'supported' && !v.claim.explicitlyCited) {
    const ev = v.evidence[0];
    return ev ? `Supported by ${ev.reference} ¶${ev.paragraph} but not cited here: add a citation.` : 'Supported by the source but not cited here.';
  }
  return v.message;
}

export const VERDICT_LABEL: Record<Verdict['verdict'], string> = { supported: 'Supported', contradicted: 'Contradicted', unsupported: 'Unsupported' };

/** Escapes text for a Markdown hover so that links, HTML and emphasis in it stay plain characters. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+\-.!|~&"'$:]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)).replace(/\r\n|\r|\n/g, ' ');
}

/** Escapes text for HTML (the report webview). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** VS Code's own policy source goes into the attribute as written, only double quotes escaped. */
const attr = (s: string) => s.replace(/"/g, '&quot;');

export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** How hovers link to a passage: the caller knows each reference's document address. */
export type PassageLink = (reference: string, span: Span) => string | undefined;

const KIND_LABEL: Record<Entity['kind'], string> = { person: 'Person', organisation: 'Organisation', place: 'Place', office: 'Office', thing: 'Term', group: 'Group' };

export interface HoverCard {
  markdown: string;
  span: Span;
}

/** The hover for `offset` of a draft: a citation's paragraph, a known name's card and the verdict on the statement. */
export function hoverAt(text: string, offset: number, result: CheckResult | undefined, references: Reference[], link: PassageLink, citations: Citation[] = []): HoverCard | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const citation = citations.find((c) => c.start <= offset && offset <= c.end);
  if (citation) {
    span = { start: citation.start, end: citation.end };
    parts.push(citationCard(citation, references, link));
  } else {
    const term = lookupTerm(references, text, offset);
    if (term) {
      span = term.span;
      parts.push(termCard(term.entity, term.reference, link));
    }
  }
  const verdict = result?.verdicts.find((v) => !v.suppressed && v.claim.start <= offset && offset <= v.claim.end);
  if (verdict) {
    span ??= { start: verdict.claim.start, end: verdict.claim.end };
    parts.push(verdictCard(verdict, link));
  }
  return parts.length && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

function passage(reference: string, span: Span, paragraph: number, link: PassageLink): string {
  const target = link(reference, span);
  const label = `${escapeMarkdown(reference)} ¶${paragraph}`;
  return target ? `[${label}](${target})` : label;
}

export function termCard(entity: Entity, ref: Reference, link: PassageLink): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** (${KIND_LABEL[entity.kind]}) — according to *${escapeMarkdown(ref.title)}*`);
  const about: string[] = [];
  if (entity.description) about.push(escapeMarkdown(entity.description));
  else if (entity.office) about.push(escapeMarkdown([entity.nationality, entity.office].filter(Boolean).join(' ')));
  if (entity.holder) {
    const holder = ref.entities.find((e) => e.id === entity.holder);
    if (holder) about.push(`held by ${escapeMarkdown(holder.name)}`);
  }
  if (about.length) lines.push(about.join('; '));
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length) lines.push(`Also: ${aliases.slice(0, 6).map(escapeMarkdown).join(', ')}`);
  if (entity.paragraphs.length) {
    const where = entity.paragraphs.slice(0, 12).map((n) => {
      const p = ref.paragraphs[n - 1];
      return p ? passage(ref.key, p, n, link) : `¶${n}`;
    });
    lines.push(`Mentioned in ${where.join(', ')}${entity.paragraphs.length > 12 ? ', …' : ''}`);
  }
  const key = ref.sentences[entity.keySentence];
  if (key) lines.push(`> ${escapeMarkdown(clip(key.text, 400))} (${passage(ref.key, key, key.paragraph, link)})`);
  return lines.join('\n\n');
}

export function verdictCard(v: Verdict, link: PassageLink): string {
  const lines = [`**${VERDICT_LABEL[v.verdict]}** (${escapeMarkdown(v.category)}): ${escapeMarkdown(diagnosticMessage(v))}`];
  for (const e of v.evidence.slice(0, 2)) lines.push(evidenceQuote(e, link));
  return lines.join('\n\n');
}

function evidenceQuote(e: Evidence, link: PassageLink): string {
  return `> ${escapeMarkdown(clip(e.text, 400))} (${passage(e.reference, e, e.paragraph, link)})`;
}

function citationCard(c: Citation, references: Reference[], link: PassageLink): string {
  if (c.error) return `**Citation cannot be read:** ${escapeMarkdown(c.error)}`;
  return c.items
    .map((item) => {
      const ref = references.find((r) => r.key === item.key);
      if (!ref) return `**${escapeMarkdown(item.key)}**: no reference with this key is loaded.`;
      const head = `**${escapeMarkdown(ref.title)}** (${escapeMarkdown(ref.key)}${ref.credit ? `, ${escapeMarkdown(ref.credit)}` : ''})`;
      if (item.paragraph === undefined) return `${head}, ${ref.paragraphs.length} paragraphs`;
      const p = ref.paragraphs[item.paragraph - 1];
      if (!p) return `${head}: ¶${item.paragraph} is past its last paragraph (¶${ref.paragraphs.length}).`;
      return `${head} ${passage(ref.key, p, p.number, link)}\n\n> ${escapeMarkdown(clip(p.text, 700))}`;
    })
    .join('\n\n');
}

export interface CompletionSpec {
  label: string;
  insertText: string;
  detail: string;
  documentation: string;
  /** Offsets of the text the completion replaces. */
  replace: Span;
  sortText: string;
}

/** Completions at `offset`: reference keys inside `[@…`, paragraph numbers after `, ¶`. */
export function completionsAt(text: string, offset: number, references: Reference[]): CompletionSpec[] {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 300);
  const before = text.slice(lineStart, offset);
  const para = /\[[^\]\n]*?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?~/]*)[^\];\n]*?,\s*(?:¶|para\.?\s*|p\.\s*)(\d*)$/u.exec(before);
  if (para) {
    const ref = references.find((r) => r.key === para[1]);
    if (!ref) return [];
    const replace = { start: offset - para[2].length, end: offset };
    return ref.paragraphs.map((p) => ({
      label: String(p.number),
      insertText: String(p.number),
      detail: `¶${p.number} of ${ref.key}`,
      documentation: clip(p.text, 400),
      replace,
      sortText: String(p.number).padStart(5, '0'),
    }));
  }
  const key = /\[(?:[^\]\n]*;\s*)?-?@([\p{L}\p{N}_:.#$%&\-+?~/]*)$/u.exec(before);
  if (key) {
    const replace = { start: offset - key[1].length, end: offset };
    return references.map((r, i) => ({
      label: r.key,
      insertText: r.key,
      detail: r.title,
      documentation: [r.credit, `${r.paragraphs.length} paragraphs`, clip(r.paragraphs[0]?.text ?? '', 200)].filter(Boolean).join(' · '),
      replace,
      sortText: String(i).padStart(4, '0'),
    }));
  }
  return [];
}

export interface Counts {
  contradicted: number;
  unsupported: number;
  supported: number;
  problems: number;
}

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

/** Every safe fix of a judged draft, one per finding, without overlaps, in text order. */
export function safeEdits(state: { result: { verdicts: { fixes: Fix[]; suppressed: boolean }[]; problems: { fixes: Fix[] }[] } }): TextEdit[] {
  const chosen: TextEdit[] = [];
  const candidates = [...state.result.verdicts.filter((v) => !v.suppressed), ...state.result.problems].flatMap((f) => f.fixes.filter((x) => x.safe).slice(0, 1));
  for (const fix of candidates) {
    const clash = fix.edits.some((e) => chosen.some((c) => (e.start < c.end && c.start < e.end) || (e.start === c.start && e.end === c.end)));
    if (!clash) chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The part of a draft that is judged: all of it, or up to the last paragraph break before the limit. */
export function judgedPart(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.lastIndexOf('\n\n', limit);
  let end = cut > limit / 2 ? cut : limit;
  // Never end between the two halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return { text: text.slice(0, end), truncated: true };
}

/** A draft cites something when it has a citation key in brackets, a footnote key or front-matter references. */
export function citesAnything(text: string): boolean {
  return /\[[^\]\n]*@[\p{L}\p{N}_]/u.test(text) || /^\[\^[^\]]+\]:.*@[\p{L}\p{N}_]/mu.test(text) || /^references\s*:/m.test(text.slice(0, 4000));
}
