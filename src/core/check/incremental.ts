// Incremental re-parsing: the parse of an edited draft derived from the previous parse, when the
// edit stays inside one block of plain prose, so that a keystroke re-parses one block only.
import { buildBlock, type Block, type Draft } from '../draft/parse';
import { partitionPoint } from '../text/search';
import type { Citation, CitationItem, Claim, Span } from '../types';
import { isHighSurrogate, isLowSurrogate } from '../text/unicode';

/**
 * The parse of `text` derived from the previous one when the edit stays inside one block of plain
 * prose (no line breaks, markup or citation characters); otherwise undefined and the caller re-parses.
 */
export function editedDraft(old: string, prev: Draft, text: string): { draft: Draft; block: number; moved: boolean } | undefined {
  const max = Math.min(old.length, text.length);
  let p = commonPrefix(old, text, max);
  let s = commonSuffix(old, text, max - p);
  // Never start or end an edit between the two halves of a surrogate pair.
  if (p > 0 && isHighSurrogate(old.charCodeAt(p - 1))) p--;
  if (s > 0 && isLowSurrogate(old.charCodeAt(old.length - s))) s--;
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const delta = text.length - old.length;
  if (STRUCTURAL.test(old.slice(p, oldEnd)) || STRUCTURAL.test(text.slice(p, newEnd))) return undefined;
  // Nor may it touch markup: "x](u)" or "@" next to the edit can turn into a link or a citation.
  if (STRUCTURAL.test(old.charAt(p - 1)) || STRUCTURAL.test(old.charAt(oldEnd))) return undefined;
  // The edited line must read the same way: prose must stand before the edit on its line, so that
  // "x- item" → "- item" (a list item) or "    code" (indented code) cannot come of it.
  const lineStart = lastLineBreak(old, p) + 1;
  const oldLineEnd = nextLineBreak(old, oldEnd);
  const newLineEnd = oldLineEnd + delta;
  if (!/[\p{L}\p{N}]/u.test(prev.prose.slice(lineStart, p))) return undefined;
  // Whether a hard line break ends a statement depends on the words on either side of it (see
  // markdown.ts continuesOver): an edit on a line that follows or ends with one re-parses.
  if (/(?:\\| {2,})(?:\r\n|\n|\r)$/.test(old.slice(Math.max(0, lineStart - 4), lineStart))) return undefined;
  if (/(?:\\| {2,})$/.test(old.slice(lineStart, oldLineEnd)) || /(?:\\| {2,})$/.test(text.slice(lineStart, newLineEnd))) return undefined;
  // Nor may it touch a citation: an unclosed one ("[@key, ¶" to the end of its line) grows with the
  // words typed after it. Citations are sorted by start and an unclosed one spans at most 41 characters.
  for (let i = partitionPoint(prev.citations.length, (k) => prev.citations[k].start < p - 41); i < prev.citations.length && prev.citations[i].start <= oldEnd; i++) {
    if (prev.citations[i].end >= p) return undefined;
  }
  const bi = blockAround(prev.blocks, p, oldEnd);
  if (bi < 0) return undefined;
  const b = prev.blocks[bi];
  // The edit and its neighbours must be prose the parser kept as written, not blanked markup.
  for (let i = Math.max(b.start, p - 1); i < Math.min(b.end, oldEnd + 1); i++) if (prev.prose[i] !== old[i]) return undefined;
  const prose = prev.prose.slice(0, p) + text.slice(p, newEnd) + prev.prose.slice(oldEnd);
  const span = { start: b.start, end: b.end + delta };
  const blockProse = prose.slice(span.start, span.end);
  if (/^\s/.test(blockProse) || !/[\p{L}\p{N}]/u.test(blockProse)) return undefined;
  // …and hold no text the parser would read as a link now: "ttp://x" → "http://x", "www.x".
  if (/https?:|www\.|mailto:/i.test(text.slice(Math.max(lineStart, p - 8), Math.min(newLineEnd, newEnd + 8)))) return undefined;
  // A statement may change language with the edit: its block is rebuilt, which asks again.
  // Everything after the edit moves by delta; a citation shifted once serves the draft and its statement.
  const shifted = new Map<Citation, Citation>();
  const citations = !delta
    ? prev.citations
    : shiftTail(prev.citations, oldEnd, (c) => {
        const moved = shiftCitation(c, delta);
        shifted.set(c, moved);
        return moved;
      });
  const footnoteRefs = !delta ? prev.footnoteRefs : shiftTail(prev.footnoteRefs, oldEnd, (f) => ({ ...f, start: f.start + delta, end: f.end + delta }));
  const notes = { citations, footnoteRefs, footnoteKeys: prev.footnoteKeys, frontMatterKeys: prev.frontMatterKeys };
  // A row's citations (Block.rowCitations) after the edit moved with it, in every cell of the row.
  const rowCited = (x: Block) => (x.rowCitations && delta ? { ...x, rowCitations: x.rowCitations.map((c) => shifted.get(c) ?? c) } : x);
  const edited = buildBlock(prose, span, b.index, notes, b.rowKeys, rowCited(b).rowCitations);
  if (!edited.claims.length) return undefined;
  const blocks: Block[] = prev.blocks.slice();
  blocks[bi] = edited;
  if (delta !== 0) {
    for (let i = bi - 1; i >= 0 && blocks[i].rowCitations?.some((c) => c.start >= oldEnd); i--) blocks[i] = rowCited(blocks[i]);
    const claimOf = (c: Claim): Claim => ({
      ...c,
      start: c.start + delta,
      end: c.end + delta,
      citations: c.citations.length ? c.citations.map((x) => shifted.get(x) ?? shiftCitation(x, delta)) : [],
      quotes: c.quotes.length ? c.quotes.map((q) => ({ ...q, start: q.start + delta, end: q.end + delta })) : [],
    });
    for (let i = bi + 1; i < blocks.length; i++) {
      const x = blocks[i];
      blocks[i] = { ...x, start: x.start + delta, end: x.end + delta, claims: x.claims.map(claimOf), ...(x.rowCitations ? { rowCitations: x.rowCitations.map((c) => shifted.get(c) ?? shiftCitation(c, delta)) } : {}) };
    }
  }
  const regions = prev.suppressions.regions.map((r) => (r.start >= oldEnd ? { ...r, start: r.start + delta, end: r.end + delta } : r.end >= oldEnd ? { start: r.start, end: r.end + delta } : r));
  const inline = prev.suppressions.inline.map((at) => (at >= oldEnd ? at + delta : at));
  // Links after the edit move; a link whose label holds the edit grows or shrinks with it.
  const links = !delta ? prev.links : prev.links.map((l) => (l.end <= p ? l : l.start >= oldEnd ? { ...l, start: l.start + delta, end: l.end + delta, label: shiftSpan(l.label, delta) } : { ...l, end: l.end + delta, label: l.label.end >= oldEnd ? { start: l.label.start, end: l.label.end + delta } : l.label }));
  // A footnote definition holding the edit grows or shrinks with it.
  const footnoteDefs = !delta ? prev.footnoteDefs : prev.footnoteDefs.map((f) => (f.end <= p ? f : f.start >= oldEnd ? { ...f, start: f.start + delta, end: f.end + delta } : { ...f, end: f.end + delta }));
  const tableRows = !delta ? prev.tableRows : prev.tableRows.map((r) => (r.end <= p ? r : r.start >= oldEnd ? { ...r, start: r.start + delta, end: r.end + delta } : { ...r, end: r.end + delta }));
  return { draft: { ...prev, text, prose, blocks, citations, footnoteRefs, footnoteDefs, tableRows, links, suppressions: { inline, regions } }, block: bi, moved: delta !== 0 };
}

