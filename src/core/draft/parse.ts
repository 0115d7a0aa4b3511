import { readFrontMatter } from '../text/frontMatter';
import { nonEnglishLanguage } from '../text/language';
import { findQuotes } from '../text/quotes';
import { splitSentences } from '../text/sentences';
import type { Citation, Claim, ProblemCode, SourceEntry, Span } from '../types';
import { findCitations, keysInText } from './citations';
import { COMPUTED, dialectOf, proseView, type Dialect, type LinkSpan, type ParseCache, type ProseView, type TableRow } from './markdown';
import { readSuppressions, type Suppressions } from './suppress';
import { partitionPoint } from '../text/search';

export { dialectOf } from './markdown';
export type { Dialect, ParseCache } from './markdown';

/** A block of prose (a paragraph, list item, table cell, heading or HTML block), with the statements in it. */
export interface Block extends Span {
  index: number;
  claims: Claim[];
  /** For a table cell: keys cited by the citations standing alone in other cells of its row (a "Source" column); they cite each of its statements. */
  rowKeys?: string[];
  /**
   * For a table cell: the citations standing alone in other cells of its row (a "Source" column),
   * with their items and locators. They cite each of the cell's statements as a trailing citation
   * would: locators are checked and fixed. A fix to one edits the citation's cell, so for a row
   * citation the statement's extent (which no fix reaches outside) is its table row.
   */
  rowCitations?: Citation[];
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
  /** Keys linked to the whole draft by front matter `sourcecheck: { references: [...] }` (or the older `references:` list of plain keys). */
  frontMatterKeys: string[];
  /** Keys cited anywhere (markers and footnotes). */
  citedKeys: string[];
  suppressions: Suppressions;
  footnoteRefs: FootnoteRef[];
  footnoteKeys: Map<string, string[]>;
  /** Footnote definitions (`[^id]: …`, all their paragraphs), in text order: a link citation inside one cites the statements that call it. */
  footnoteDefs: FootnoteRef[];
  /** Rows of GFM tables, in text order (a link alone in a cell cites its row, see check/resolve.ts). */
  tableRows: TableRow[];
  /** Inline Markdown links of the prose (`[label](url)`), in text order; a link to a reference's URL cites it. */
  links: DraftLink[];
  /** The dialect the draft was read as. */
  dialect: Dialect;
  /** Bibliography files named by Pandoc's `bibliography:` front matter, as written. */
  bibliographies: string[];
  /** Sources of Pandoc's inline bibliography (front matter `references:` of CSL items): their keys are known. */
  inlineSources: SourceEntry[];
  /** Keys of Pandoc's `nocite:` (cited nowhere in the text; `*` for all). */
  nocite: string[];
  /** Where each key of `nocite` stands in the front matter, same order (empty when they cannot be placed). */
  nociteSpans: Span[];
  /** How reading went wrong where it did (front matter, MDX syntax); the rest of the draft is read. */
  notices: DraftNotice[];
}

export interface FootnoteRef extends Span {
  id: string;
}

/** An inline link: its whole span (`[label](url)`), the label's span and the destination. */
export type DraftLink = LinkSpan;

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** How a draft is read: its dialect (Markdown when not given) and a cache of parsed pieces kept between parses of one document. */
export interface ParseOptions {
  dialect?: Dialect;
  cache?: ParseCache;
}

/** Something about how the draft was read that the writer should know (bad front matter, unreadable MDX). */
export interface DraftNotice extends Span {
  code: ProblemCode;
  message: string;
  /** What the span should read instead (a mistyped front matter key), offered as a fix. */
  suggestion?: string;
}

/**
 * Reads a draft into blocks, statements, citations and quotes, all with offsets (UTF-16) into `text`.
 * Markdown is parsed with micromark (GFM, math, and MDX for the `mdx` dialect); front matter with
 * `yaml`/`smol-toml`. Statements come from paragraphs, list items, table cells, block quotes,
 * headings, footnote definitions and HTML blocks' text; never from code, math, front matter,
 * comments, JSX/ESM, link destinations or definitions. Never throws: what cannot be read becomes a
 * notice in `notices` and the rest of the draft is read.
 */
