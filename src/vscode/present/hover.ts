// Hover cards as Markdown: a citation's paragraph, a known name's card, the verdict on a statement.
import { displayDate, lookupTerm, type CheckResult, type Citation, type Entity, type Evidence, type Reference, type ReferenceMeta, type SourceEntry, type Span, type Verdict } from '../../core';
import { diagnosticMessage } from './diagnostics';
import { clip, VERDICT_LABEL } from './format';

/** Escapes text for a Markdown hover so that links, HTML and emphasis in it stay plain characters. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+\-.!|~&"'$:]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)).replace(/\r\n|\r|\n/g, ' ');
}

/** How hovers link to a passage: the caller knows each reference's document address. */
export type PassageLink = (reference: string, span: Span) => string | undefined;

const KIND_LABEL: Record<Entity['kind'], string> = { person: 'Person', organisation: 'Organisation', place: 'Place', office: 'Office', thing: 'Term', group: 'Group' };

export interface HoverCard {
  markdown: string;
  span: Span;
}

/** How long a quoted passage may be in a hover: a short card keeps VS Code's action row in view when it opens above the line. */
export const HOVER_PASSAGE_CHARS = 180;

/**
 * The hover for `offset` of a draft: a citation's paragraph, a known name's card and the verdict on
 * the statement. `diagnosed` holds the indices of the verdicts shown as diagnostics: VS Code already
 * puts a diagnostic's message (and its link to the evidence) in the same hover, so their cards give
 * the verdict and the passage without repeating the message.
 */
export function hoverAt(
  text: string,
  offset: number,
  result: CheckResult | undefined,
  references: Reference[],
  link: PassageLink,
  citations: Citation[] = [],
  diagnosed: ReadonlySet<number> = new Set(),
  sources: readonly SourceEntry[] = [],
): HoverCard | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const index = result?.verdicts.findIndex((v) => !v.suppressed && v.claim.start <= offset && offset <= v.claim.end) ?? -1;
  const verdict = result && index >= 0 ? result.verdicts[index] : undefined;
  const citation = citations.find((c) => c.start <= offset && offset <= c.end);
  if (citation) {
    span = { start: citation.start, end: citation.end };
    parts.push(citationCard(citation, references, link, sources));
  } else {
    const term = lookupTerm(references, text, offset);
    if (term) {
      span = term.span;
      // The verdict card below quotes its evidence: the name's key sentence only when it is another passage.
      const quoted = verdict?.evidence[0];
      const key = term.reference.sentences[term.entity.keySentence];
      const same = !!quoted && !!key && quoted.reference === term.reference.key && quoted.start < key.end && key.start < quoted.end;
      parts.push(termCard(term.entity, term.reference, link, !same));
    }
  }
  if (verdict) {
    span ??= { start: verdict.claim.start, end: verdict.claim.end };
    parts.push(verdictCard(verdict, link, diagnosed.has(index)));
  }
  return parts.length && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

function passage(reference: string, span: Span, paragraph: number, link: PassageLink): string {
  const target = link(reference, span);
  const label = `${escapeMarkdown(reference)} ¶${paragraph}`;
  return target ? `[${label}](${target})` : label;
}

/**
 * The card for a name the reference knows, in three short lines: what it is per the source, its other
 * names and where it is mentioned, and (unless `withKeySentence` is false) the sentence that says most about it.
 */
export function termCard(entity: Entity, ref: Reference, link: PassageLink, withKeySentence = true): string {
  const lines: string[] = [];
  const about: string[] = [];
  if (entity.description) about.push(entity.description);
  else if (entity.office) about.push([entity.nationality, entity.office].filter(Boolean).join(' '));
  const holder = entity.holder ? ref.entities.find((e) => e.id === entity.holder) : undefined;
  // An office's description already names its holder ("office held by …"): say it once.
  if (holder && !about.some((a) => a.includes(holder.name))) about.push(`held by ${holder.name}`);
  const what = about.length ? ` — ${escapeMarkdown(about.join('; '))}` : '';
  lines.push(`**${escapeMarkdown(entity.name)}**${what} (${KIND_LABEL[entity.kind]} in ${escapeMarkdown(ref.key)})`);
  const more: string[] = [];
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length) more.push(`Also: ${aliases.slice(0, 4).map(escapeMarkdown).join(', ')}.`);
  if (entity.paragraphs.length) {
    const where = entity.paragraphs.slice(0, 8).map((n) => {
      const p = ref.paragraphs[n - 1];
      return p ? passage(ref.key, p, n, link) : `¶${n}`;
    });
    more.push(`Mentioned in ${where.join(', ')}${entity.paragraphs.length > 8 ? ', …' : ''}.`);
  }
  if (more.length) lines.push(more.join(' '));
  const key = ref.sentences[entity.keySentence];
  if (key && withKeySentence) lines.push(`> ${escapeMarkdown(clip(key.text, HOVER_PASSAGE_CHARS))} (${passage(ref.key, key, key.paragraph, link)})`);
  return lines.join('\n\n');
}

