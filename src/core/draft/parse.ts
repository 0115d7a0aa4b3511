import { readFrontMatter } from '../text/frontMatter';
import { findQuotes } from '../text/quotes';
import { splitSentences } from '../text/sentences';
import type { Citation, Claim, Span } from '../types';
import { BLANK_LINE, findCitations, findFootnoteRefs, keysInText } from './citations';
import { readSuppressions, type Suppressions } from './suppress';
import { partitionPoint } from '../text/search';

/** A Markdown block of prose (a paragraph, list item run or quote), with the statements in it. */
export interface Block extends Span {
  index: number;
  claims: Claim[];
}

export interface Draft {
  text: string;
  /**
   * The text with everything that is not prose blanked to spaces (code, comments, link targets,
   * citations, markup), same length and line breaks, so offsets need no mapping.
   */
  prose: string;
  blocks: Block[];
  citations: Citation[];
  /** Keys linked to the whole draft by front matter `references:`. */
  frontMatterKeys: string[];
  /** Keys cited anywhere (markers and footnotes). */
  citedKeys: string[];
  suppressions: Suppressions;
  footnoteRefs: FootnoteRef[];
  footnoteKeys: Map<string, string[]>;
  /** Inline Markdown links of the prose (`[label](url)`), in text order; a link to a reference's URL cites it. */
  links: DraftLink[];
}

export interface FootnoteRef extends Span {
  id: string;
}

/** An inline link: its whole span (`[label](url)`), the label's span and the destination as written. */
export interface DraftLink extends Span {
  label: Span;
  url: string;
}

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** Reads a Markdown draft into blocks, statements, citations and quotes, all with offsets. */
export function parseDraft(text: string): Draft {
  let masked: Span[] = [];
  const mask = (s: number, e: number) => {
    if (e > s) masked.push({ start: s, end: Math.min(e, text.length) });
  };

  const { end: fmEnd, references: frontMatterKeys } = readFrontMatter(text);
  mask(0, fmEnd);

  // HTML comments (suppression directives live here), then fenced code.
  const comments: Span[] = [];
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) {
    if ((m.index ?? 0) < fmEnd) continue;
    comments.push({ start: m.index!, end: m.index! + m[0].length });
    mask(m.index!, m.index! + m[0].length);
  }
  const suppressions = readSuppressions(text, comments.filter((c) => text.slice(c.end - 3, c.end) === '-->'));

  const lines = lineSpans(text);
  let fence: string | undefined;
  const footnoteKeys = new Map<string, string[]>();
  for (const line of lines) {
    if (line.end <= fmEnd) continue;
    const raw = text.slice(line.start, line.end);
    const fm = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      mask(line.start, line.end);
      if (fm && fm[1][0] === fence[0] && fm[1].length >= fence.length && raw.trim() === fm[1]) fence = undefined;
      continue;
    }
    if (fm) {
      fence = fm[1];
      mask(line.start, line.end);
      continue;
    }
    const kind = lineKind(raw);
    if (kind.kind === 'footnote') {
      footnoteKeys.set(kind.id, keysInText(kind.body));
      mask(line.start, line.end);
      continue;
    }
    if (kind.kind === 'markup') {
      mask(line.start, line.end); // link definitions, headings, rules, tables, HTML block lines
      continue;
    }
    if (kind.marker) mask(line.start, line.start + kind.marker);
  }

  let prose = applyMask(text, masked);
  // Citations are found in the prose view so that code and comments cannot hold one.
  const citations = findCitations(prose);
  masked = [];
  for (const c of citations) mask(c.start, c.end);
  const footnoteRefs = findFootnoteRefs(prose);
  for (const f of footnoteRefs) mask(f.start, f.end);
  prose = applyMask(prose, masked);
  const links = findLinks(prose);
  prose = maskInline(prose);

  const citedKeys = new Set<string>();
  for (const c of citations) for (const i of c.items) citedKeys.add(i.key);
  for (const keys of footnoteKeys.values()) for (const k of keys) citedKeys.add(k);

  const notes: Notes = { citations, footnoteRefs, footnoteKeys, frontMatterKeys };
  const blocks: Block[] = [];
  for (const b of blockSpans(prose)) {
    const block = buildBlock(prose, b, blocks.length, notes);
    if (block.claims.length) blocks.push(block);
  }
  return { text, prose, blocks, citations, frontMatterKeys, citedKeys: [...citedKeys], suppressions, footnoteRefs, footnoteKeys, links };
}