export function parseDraft(text: string, options: ParseOptions = {}): Draft {
  const dialect = options.dialect ?? 'markdown';
  const fm = readFrontMatter(text);
  const notices: DraftNotice[] = [];
  if (fm.problem) notices.push({ start: fm.problem.start, end: fm.problem.end, code: 'front-matter', message: fm.problem.message });
  for (const w of fm.warnings) notices.push({ start: w.start, end: w.end, code: 'front-matter', message: w.message, ...(w.suggestion ? { suggestion: w.suggestion } : {}) });
  // The front matter becomes blank lines for the Markdown parser: offsets stay, nothing in it is prose.
  const body = fm.end ? blank(text.slice(0, fm.end)) + text.slice(fm.end) : text;
  const view = proseView(body, dialect, options.cache);
  for (const n of view.notices) notices.push({ ...n, code: 'draft-syntax' });
  const suppressions = readSuppressions(text, view.comments);

  let prose = view.prose;
  // Citations are found in the prose view so that code and comments cannot hold one.
  const citations = findCitations(prose);
  const footnoteKeys = keysOfFootnotes(view.footnoteDefs, prose, citations);
  const masked: Span[] = citations.map((c) => ({ start: c.start, end: c.end }));
  prose = applyMask(prose, masked);
  const footnoteRefs: FootnoteRef[] = view.footnoteRefs;
  const links: DraftLink[] = view.links;

  const citedKeys = new Set<string>();
  for (const c of citations) for (const i of c.items) citedKeys.add(i.key);
  for (const keys of footnoteKeys.values()) for (const k of keys) citedKeys.add(k);

  const frontMatterKeys = fm.references;
  const notes: Notes = { citations, footnoteRefs, footnoteKeys, frontMatterKeys };
  const blocks = buildBlocks(view, prose, notes);
  return {
    text,
    prose,
    blocks,
    citations,
    frontMatterKeys,
    citedKeys: [...citedKeys],
    suppressions,
    footnoteRefs,
    footnoteKeys,
    footnoteDefs: view.footnoteDefs,
    tableRows: view.tableRows,
    links,
    dialect,
    bibliographies: fm.bibliographies,
    inlineSources: fm.sources,
    nocite: fm.nocite,
    nociteSpans: fm.nociteSpans,
    notices,
  };
}

/** Keys each footnote definition names (bracketed, in-text or in free text), by footnote id. */
function keysOfFootnotes(defs: readonly FootnoteRef[], prose: string, citations: readonly Citation[]): Map<string, string[]> {
  const footnoteKeys = new Map<string, string[]>();
  for (const def of defs) {
    const keys = new Set(keysInText(prose.slice(def.start, def.end)));
    for (let i = lowerBound(citations, def.start); i < citations.length && citations[i].start < def.end; i++) for (const item of citations[i].items) keys.add(item.key);
    footnoteKeys.set(def.id, [...(footnoteKeys.get(def.id) ?? []), ...keys]);
  }
  return footnoteKeys;
}

/**
 * The blocks of statements of the view's blocks (in `prose`, citations blanked), those without
 * statements left out: table cells get their row's keys (rowCitations), and a footnote's block is
 * cut around its sentences that only cite.
 */
