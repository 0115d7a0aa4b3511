// Markdown → prose view: the draft with every character that is not prose blanked to a space (line
// breaks kept), so that offsets into the prose are offsets into the draft. Parsed with
// mdast-util-from-markdown (micromark) and its GFM, math and MDX extensions; statements' blocks are
// the parser's paragraphs, headings, table cells and HTML blocks.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Span } from '../types';

/** The Markdown flavour a draft is written in; front ends derive it from the language id or file name. */
export type Dialect = 'markdown' | 'quarto' | 'rmarkdown' | 'mdx' | 'plaintext';

/**
 * The dialect of a document from its VS Code language id (`markdown`, `quarto`, `rmd`, `mdx`,
 * `plaintext`) or its file name (`.md`, `.qmd`, `.Rmd`, `.mdx`, `.txt`); Markdown when unknown.
 */
export function dialectOf(languageIdOrPath: string): Dialect {
  const s = languageIdOrPath.toLowerCase();
  const ext = /\.([a-z]+)$/.exec(s)?.[1] ?? s;
  if (ext === 'qmd' || ext === 'quarto') return 'quarto';
  if (ext === 'rmd' || ext === 'rmarkdown') return 'rmarkdown';
  if (ext === 'mdx') return 'mdx';
  if (ext === 'txt' || ext === 'text' || ext === 'plaintext') return 'plaintext';
  return 'markdown';
}

/** An HTML comment (`<!-- … -->`) or MDX comment (`{/* … *\/}`), with its text. */
export interface Comment extends Span {
  body: string;
}

export interface FootnoteSpan extends Span {
  /** The footnote's label, normalised as the parser matches calls to definitions. */
  id: string;
}

/** An inline link: its whole span (`[label](url)`), the label's span and the destination. */
export interface LinkSpan extends Span {
  label: Span;
  url: string;
}

/** A row of a GFM table; `header` for the table's first row. */
export interface TableRow extends Span {
  header: boolean;
}

/** A note on how the draft was read (an MDX syntax error, …), for the writer. */
export interface ReadNotice extends Span {
  message: string;
}

/** What the parser found, all offsets into the draft. */
export interface ProseView {
  prose: string;
  /** Spans of statement-bearing blocks (paragraphs, headings, table cells, HTML blocks' text), from their first prose character, in text order. */
  blocks: Span[];
  comments: Comment[];
  footnoteRefs: FootnoteSpan[];
  footnoteDefs: FootnoteSpan[];
  links: LinkSpan[];
  /** Rows of GFM tables, in text order: a citation alone in one cell of a row cites the row's other cells. */
  tableRows: TableRow[];
  notices: ReadNotice[];
}

/** Parsed pieces of drafts by dialect and text, reused when the same piece comes again (after an edit elsewhere). */
export type ParseCache = Map<string, ProseView>;

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
/** Stands in the prose for computed content (R Markdown/Quarto inline code, an MDX expression): the statement holding it is not judged. */
export const COMPUTED = '\uFFFC';
const EMPTY_VIEW = (prose: string): ProseView => ({ prose, blocks: [], comments: [], footnoteRefs: [], footnoteDefs: [], links: [], tableRows: [], notices: [] });

/** Pieces shorter than this are parsed together with the next one: each parse has a fixed cost. */
const MIN_CHUNK = 2_000;

/**
 * The prose view of `text` (whose front matter the caller has already blanked). Long drafts are
 * parsed in pieces that start at a paragraph of plain text after a blank line outside any fence, so
 * that a piece parses the same alone as in the whole; a piece seen before comes from `cache`, which is
 * left holding exactly the pieces of this text. Never throws: an MDX syntax error gives a notice and
 * the draft is read as plain Markdown.
 */