/**
 * The card for a verdict: label, category and confidence; the reason unless a diagnostic already
 * shows it (`diagnosed`); and the passage it relies on, once and clipped, so the card stays short.
 */
export function verdictCard(v: Verdict, link: PassageLink, diagnosed = false): string {
  const sure = v.confidence === undefined ? '' : `, confidence ${Math.round(v.confidence * 100)}%`;
  const head = `**${VERDICT_LABEL[v.kind]}** (${escapeMarkdown(v.category)}${sure})`;
  const lines = [diagnosed ? head : `${head}: ${escapeMarkdown(diagnosticMessage(v))}`];
  const e = v.evidence[0];
  if (e) lines.push(evidenceQuote(e, link));
  return lines.join('\n\n');
}

function evidenceQuote(e: Evidence, link: PassageLink): string {
  return `> ${escapeMarkdown(clip(e.text, HOVER_PASSAGE_CHARS))} (${passage(e.reference, e, e.paragraph, link)})`;
}

function citationCard(c: Citation, references: Reference[], link: PassageLink, sources: readonly SourceEntry[]): string {
  if (c.error) return `**Citation cannot be read:** ${escapeMarkdown(c.error)}`;
  return c.items
    .map((item) => {
      const ref = references.find((r) => r.key === item.key);
      if (!ref) {
        const source = sources.find((s) => s.key === item.key);
        if (!source) return `**${escapeMarkdown(item.key)}**: no reference with this key is loaded.`;
        const lines = [`**${escapeMarkdown(source.title)}** (${escapeMarkdown(source.key)}): no text of this source to check against.`];
        const meta = metadataMarkdown(source);
        if (meta) lines.push(meta);
        lines.push(source.problem ? escapeMarkdown(source.problem) : `From ${escapeMarkdown(source.declaredIn.split(/[\\/]/).pop() ?? source.declaredIn)}; attach its file to have statements citing it checked.`);
        return lines.join('\n\n');
      }
      const meta = metadataMarkdown(ref);
      const head = `**${escapeMarkdown(ref.title)}** (${escapeMarkdown(ref.key)}${ref.credit ? `, ${escapeMarkdown(ref.credit)}` : ''})`;
      // Outlet, author, date and URL on a line of their own under the title, when the reference has them.
      const withMeta = (card: string, rest = '') => `${card}${meta ? `\n\n${meta}` : ''}${rest}`;
      // Page, section and chapter locators are shown as written (pages are checked in the diagnostics).
      if (item.paragraph === undefined) return withMeta(`${head}${item.locator ? `, ${escapeMarkdown(item.locator.text)}` : ''}, ${ref.paragraphs.length} paragraph${ref.paragraphs.length === 1 ? '' : 's'}`);
      const p = ref.paragraphs[item.paragraph - 1];
      if (!p) return withMeta(`${head}: ¶${item.paragraph} is past its last paragraph (¶${ref.paragraphs.length}).`);
      return withMeta(`${head} ${passage(ref.key, p, p.number, link)}`, `\n\n> ${escapeMarkdown(clip(p.text, 700))}`);
    })
    .join('\n\n');
}

/**
 * A reference's metadata for a hover, one line: outlet, author, date ("5 March 2024") and URL, each escaped. Only an
 * http or https URL becomes a link (a `javascript:`, `data:` or `command:` one stays plain text).
 */
export function metadataMarkdown(m: Pick<ReferenceMeta, 'outlet' | 'author' | 'date' | 'url'>): string | undefined {
  const parts = [m.outlet, m.author, m.date && displayDate(m.date)].filter((x): x is string => !!x?.trim()).map((x) => escapeMarkdown(clip(x, 120)));
  if (m.url?.trim()) parts.push(urlMarkdown(m.url));
  return parts.length ? parts.join(' · ') : undefined;
}

/** A URL as hover Markdown: a link when it is http(s), its characters escaped; otherwise plain escaped text. */
export function urlMarkdown(url: string): string {
  const shown = escapeMarkdown(clip(url, 100));
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return shown;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return shown;
  // Characters that could end or break out of the link destination are percent-encoded.
  const href = u.href.replace(/[()<>\s"'\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${shown}](${href})`;
}