function buildBlocks(view: ProseView, prose: string, notes: Notes): Block[] {
  const rows = rowCitations(view.tableRows, view.blocks, prose, notes);
  const blocks: Block[] = [];
  let di = 0;
  let ri = 0;
  // A Markdown link's label counts as a citation in a footnote ("See [the desk's report](https://…).").
  const citesOnly = (c: Claim) => onlyCites(withoutLinks(prose, c, view.links));
  for (const b of view.blocks) {
    while (ri < rows.length && rows[ri].end <= b.start) ri++;
    const row = ri < rows.length && rows[ri].start <= b.start ? rows[ri] : undefined;
    const shared = row?.keys;
    // A citation cell is no statement of its own; the other cells of the row are cited by it.
    const rowCited = row?.citations.filter((c) => c.end <= b.start || c.start >= b.end);
    const block = buildBlock(prose, b, blocks.length, notes, shared, rowCited);
    // In a footnote, a sentence that only cites ("See @key, ¶2.") is a citation, not a statement: the
    // block is cut around it, so that its citation leads no neighbouring statement either.
    while (di < view.footnoteDefs.length && view.footnoteDefs[di].end <= b.start) di++;
    const inNote = di < view.footnoteDefs.length && view.footnoteDefs[di].start <= b.start;
    if (inNote && block.claims.some(citesOnly)) {
      let from: number | undefined;
      const flush = (end: number) => {
        if (from === undefined) return;
        const part = buildBlock(prose, { start: from, end }, blocks.length, notes, shared, rowCited);
        if (part.claims.length) blocks.push(part);
        from = undefined;
      };
      for (const c of block.claims) {
        if (citesOnly(c)) flush(c.start);
        else from ??= c.start;
      }
      flush(b.end);
      continue;
    }
    if (block.claims.length) blocks.push(block);
  }
  return blocks;
}

/** The dialect of a file by its name (`.qmd` → quarto, …), for front ends that have no language id. */
export const dialectOfPath = (path: string): Dialect => dialectOf(path);

/** What ties statements to sources across a draft: citation markers, footnotes, front matter. */
export interface Notes {
  citations: Citation[];
  footnoteRefs: FootnoteRef[];
  footnoteKeys: Map<string, string[]>;
  frontMatterKeys: string[];
}

/**
 * Table rows whose citations or footnote marks stand alone in a cell (a cell with no words of its
 * own, once citations are blanked from `prose`), with the keys they cite; rows without such a cell
 * are left out. In text order.
 */
function rowCitations(rows: readonly Span[], cells: readonly Span[], prose: string, notes: Notes): (Span & { keys: string[]; citations: Citation[] })[] {
  const out: (Span & { keys: string[]; citations: Citation[] })[] = [];
  let ci = 0;
  for (const row of rows) {
    // Cells with words of their own: a citation inside one belongs to its statement only.
    const worded: Span[] = [];
    for (ci = lowerBound(cells, row.start); ci < cells.length && cells[ci].start < row.end; ci++) if (/[\p{L}\p{N}]/u.test(prose.slice(cells[ci].start, cells[ci].end))) worded.push(cells[ci]);
    const alone = (x: Span) => !worded.some((c) => c.start <= x.start && x.start < c.end);
    const keys = new Set<string>();
    const cited: Citation[] = [];
    for (let i = lowerBound(notes.citations, row.start); i < notes.citations.length && notes.citations[i].start < row.end; i++) {
      const c = notes.citations[i];
      if (c.form === undefined && !c.error && alone(c)) {
        for (const item of c.items) keys.add(item.key);
        cited.push(c);
      }
    }
    for (let i = lowerBound(notes.footnoteRefs, row.start); i < notes.footnoteRefs.length && notes.footnoteRefs[i].start < row.end; i++) {
      const f = notes.footnoteRefs[i];
      if (alone(f)) for (const k of notes.footnoteKeys.get(f.id) ?? []) keys.add(k);
    }
    if (keys.size) out.push({ start: row.start, end: row.end, keys: [...keys], citations: cited });
  }
  return out;
}

/**
 * The statements of one block of prose, with the citations that stand in or right after each.
 * `rowKeys` and `rowCitations` (a table cell's: see Block.rowKeys, Block.rowCitations) cite every statement of the block.
 */