export function proseView(text: string, dialect: Dialect, cache?: ParseCache, plainShortcut = true): ProseView {
  if (dialect === 'plaintext') return plainView(text);
  const work = dialect === 'mdx' ? text : blankDivFences(text);
  const starts = dialect === 'mdx' || /^ {0,3}\[[^\]\r\n]+\]:/m.test(work) ? [0] : chunkStarts(work);
  const out = EMPTY_VIEW('');
  const prose: string[] = [];
  const used: [string, ProseView][] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const piece = work.slice(s, i + 1 < starts.length ? starts[i + 1] : work.length);
    const key = `${dialect}\u0000${piece}`;
    let v = cache?.get(key);
    if (!v) v = piece.length > MAX_TABLE_PIECE && isTable(piece) ? tableView(piece) : plainShortcut && dialect !== 'mdx' && isPlainProse(piece) ? plainView(piece) : parsePiece(piece, dialect);
    used.push([key, v]);
    prose.push(v.prose);
    const sh = <T extends Span>(x: T): T => (s ? { ...x, start: x.start + s, end: x.end + s } : x);
    for (const b of v.blocks) out.blocks.push(sh(b));
    for (const c of v.comments) out.comments.push(sh(c));
    for (const f of v.footnoteRefs) out.footnoteRefs.push(sh(f));
    for (const f of v.footnoteDefs) out.footnoteDefs.push(sh(f));
    for (const l of v.links) out.links.push(s ? { ...sh(l), label: sh(l.label) } : l);
    for (const r of v.tableRows) out.tableRows.push(sh(r));
    for (const n of v.notices) out.notices.push(withLine(work, sh(n)));
  }
  if (cache) {
    cache.clear();
    for (const [k, v] of used) cache.set(k, v);
  }
  out.prose = prose.join('');
  return out;
}

/** Stands in a notice's message for the line number (1-based) where the notice starts, filled in by proseView. */
const LINE = '\u0000';