// Characters whose edit can change the structure of a draft rather than the words of one block.
const STRUCTURAL = /[\r\n`~<>^|#*_\[\]@\\${}:&]/;

/** Offset of the last CR or LF before `at`, or -1. */
function lastLineBreak(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i--;
  return i;
}
/** Offset of the first CR or LF at or after `at`, or the text's length. */
function nextLineBreak(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** A citation moved by `by` characters, its items' key and locator spans with it. */
export function shiftCitation<T extends Citation>(c: T, by: number): T {
  const items: CitationItem[] = [];
  for (const i of c.items) items.push({ ...i, keySpan: shiftSpan(i.keySpan, by), locatorSpan: i.locatorSpan && shiftSpan(i.locatorSpan, by) });
  return { ...c, start: c.start + by, end: c.end + by, items };
}

function shiftSpan<T extends Span>(s: T, by: number): T {
  return { ...s, start: s.start + by, end: s.end + by };
}

/**
 * Length of the common prefix of `a` and `b`, at most `max`. Equal runs are skipped in slices
 * (compared as whole strings, far faster than char by char on a long draft), then char by char.
 */
function commonPrefix(a: string, b: string, max: number): number {
  let p = 0;
  for (let step = 1024; step >= 1; step >>= 2) while (p + step <= max && a.slice(p, p + step) === b.slice(p, p + step)) p += step;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  for (let step = 1024; step >= 1; step >>= 2) while (s + step <= max && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) s += step;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** `xs` (in text order) with every element that starts at or after `from` replaced by `move(x)`. */
function shiftTail<T extends Span>(xs: T[], from: number, move: (x: T) => T): T[] {
  const lo = partitionPoint(xs.length, (i) => xs[i].start < from);
  if (lo === xs.length) return xs;
  const out = xs.slice();
  for (let i = lo; i < out.length; i++) out[i] = move(out[i]);
  return out;
}

/** Index of the block that holds the whole of [start, end], or -1 (blocks are in text order and never touch). */
function blockAround(blocks: Block[], start: number, end: number): number {
  const lo = partitionPoint(blocks.length, (i) => blocks[i].start <= start);
  return lo > 0 && end <= blocks[lo - 1].end ? lo - 1 : -1;
}