export function buildBlock(prose: string, b: Span, index: number, notes: Notes, rowKeys?: readonly string[], rowCitations?: readonly Citation[]): Block {
  const { citations, footnoteRefs, footnoteKeys, frontMatterKeys } = notes;
  const block: Block = { start: b.start, end: b.end, index, claims: [], ...(rowKeys?.length ? { rowKeys: [...rowKeys] } : {}), ...(rowCitations?.length ? { rowCitations: [...rowCitations] } : {}) };
  const sentences = joinLocators(prose, splitSentences(prose, b.start, b.end));
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
    for (const k2 of rowKeys ?? []) cited.add(k2);
    const explicitlyCited = cited.size > 0;
    for (const k2 of frontMatterKeys) cited.add(k2);
    const raw = prose.slice(s.start, s.end);
    // Computed content (inline code, an MDX expression) is marked in the prose by U+FFFC.
    const computed = raw.includes(COMPUTED);
    const text = statementWords(computed ? raw.replaceAll(COMPUTED, ' ') : raw);
    const language = nonEnglishLanguage(text);
    // A citation or footnote mark right after the statement (a list item or table cell with no full
    // stop) belongs to its range, as it does in a paragraph that ends "… [@key]."
    let end = s.end;
    for (const c of [...own, ...marks]) if (c.start >= end && !/\S/.test(prose.slice(end, c.start))) end = Math.max(end, c.end);
    block.claims.push({
      start: s.start,
      end,
      text,
      ...(language ? { language } : {}),
      ...(computed ? { computed } : {}),
      cited: [...cited],
      explicitlyCited,
      citations: own,
      quotes: findQuotes(prose, s.start, s.end).map((q) => ({ ...q, text: prose.slice(q.start, q.end).replace(/[ \t]*(?:\r\n|\n|\r)\s*/g, ' ') })),
      block: index,
    });
  });
  return block;
}

/**
 * A statement's words as messages show them: spaces squeezed, and none where blanked markup (a
 * citation, a link's brackets) was glued to a word: before punctuation or a possessive `'s`, inside
 * parentheses or brackets ("@key's report", "(the Ledger)").
 */
export function statementWords(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?)\]]|['’]s\b)/g, '$1')
    .replace(/([(\[]) /g, '$1')
    .trim();
}

/** Locator abbreviations (`p.`, `para.`, `ch.`, …) that end no sentence when a number follows. */
const LOCATOR_END = /(?:^|[^\p{L}])(?:p|pp|para|paras|par|sec|ch|chap)\.$/iu;

/** Sentences cut at a locator abbreviation ("see @key, para. | 2.") joined again. */
function joinLocators(prose: string, sentences: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && LOCATOR_END.test(prose.slice(prev.start, prev.end)) && /^\d/.test(prose.slice(s.start, s.end))) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** Words that only point at a source ("see", "cf.", "according to", "reported by"), and locators. */
const CITE_WORDS = /\b(?:see(?:\s+also)?|cf|also|sources?|via|according\s+to|report(?:ed|ing)\s+by|from|and|in|at|on|p|pp|paras?|par|paragraphs?|sec|ch|chap|page|pages|passim|ibid|idem|et\s+al)\b|¶+|§+|[\d\p{P}\s–—-]+/giu;

/** True when a footnote sentence, without its citations (already blanked), locators and pointing words, has no words left. */
function onlyCites(text: string): boolean {
  return !/[\p{L}]/u.test(text.replace(CITE_WORDS, ' '));
}

/** A statement's words with the labels of the links inside it blanked, spaces squeezed. */
export function withoutLinks(prose: string, c: Span, links: readonly Span[]): string {
  let words = prose.slice(c.start, c.end);
  // Links never overlap, so their ends are in order too: the first that ends inside or after the statement.
  for (let i = partitionPoint(links.length, (k) => links[k].end <= c.start); i < links.length && links[i].start < c.end; i++) {
    const l = links[i];
    const s = Math.max(l.start, c.start) - c.start;
    const e = Math.min(l.end, c.end) - c.start;
    words = words.slice(0, s) + blank(words.slice(s, e)) + words.slice(e);
  }
  return words.replace(/\s+/g, ' ').trim();
}

function lowerBound(spans: readonly Span[], at: number): number {
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