function withLine(text: string, n: ReadNotice): ReadNotice {
  if (!n.message.includes(LINE)) return n;
  const line = (text.slice(0, n.start).match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
  return { ...n, message: n.message.replaceAll(LINE, String(line)) };
}

/** A table longer than this (a pasted data dump) is read row by row instead of by the Markdown parser, with a notice. */
const MAX_TABLE_PIECE = 256 * 1024;

function isTable(piece: string): boolean {
  const sample = piece.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((l) => l.trim());
  return sample.length > 0 && sample.filter((l) => /^\s*\|/.test(l)).length > sample.length / 2;
}

/**
 * A very large table read row by row: every cell between pipes is a block, pipes and delimiter rows
 * are blanked. The same statements as the parser gives for a plain table, at a fraction of the cost.
 */
function tableView(piece: string): ProseView {
  const v = EMPTY_VIEW('');
  const parts: string[] = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  for (let m = re.exec(piece); m && m[0].length; m = re.exec(piece)) {
    const line = m[1];
    if (/^[\s|:-]*$/.test(line) || !/^\s*\|/.test(line)) {
      parts.push(blank(line) + m[2]);
      continue;
    }
    v.tableRows.push({ start: m.index, end: m.index + line.length, header: !v.tableRows.length });
    const cells = line.replace(/\\\|/g, '  ').replace(/`[^`]*`/g, blank);
    let out = '';
    let cellStart = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || cells[i] === '|') {
        const text = cells.slice(cellStart, i);
        out += text + (i < line.length ? ' ' : '');
        const s = m.index + cellStart;
        const lead = text.length - text.trimStart().length;
        const trail = text.length - text.trimEnd().length;
        if (/[\p{L}\p{N}]/u.test(text)) v.blocks.push({ start: s + lead, end: m.index + i - trail });
        cellStart = i + 1;
      }
    }
    parts.push(out.slice(0, line.length) + m[2]);
  }
  v.prose = parts.join('');
  v.notices.push({ start: 0, end: Math.min(piece.length, piece.search(/[\r\n]|$/)), message: `This table is ${(piece.length / 1048576).toFixed(1)} MB long, too long to parse as Markdown at once: it is read row by row, each cell a statement.` });
  return v;
}

/**
 * True when a piece holds nothing CommonMark (with GFM and math) reads as markup: every line blank or
 * starting with a letter or an opening quote (so no list, quote, heading, code, table or setext
 * line), no character that opens inline markup, autolink or entity, and brackets and `@` only in
 * Pandoc citations (`[@key, ¶2]`, `[see @a; @b]`, never followed by `(` or `:`). The parser would
 * give such a piece's paragraphs as they stand, so they are taken without it: it is the costly part
 * of reading plain news copy. `test/unit/drafts-parse.test.ts` holds the two readings equal.
 */
function isPlainProse(piece: string): boolean {
  // Two tests: one character class scans fast, an alternation with it does not.
  if (/[`*_<>!&\\~|${}^]/.test(piece) || /https?:|www\.|mailto:/i.test(piece)) return false;
  // Two spaces at a line's end before another line: a hard line break.
  if (/ {2}(?:\r\n|\n|\r)[ \t]*\S/.test(piece)) return false;
  if (!/^(?:[ \t]*(?:\r\n|\n|\r|$)|[\p{L}"“‘'(])/u.test(piece)) return false;
  if (/(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r|$))(?![\p{L}"“‘'(])/u.test(piece)) return false;
  const outside = piece.replace(/\[(?:[^\[\]\r\n@]*\s|-)?@[^\[\]\r\n]*\](?![(:])/g, '');
  return !/[\[\]@]/.test(outside);
}

/** Plain text: no markup; paragraphs are separated by blank lines. */
function plainView(text: string): ProseView {
  const v = EMPTY_VIEW(text);
  const re = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    pushTrimmed(text, last, m.index, v.blocks);
    last = m.index + m[0].length;
  }
  pushTrimmed(text, last, text.length, v.blocks);
  return v;
}

function pushTrimmed(prose: string, s: number, e: number, out: Span[]): void {
  while (s < e && /\s/.test(prose[s])) s++;
  while (e > s && /\s/.test(prose[e - 1])) e--;
  if (e > s && /[\p{L}\p{N}]/u.test(prose.slice(s, e))) out.push({ start: s, end: e });
}

/**
 * Pandoc/Quarto fenced divs: a line of three or more colons, alone or with a class or attributes
 * (`::: {.callout-note}`, `::: warning`, `:::`), becomes a blank line, as Pandoc reads it: the fence
 * separates blocks and is never part of a statement.
 */
function blankDivFences(text: string): string {
  return text.replace(/^[ \t]{0,3}:{3,}[ \t]*(?:\{[^}\r\n]*\}|[\w-]+)?[ \t]*(?:\{[^}\r\n]*\})?[ \t]*:*[ \t]*$/gm, blank);
}

/**
 * Offsets where the text can be cut into pieces that parse alone as they do in the whole: a line
 * starting with a letter at column 0 after a blank line, outside fenced code, math and raw HTML
 * blocks. The caller keeps texts with link or footnote definitions whole (a call may come before its definition).
 */
function chunkStarts(text: string): number[] {
  const starts = [0];
  if (text.length < 2 * MIN_CHUNK) return starts;
  let close: RegExp | undefined;
  let prevBlank = false;
  let last = 0;
  const re = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  for (let m = re.exec(text); m && m[0].length; m = re.exec(text)) {
    const line = m[0];
    const at = m.index;
    if (close) {
      if (close.test(line)) close = undefined;
      prevBlank = false;
      continue;
    }
    const isBlank = /^[ \t]*[\r\n]*$/.test(line);
    if (!isBlank && prevBlank && at - last >= MIN_CHUNK && /^[\p{L}"“‘'(]/u.test(line)) {
      starts.push(at);
      last = at;
    }
    prevBlank = isBlank;
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(line);
    if (fence && !(fence[1][0] === '`' && line.slice(fence.index + fence[0].length).includes('`'))) {
      close = new RegExp(`^[ \\t]*${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*[\\r\\n]*$`);
      continue;
    }
    const dollars = /^[ \t]*(\${2,})[^$]*$/.exec(line);
    if (dollars) {
      close = new RegExp(`^[ \\t]*\\\${${dollars[1].length},}[ \\t]*[\\r\\n]*$`);
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !/-->/.test(line)) close = /-->/;
    else {
      const raw = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(line);
      if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(line)) close = new RegExp(`</${raw[1]}>`, 'i');
    }
  }
  return starts;
}

interface MdNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MdNode[];
  value?: string;
  url?: string;
  identifier?: string;
  data?: { directiveLabel?: boolean };
}

function parseTree(text: string, dialect: Dialect, notices: ReadNotice[]): MdNode {
  // A run of brackets is no markup anyone writes, and the parser is slow on tens of thousands of
  // them: it reads them as letters (same length), and the prose view takes the text as written.
  const piece = text.replace(/[[\]]{16,}/g, (m) => 'x'.repeat(m.length));
  const base = { extensions: [gfm(), math({ singleDollarTextMath: false })], mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()] };
  if (dialect === 'mdx') {
    try {
      return fromMarkdown(piece, { extensions: [...base.extensions, mdxjs()], mdastExtensions: [...base.mdastExtensions, mdxFromMarkdown()] }) as MdNode;
    } catch (e) {
      notices.push(mdxNotice(piece, e));
      // ESM (`import …`, `export …` after a blank line) is never prose, in the fallback either.
      return fromMarkdown(blankEsm(piece), base) as MdNode;
    }
  }
  return fromMarkdown(piece, base) as MdNode;
}

type Point = { line?: number; column?: number; offset?: number };

/**
 * The notice for an MDX syntax error: at the line micromark reports (its words, not a bare line
 * break: an error at a line's end or the end of the text marks that line), naming line and column.
 */
function mdxNotice(piece: string, e: unknown): ReadNotice {
  const err = e as { reason?: string; message?: string; line?: number; column?: number; place?: Point & { start?: Point } };
  const pt: Point = err.place?.start ?? err.place ?? {};
  const line = pt.line ?? err.line;
  const column = pt.column ?? err.column;
  const starts = [0];
  for (const m of piece.matchAll(/\r\n|\n|\r/g)) starts.push(m.index! + m[0].length);
  let at = pt.offset ?? (line ? (starts[line - 1] ?? piece.length) + Math.max(0, (column ?? 1) - 1) : 0);
  at = Math.max(0, Math.min(piece.length, at));
  // The line holding `at`, or the last line with words before it.
  let li = starts.length - 1;
  while (li > 0 && starts[li] > at) li--;
  const lineText = (i: number) => piece.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : piece.length).replace(/[\r\n]+$/, '');
  while (li > 0 && !lineText(li).trim()) li--;
  const text = lineText(li);
  const start = starts[li] + (text.length - text.trimStart().length);
  const end = starts[li] + text.trimEnd().length;
  const where = line ? ` at line ${line}${column ? `, column ${column}` : ''}` : '';
  const reason = (err.reason ?? err.message ?? String(e)).split('\n')[0];
  return { start, end: Math.max(end, Math.min(piece.length, start + 1)), message: `This MDX cannot be read${where} (${reason}); the draft is read as plain Markdown until it is fixed.` };
}

/** MDX's ESM blocks (`import …`/`export …` at a block's start, to the next blank line) blanked. */
function blankEsm(piece: string): string {
  return piece.replace(/(^|(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r))((?:import|export)(?=[\s{*])[^\r\n]*(?:(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r|$))[^\r\n]*)*)/g, (_m, before: string, esm: string) => before + blank(esm));
}

/** The prose view of one piece, offsets into the piece. */
function parsePiece(piece: string, dialect: Dialect): ProseView {
  const v = EMPTY_VIEW('');
  const found: Found = { piece, dialect, view: v, keep: [], breaks: [], computed: [] };
  const tree = parseTree(piece, dialect, v.notices);
  if (/^ {0,3}\[[^\]\r\n]+\]:/m.test(piece)) found.definitions = definitionsOf(tree);
  walkNode(tree, found);
  v.prose = keptProse(piece, dialect, found.keep, found.computed);
  v.blocks = cutAtBreaks(piece, v.prose, v.blocks, found.breaks);
  return v;
}