/** Inline links with a destination (`[label](url "title")`); images are not links. */
function findLinks(prose: string): DraftLink[] {
  const out: DraftLink[] = [];
  for (const m of prose.matchAll(/(?<!!)\[([^\]\r\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\r\n]*")?\s*\)/g)) {
    const start = m.index!;
    out.push({ start, end: start + m[0].length, label: { start: start + 1, end: start + 1 + m[1].length }, url: m[2] });
  }
  return out;
}

/** What ties statements to sources across a draft: citation markers, footnotes, front matter. */
export interface Notes {
  citations: Citation[];
  footnoteRefs: FootnoteRef[];
  footnoteKeys: Map<string, string[]>;
  frontMatterKeys: string[];
}

export type LineKind = { kind: 'footnote'; id: string; body: string } | { kind: 'markup' } | { kind: 'prose'; marker: number };

/**
 * How one line outside code and front matter reads: a footnote definition, a whole line of
 * markup (link definition, heading, rule, table row, HTML block line), or prose after a list
 * or quote marker of `marker` characters. A list marker needs a space after it, as in
 * CommonMark: "1.5 million …" and "-->" at the start of a line are prose.
 */
export function lineKind(raw: string): LineKind {
  const footnote = /^\s{0,3}\[\^([^\]\s]+)\]:\s?(.*)$/.exec(raw);
  if (footnote) return { kind: 'footnote', id: footnote[1], body: footnote[2] };
  if (/^\s{0,3}\[[^\]]+\]:\s*\S/.test(raw) || /^\s{0,3}#{1,6}(\s|$)/.test(raw) || /^\s{0,3}(?:[-*_]\s*){3,}$/.test(raw) || /^\s*\|/.test(raw) || /^\s{0,3}<\/?[A-Za-z][^>]*>\s*$/.test(raw)) {
    return { kind: 'markup' };
  }
  const marker = /^(\s{0,3}(?:>\s?)*(?:(?:[-+*]|\d{1,9}[.)])(?=\s|$))?\s*)/.exec(raw);
  return { kind: 'prose', marker: marker && marker[1].trim() ? marker[1].length : 0 };
}

/** The statements of one block of prose, with the citations that stand in or right after each. */
export function buildBlock(prose: string, b: Span, index: number, notes: Notes): Block {
  const { citations, footnoteRefs, footnoteKeys, frontMatterKeys } = notes;
  const block: Block = { start: b.start, end: b.end, index, claims: [] };
  const sentences = splitSentences(prose, b.start, b.end);
  // Citations and footnote marks are in text order: find the first in the block, then walk.
  let ci = lowerBound(citations, b.start);
  let fi = lowerBound(footnoteRefs, b.start);
  sentences.forEach((s, k) => {
    const until = k + 1 < sentences.length ? sentences[k + 1].start : b.end;
    while (ci < citations.length && citations[ci].start < s.start) ci++;
    while (fi < footnoteRefs.length && footnoteRefs[fi].start < s.start) fi++;
    const own: Citation[] = [];
    for (let i = ci; i < citations.length && citations[i].start < until; i++) own.push(citations[i]);
    const marks: FootnoteRef[] = [];
    for (let i = fi; i < footnoteRefs.length && footnoteRefs[i].start < until; i++) marks.push(footnoteRefs[i]);
    const cited = new Set<string>();
    for (const c of own) for (const i of c.items) cited.add(i.key);
    for (const f of marks) for (const k2 of footnoteKeys.get(f.id) ?? []) cited.add(k2);
    const explicitlyCited = cited.size > 0;
    for (const k2 of frontMatterKeys) cited.add(k2);
    block.claims.push({
      start: s.start,
      end: s.end,
      text: prose.slice(s.start, s.end).replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1').trim(),
      cited: [...cited],
      explicitlyCited,
      citations: own,
      quotes: findQuotes(prose, s.start, s.end).map((q) => ({ ...q, text: prose.slice(q.start, q.end) })),
      block: index,
    });
  });
  return block;
}

function lowerBound(spans: Span[], at: number): number {
  return partitionPoint(spans.length, (i) => spans[i].start < at);
}


/** The text with the given spans blanked to spaces (line breaks kept). */
function applyMask(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const s of spans) {
    const start = Math.max(s.start, pos);
    if (s.end <= start) continue;
    parts.push(text.slice(pos, start), blank(text.slice(start, s.end)));
    pos = s.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Blanks inline markup: code spans, images, link targets, autolinks, HTML tags, emphasis marks. */
export function maskInline(s: string): string {
  return s
    .replace(/`+[^`\r\n]*`+/g, blank)
    .replace(/!\[[^\]\r\n]*\]\([^)\r\n]*\)/g, blank)
    .replace(/\[([^\]\r\n]*)\]\([^)\r\n]*\)/g, (m, label: string) => ` ${label}${blank(m.slice(label.length + 1))}`)
    .replace(/\]\([^)\r\n]*\)/g, blank)
    .replace(/\]\[[^\]\r\n]*\]/g, blank)
    .replace(/<(?:https?:|mailto:)[^>\s]*>/g, blank)
    .replace(/https?:\/\/\S+/g, blank)
    .replace(/<\/?[A-Za-z][^>\r\n]*>/g, blank)
    .replace(/(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|~~)|(?<=\S)_{1,3}(?![\p{L}\p{N}])/gu, blank)
    .replace(/(?<![\p{L}\p{N}\]])\[(?=[^\]\r\n]*\])/gu, ' ');
}

function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: text.length });
  return out;
}

/** Blank-line separated spans of the prose view that hold any words. */
function blockSpans(prose: string): Span[] {
  const out: Span[] = [];
  // A CRLF is one line break, never a CR and an LF: "a\r\nb" is one block.
  const re = new RegExp(BLANK_LINE.source, 'g');
  let last = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(prose[s])) s++;
    while (e > s && /\s/.test(prose[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(prose.slice(s, e))) out.push({ start: s, end: e });
  };
  for (let m = re.exec(prose); m; m = re.exec(prose)) {
    push(last, m.index);
    last = m.index + m[0].length;
    re.lastIndex = last;
  }
  push(last, prose.length);
  return out;
}