/** What the walk over a piece's syntax tree collects besides the view's lists. */
interface Found {
  piece: string;
  dialect: Dialect;
  view: ProseView;
  /** Spans of prose text, kept as written (all else is blanked). */
  keep: Span[];
  /** Hard line breaks (a backslash or two spaces at a line's end): statements never run over one. */
  breaks: number[];
  /** Computed content inside statements: inline `r x` / `{python} x` code, MDX `{expressions}`. */
  computed: number[];
  /** Link reference definitions (`[id]: url`) by identifier, for reference-style links. */
  definitions?: Map<string, string>;
}

/** The piece's link reference definitions by identifier (the first of two wins, as in CommonMark). */
function definitionsOf(n: MdNode, out = new Map<string, string>()): Map<string, string> {
  if (n.type === 'definition' && n.identifier && !out.has(n.identifier)) out.set(n.identifier, n.url ?? '');
  if (n.children) for (const c of n.children) definitionsOf(c, out);
  return out;
}

function posOf(n: MdNode): Span | undefined {
  const s = n.position?.start.offset;
  const e = n.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

/** Never prose: code, math, front matter, definitions, images, ESM, struck-out text. */
const NEVER_PROSE = new Set(['code', 'math', 'inlineMath', 'yaml', 'toml', 'definition', 'image', 'imageReference', 'thematicBreak', 'mdxjsEsm', 'delete']);

/** Collects the prose, blocks, comments, footnotes, links and table rows of a node and its children into `f`. */
function walkNode(n: MdNode, f: Found): void {
  const p = posOf(n);
  if (p && (n.type === 'code' || n.type === 'math' || n.type === 'html')) unclosed(n.type, p, f);
  if (NEVER_PROSE.has(n.type)) return;
  const v = f.view;
  switch (n.type) {
    case 'text':
      if (p) f.keep.push(p);
      return;
    case 'paragraph':
      // A directive's label is not a statement.
      if (n.data?.directiveLabel) return;
      if (p) v.blocks.push(p);
      break;
    case 'heading':
    case 'tableCell':
      if (p) v.blocks.push(p);
      break;
    case 'table':
      n.children?.forEach((row, i) => {
        const r = posOf(row);
        if (r) v.tableRows.push({ ...r, header: i === 0 });
      });
      break;
    case 'html':
      if (p) htmlNode(n, p, f);
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (p) mdxExpression(n, p, f);
      return;
    case 'inlineCode':
      if (p && (f.dialect === 'rmarkdown' || f.dialect === 'quarto') && /^`+\s*(?:r|\{[\w.-]+\})\s/.test(f.piece.slice(p.start, p.end))) f.computed.push(p.start);
      return;
    case 'break':
      if (p) f.breaks.push(p.start);
      return;
    case 'footnoteReference':
      if (p && n.identifier) v.footnoteRefs.push({ ...p, id: n.identifier });
      return;
    case 'footnoteDefinition':
      if (p && n.identifier) v.footnoteDefs.push({ ...p, id: n.identifier });
      break;
    case 'link':
      if (!p || !linkNode(n, p, f)) return;
      break;
    case 'linkReference': {
      // `[label][id]`, `[label][]`, `[label]` with `[id]: url` elsewhere: cites as `[label](url)` does.
      const url = n.identifier ? f.definitions?.get(n.identifier) : undefined;
      if (p && url !== undefined) linkNode({ ...n, url }, p, f);
      break;
    }
  }
  if (n.children) for (const c of n.children) walkNode(c, f);
}

/**
 * A code fence, `$$` math block, HTML comment, raw HTML element (`<pre>`, `<script>`, …), processing
 * instruction (`<?php …`), CDATA section or declaration (`<!DOCTYPE …`) that is never closed runs, as
 * CommonMark reads it, to the end of its container, often the draft's end: a notice at its opening
 * line says so, as nothing in it is checked.
 */
function unclosed(type: string, p: Span, f: Found): void {
  const raw = f.piece.slice(p.start, p.end);
  const lines = raw.split(/\r\n|\n|\r/);
  const last = lines[lines.length - 1].trim();
  let what: string | undefined;
  if (type === 'code' || type === 'math') {
    const open = (type === 'code' ? /^ {0,3}(`{3,}|~{3,})/ : /^ {0,3}(\${2,})/).exec(lines[0]);
    if (!open) return;
    const ch = open[1][0];
    const closed = lines.length > 1 && last.length >= open[1].length && [...last].every((c) => c === ch);
    if (closed) return;
    what = type === 'code' ? 'code fence' : '`$$` math block';
  } else {
    if (/^[ \t]*<!--/.test(raw)) {
      if (raw.includes('-->')) return;
      what = 'HTML comment';
    } else if (/^[ \t]*<\?/.test(raw)) {
      if (raw.includes('?>')) return;
      what = '<?…?> processing instruction';
    } else if (/^[ \t]*<!\[CDATA\[/.test(raw)) {
      if (raw.includes(']]>')) return;
      what = '<![CDATA[ section';
    } else if (/^[ \t]*<![A-Za-z]/.test(raw)) {
      if (raw.includes('>')) return;
      what = '<!…> declaration';
    } else {
      const el = /^[ \t]*<(pre|script|style|textarea)(?=[\s>]|$)/i.exec(raw);
      if (!el || new RegExp(`</${el[1]}\\s*>`, 'i').test(raw)) return;
      what = `<${el[1].toLowerCase()}> element`;
    }
  }
  // Only when it runs to the end of the piece (which an unclosed one makes the draft's end): one
  // that its list item or block quote closes hides nothing after it.
  if (/\S/.test(f.piece.slice(p.end))) return;
  const lead = lines[0].length - lines[0].trimStart().length;
  f.view.notices.push({ start: p.start + lead, end: p.start + lines[0].length, message: `The ${what} opened on line ${LINE} is never closed; nothing after it is checked.` });
}

/** An HTML block or inline tag: its comments, and the text between its tags as statement-bearing parts. */
function htmlNode(n: MdNode, p: Span, f: Found): void {
  const raw = f.piece.slice(p.start, p.end);
  for (const m of raw.matchAll(/<!--([\s\S]*?)-->/g)) f.view.comments.push({ start: p.start + m.index!, end: p.start + m.index! + m[0].length, body: m[1] });
  for (const part of htmlBlockText(f.piece, p, f.keep, n)) f.view.blocks.push(part);
  // `<a href="…">` cites as `[label](url)` does (its text stays prose; the tag is the link's span).
  for (const m of raw.replace(/<!--[\s\S]*?(?:-->|$)/g, blank).matchAll(/<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`=]+))[^>]*>/gi)) {
    const start = p.start + m.index!;
    const end = start + m[0].length;
    f.view.links.push({ start, end, label: { start, end: start }, url: decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') });
  }
}

/** An HTML attribute value with its common character references decoded. */
function decodeEntities(v: string): string {
  return v.replace(/&(amp|quot|apos|lt|gt|#(\d+)|#x([\da-f]+));/gi, (m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' } as Record<string, string>)[name.toLowerCase()] ?? m);
}

/** An MDX `{expression}`: a comment (`{/* … *\/}`), or computed content when inline and not empty. */
function mdxExpression(n: MdNode, p: Span, f: Found): void {
  const c = /^\s*\/\*([\s\S]*?)\*\/\s*$/.exec(n.value ?? '');
  if (c) f.view.comments.push({ ...p, body: c[1] });
  else if (n.type === 'mdxTextExpression' && (n.value ?? '').trim()) f.computed.push(p.start);
}

/**
 * A link: an inline one (`[label](url)`) is recorded with its label's span and walked (its label is
 * prose); an autolink (`<https://…>`, a bare URL) is not prose; an e-mail address (`desk@site.org`,
 * `<desk@site.org>`) is words of the statement, and no citation. True when the children are to be walked.
 */
function linkNode(n: MdNode, p: Span, f: Found): boolean {
  if (f.piece[p.start] !== '[') {
    if (/^mailto:/i.test(n.url ?? '')) {
      for (const c of n.children ?? []) {
        const t = posOf(c);
        if (t) f.keep.push({ start: t.start + (/^mailto:/i.test(f.piece.slice(t.start, t.end)) ? 7 : 0), end: t.end });
      }
    } else if (n.url) {
      // An autolink (`<https://…>`) or a bare URL cites as `[label](url)` does; it has no label.
      f.view.links.push({ ...p, label: { start: p.start, end: p.start }, url: n.url });
    }
    return false;
  }
  const first = n.children?.length ? posOf(n.children[0]) : undefined;
  const last = n.children?.length ? posOf(n.children[n.children.length - 1]) : undefined;
  if (!n.children?.length) f.view.links.push({ ...p, label: { start: p.start + 1, end: p.start + 1 }, url: n.url ?? '' });
  else if (first && last) f.view.links.push({ ...p, label: { start: first.start, end: last.end }, url: n.url ?? '' });
  return true;
}

/** The piece with everything but the kept spans blanked, markup left in them blanked, computed content marked. */
function keptProse(piece: string, dialect: Dialect, keep: Span[], computed: number[]): string {
  keep.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const k of keep) {
    const s = Math.max(k.start, pos);
    if (k.end <= s) continue;
    parts.push(blank(piece.slice(pos, s)), keptText(piece.slice(s, k.end)));
    pos = k.end;
  }
  parts.push(blank(piece.slice(pos)));
  let prose = parts.join('');
  // Quarto shortcodes and Pandoc attributes (`{#sec-intro}`, `{.smallcaps}`) are markup.
  if (dialect !== 'mdx') prose = prose.replace(/\{\{<[^\r\n]*?>\}\}|\{[#.][^}\r\n]*\}/g, blank);
  for (const at of computed) prose = prose.slice(0, at) + COMPUTED + prose.slice(at + 1);
  return prose;
}

/**
 * The blocks in text order, each cut at its hard line breaks, without those with no words. Blocks
 * start at their first prose character but end where the parser ends them, so that a citation or
 * footnote mark closing a paragraph (blanked in the prose) still belongs to it.
 */
function cutAtBreaks(piece: string, prose: string, spans: Span[], breaks: number[]): Span[] {
  const blocks: Span[] = [];
  const pushBlock = (start: number, end: number) => {
    let s = start;
    while (s < end && /\s/.test(prose[s])) s++;
    if (/[\p{L}\p{N}]/u.test(prose.slice(s, end))) blocks.push({ start: s, end });
  };
  breaks.sort((a, b) => a - b);
  for (const b of spans.sort((a, b) => a.start - b.start)) {
    let from = b.start;
    for (const at of breaks) if (at > from && at < b.end && !continuesOver(piece, prose, from, at, b.end)) (pushBlock(from, at), (from = at));
    pushBlock(from, b.end);
  }
  return blocks;
}

/** Words a sentence does not end on: after one, a hard line break is inside the sentence. */
const CONNECTOR_END = /(?:^|[^\p{L}\p{N}])(?:and|or|but|nor|so|yet|that|which|who|whom|whose|where|when|while|because|although|though|if|than|as|of|to|in|on|at|by|for|from|with|into|onto|about|after|before|over|under|between|the|a|an|its|their|his|her|our|said|says|is|are|was|were|be|been|has|have|had)$/iu;

/** A hard line break (backslash or spaces, the line end, the next line's indent and quote marks) before a citation. */
const CITATION_LINE = /^(?:\\|[ \t]*)(?:\r\n|\n|\r)[ \t>]*(?:\([^()\r\n]*?)?\[(?:[^\[\]\r\n]*[\s;])?-?@[^\[\]\r\n]*\](?![(:])/;

/**
 * True when the text after a hard line break at `at` goes on with the sentence before it: it starts
 * with a citation, or with a lower-case letter or a digit (after opening quotes or brackets), or the text before ends in
 * a comma, semicolon, dash or a connecting word ("and", "of", "the", …), or fewer than three words stand
 * before it (a title or name wrapped onto the next line). A hard break then only wraps
 * the line ("approved 24 million dollars··⏎for the terminal"); otherwise it ends a statement
 * ("met Reyes on Friday\⏎Farmers praised…").
 */
function continuesOver(piece: string, prose: string, from: number, at: number, end: number): boolean {
  // The next line starts with a citation, bracketed or in a parenthesis ("on Friday··⏎[@key]." or
  // "⏎(Ledger, [@key])."): it cites the statement before it, which goes on over the break.
  if (CITATION_LINE.test(piece.slice(at, Math.min(end, at + 200)))) return true;
  const after = /^[\s"“‘'(\[]*(.)/su.exec(prose.slice(at, Math.min(end, at + 200)));
  if (after && /[\p{Ll}\p{N}]/u.test(after[1])) return true;
  const before = prose.slice(Math.max(from, at - 200), at).replace(/[\s\\]+$/, '');
  // Fewer than three words before the break ("Harbour Commissioner··⏎Jane Doe opened…") is no
  // statement of its own (see MIN_JUDGED_WORDS): a title or a name wrapped onto the next line.
  if (at - from < 200 && (prose.slice(from, at).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length < 3) return true;
  return /[,;–—-]$/.test(before) || CONNECTOR_END.test(before);
}

/**
 * The raw text of a text node as prose: backslash escapes and, on continuation lines, the block
 * quote markers the node's span runs over are blanked.
 */
function keptText(raw: string): string {
  let s = raw.replace(/\\(?=[!-/:-@[-`{-~])/g, ' ');
  if (/[\r\n]/.test(s)) s = s.replace(/((?:\r\n|\n|\r)[ \t]*)((?:>[ \t]?)+)/g, (_m, lead: string, marks: string) => lead + blank(marks));
  return s;
}

/** Elements whose content is never prose (code, scripts, styles, preformatted and form text). */
const RAW_ELEMENTS = /^(?:script|style|pre|textarea|code)$/i;
/** Block-level elements: text on either side of one of their tags is never one statement. */
const BLOCK_ELEMENTS = /^(?:p|div|br|hr|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|h[1-6]|blockquote|section|article|aside|header|footer|nav|main|figure|figcaption|details|summary|address|center|form|fieldset|legend|option|iframe|video|audio|object|embed|noscript|script|style|pre|textarea)$/i;

/**
 * Keeps the text between the tags of an HTML block (never inside script, style, pre, textarea, code
 * or comments) and returns the spans of its statement-bearing parts: the block is cut at every
 * block-level tag (`<p>`, `<div>`, `<br>`, `<li>`, …), so the text of two elements is never one statement.
 */
function htmlBlockText(piece: string, p: Span, keep: Span[], n: MdNode): Span[] {
  const raw = piece.slice(p.start, p.end);
  const parts: Span[] = [];
  // Inline HTML (a tag inside a paragraph) has no text of its own.
  if (n.value !== undefined && !/^[ \t]*</.test(raw)) return parts;
  if (/^[ \t]*<(?:!--|\?|!\[CDATA\[)/i.test(raw)) return parts;
  let partStart = 0;
  let words = false;
  let last = 0;
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w-]*)?[^>]*>/g;
  const push = (s: number, e: number) => {
    if (e > s && /[\p{L}\p{N}]/u.test(raw.slice(s, e))) {
      keep.push({ start: p.start + s, end: p.start + e });
      words = true;
    }
  };
  const cut = (at: number) => {
    if (words) parts.push({ start: p.start + partStart, end: p.start + at });
    words = false;
    partStart = at;
  };
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    push(last, m.index);
    last = m.index + m[0].length;
    const name = m[2];
    if (!name) continue;
    if (BLOCK_ELEMENTS.test(name)) cut(m.index);
    if (!m[1] && RAW_ELEMENTS.test(name) && !/\/>$/.test(m[0])) {
      // Skip to the element's closing tag (or the end of the block): its content is not prose.
      const close = new RegExp(`</${name}\\s*>`, 'ig');
      close.lastIndex = last;
      const c = close.exec(raw);
      last = c ? c.index + c[0].length : raw.length;
      re.lastIndex = last;
      if (BLOCK_ELEMENTS.test(name)) partStart = last;
    }
  }
  push(last, raw.length);
  cut(raw.length);
  return parts;
}
