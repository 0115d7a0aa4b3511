// The one reader of front matter, for drafts (linked references, Pandoc metadata) and reference files
// (key, title, url, …). YAML (`---`) is read with `yaml`, TOML (`+++`) with `smol-toml`; only the fences
// are found by pattern, the content never.
/* eslint-disable @typescript-eslint/no-require-imports */
// Required on the first front matter read, not at load (the editor's activation need not pay for them).
const yamlParser = () => require('yaml') as typeof import('yaml');
const tomlParser = () => require('smol-toml') as typeof import('smol-toml');
/* eslint-enable @typescript-eslint/no-require-imports */
import type { SourceEntry, Span } from '../types';
import { editDistance } from './distance';

/** A problem reading front matter: where (offsets in the whole text) and what, for the writer. */
export interface FrontMatterProblem extends Span {
  message: string;
  /** What the span should read instead (a mistyped key's nearest known key). */
  suggestion?: string;
}

/** What front matter says, as far as we read it. */
export interface FrontMatter {
  /** Offset just past the closing fence line; 0 when the text has no front matter. */
  end: number;
  /** 'yaml' (`---`), 'toml' (`+++`), or undefined when there is none. */
  kind?: 'yaml' | 'toml';
  /** Top-level fields with a scalar value (or a list of scalars, joined by ", "), as strings. */
  fields: Record<string, string>;
  /**
   * Keys linked to the whole draft: `sourcecheck: { references: [...] }`, or the older top-level
   * `references:` when every item of it is a plain key (a string), not a CSL item.
   */
  references: string[];
  /** Bibliography files named by Pandoc's `bibliography:` (a string or a list), as written. */
  bibliographies: string[];
  /** Where each of `bibliographies` stands in the text (the name as written), same order; empty when it cannot be placed. */
  bibliographySpans: Span[];
  /** Keys of Pandoc's `nocite:` (`@a, @b`, or `@*` for all), without `@`. */
  nocite: string[];
  /** Where each key of `nocite` stands in the text (the key without `@`), same order; empty when it cannot be placed. */
  nociteSpans: Span[];
  /** Keys read but not understood (a mistyped key inside `sourcecheck:`), offsets in the whole text: the rest is read. */
  warnings: FrontMatterProblem[];
  /** Pandoc's inline bibliography: the CSL items of `references:` (objects with an `id`). */
  sources: SourceEntry[];
  /** Set when the block is not closed or its content cannot be read; the other fields are then empty. */
  problem?: FrontMatterProblem;
}

const LINE_END = String.raw`(?:\r\n|\n|\r)`;
const YAML_BLOCK = new RegExp(String.raw`^\uFEFF?---[ \t]*${LINE_END}([\s\S]*?)(?:^|(?<=${LINE_END}))(?:---|\.\.\.)[ \t]*(?:${LINE_END}|$)`, 'm');
const TOML_BLOCK = new RegExp(String.raw`^\uFEFF?\+\+\+[ \t]*${LINE_END}([\s\S]*?)(?:^|(?<=${LINE_END}))\+\+\+[ \t]*(?:${LINE_END}|$)`, 'm');
const OPEN = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n|\n|\r)/;

interface Block {
  kind: 'yaml' | 'toml';
  end: number;
  /** Offset of the content's first character and the content. */
  bodyStart: number;
  body: string;
}

function findBlock(text: string): Block | { unclosed: 'yaml' | 'toml'; end: number } | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const kind = open[1] === '---' ? 'yaml' : 'toml';
  // Pandoc: `---` followed by a blank line is a thematic break, never front matter.
  if (kind === 'yaml' && /^[ \t]*(?:\r\n|\n|\r|$)/.test(text.slice(open[0].length))) return undefined;
  // Only the start of the text is searched; the block ends at the first closing fence line.
  const m = (kind === 'yaml' ? YAML_BLOCK : TOML_BLOCK).exec(text);
  // Old Mac line ends (a lone CR) become LF for the YAML and TOML readers: same length, same offsets.
  if (m && m.index === 0) return { kind, end: m[0].length, bodyStart: open[0].length, body: m[1].replace(/\r(?!\n)/g, '\n') };
  // `---` alone and then prose with no `key:` line is a thematic break, not front matter.
  const firstLine = /^[^\r\n]*/.exec(text.slice(open[0].length))![0];
  if (kind === 'yaml' && !/^\s*[\w"'-][^:]*:/.test(firstLine)) return undefined;
  // Unclosed: the lines up to the first blank line are taken as the block, so they are not judged.
  const blank = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/.exec(text);
  return { unclosed: kind, end: blank ? blank.index + blank[0].length : text.length };
}

/** Offset just past the front matter block (0 when there is none; an unclosed block ends at the first blank line). */
export function frontMatterEnd(text: string): number {
  const block = findBlock(text);
  // A closed YAML block that is not a mapping is prose, as the draft reader takes it.
  return block && 'body' in block && block.kind === 'yaml' ? readFrontMatter(text).end : (block?.end ?? 0);
}

const EMPTY = (end: number, kind?: 'yaml' | 'toml'): FrontMatter => ({ end, kind, fields: {}, references: [], bibliographies: [], bibliographySpans: [], nocite: [], nociteSpans: [], warnings: [], sources: [] });

/** The keys `sourcecheck:` front matter knows. */
const SOURCECHECK_KEYS = ['references'];
/** A Pandoc key after `@` in `nocite:` (or `*`, all). */
const NOCITE_KEY = /@(\*|[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu;

/**
 * Reads the front matter at the start of `text` (YAML between `---` lines, closed by `---` or `...`;
 * TOML between `+++` lines). Never throws: an unclosed block or content that is not valid YAML/TOML
 * gives `problem` with its offsets and empty fields.
 */
export function readFrontMatter(text: string): FrontMatter {
  const block = findBlock(text);
  if (!block) return EMPTY(0);
  if ('unclosed' in block) {
    const fence = block.unclosed === 'yaml' ? '---' : '+++';
    const start = text.startsWith('\uFEFF') ? 1 : 0;
    return {
      ...EMPTY(block.end, block.unclosed),
      problem: { start, end: start + 3, message: `The front matter opened with “${fence}” on line 1 is never closed: add a “${fence}” line after it. Its lines up to the first blank line are not judged and not read.` },
    };
  }
  let data: unknown;
  if (block.kind === 'yaml') {
    const doc = yamlParser().parseDocument(block.body, { prettyErrors: false, uniqueKeys: false });
    const err = doc.errors[0];
    if (err) {
      const at = block.bodyStart + yamlErrorAt(doc, err, block.body);
      const lineEnd = block.bodyStart + lineOffset(block.body, lineOf(block.body, at - block.bodyStart) - 1) + lineLength(block.body, lineOf(block.body, at - block.bodyStart) - 1);
      return { ...EMPTY(block.end, 'yaml'), problem: { start: at, end: Math.max(at + 1, lineEnd), message: `The front matter is not valid YAML (line ${lineOf(text, at)}): ${firstLine(err.message)}. Its keys are not read.` } };
    }
    data = doc.toJS();
    // A YAML block that is not a mapping (a sentence between two `---` lines) is not front matter (Pandoc): it is prose.
    if (data !== null && data !== undefined && !isRecord(data)) return EMPTY(0);
    const read = { ...interpret(data), end: block.end, kind: block.kind };
    placeKeys(read, data, block, yamlLocator(doc));
    return read;
  } else {
    try {
      data = tomlParser().parse(block.body);
    } catch (e) {
      const line = e instanceof tomlParser().TomlError ? (e as InstanceType<ReturnType<typeof tomlParser>['TomlError']>).line : 1;
      const at = block.bodyStart + lineOffset(block.body, line - 1);
      const lineText = block.body.slice(lineOffset(block.body, line - 1), lineOffset(block.body, line - 1) + lineLength(block.body, line - 1));
      // The reader says "control characters are not allowed in strings" of a line break inside a string left open.
      const message = opensUnclosedString(lineText) ? `a string opened on line ${lineOf(text, at)} is never closed` : e instanceof Error ? firstLine(e.message) : String(e);
      return { ...EMPTY(block.end, 'toml'), problem: { start: at, end: Math.max(at + 1, at + lineLength(block.body, line - 1)), message: `The front matter is not valid TOML (line ${lineOf(text, at)}): ${message}. Its keys are not read.` } };
    }
  }
  const read = { ...interpret(data), end: block.end, kind: block.kind };
  placeKeys(read, data, block, tomlLocator(block.body));
  return read;
}

/**
 * Where a YAML error is, as an offset into `body`: the library's position, except for a construct
 * left open (a quote or a flow `[`/`{` never closed), which the library reports where the text ends
 * (the closing fence): then the place it opens. Never past the content's last character.
 */
function yamlErrorAt(doc: import('yaml').Document, err: import('yaml').YAMLError, body: string): number {
  const at = err.pos[0];
  if (err.code === 'MISSING_CHAR' || err.code === 'BAD_INDENT') {
    let open: number | undefined;
    yamlParser().visit(doc, (_key, node) => {
      const r = (node as { range?: [number, number, number] } | null)?.range;
      if (!r || r[1] !== at || r[0] >= at) return;
      const opened = (yamlParser().isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) || (yamlParser().isCollection(node) && node.flow);
      if (opened && (open === undefined || r[0] > open)) open = r[0];
    });
    if (open !== undefined) return open;
  }
  const last = body.trimEnd().length - 1;
  return Math.max(0, Math.min(at, last));
}

/** Finds where keys and values stand in a front matter block's body (offsets into the body). */
interface KeyLocator {
  /** The span of `name` as a key inside the mapping at top-level key `parent`. */
  keyIn(parent: string, name: string): Span | undefined;
  /** The span of the source text of top-level key `name`'s value. */
  valueOf(name: string): Span | undefined;
}

function yamlLocator(doc: import('yaml').Document): KeyLocator {
  const y = yamlParser();
  const pairOf = (map: unknown, name: string) => (y.isMap(map) ? map.items.find((p) => y.isScalar(p.key) && p.key.value === name) : undefined);
  const span = (node: unknown): Span | undefined => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? { start: r[0], end: r[1] } : undefined;
  };
  return {
    keyIn: (parent, name) => span(pairOf(pairOf(doc.contents, parent)?.value, name)?.key),
    valueOf: (name) => span(pairOf(doc.contents, name)?.value),
  };
}

/**
 * True when a TOML line leaves a one-line string open at its end (`title = "Ferry`): basic strings
 * (`"…"`, with backslash escapes) and literal ones (`'…'`); multi-line strings and comments are skipped.
 */
function opensUnclosedString(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '#') return false;
    if (c !== '"' && c !== "'") continue;
    if (line.startsWith(c.repeat(3), i)) {
      const end = line.indexOf(c.repeat(3), i + 3);
      if (end < 0) return false; // a multi-line string goes on to the next lines
      i = end + 2;
      continue;
    }
    let j = i + 1;
    while (j < line.length && line[j] !== c) j += c === '"' && line[j] === '\\' ? 2 : 1;
    if (j >= line.length) return true;
    i = j;
  }
  return false;
}

/** TOML has no positions from its reader: keys are found in the text after their table or parent key. */
function tomlLocator(body: string): KeyLocator {
  const keyAt = (name: string, from: number): Span | undefined => {
    const re = new RegExp(`(^|[\\s{,])(["']?)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2\\s*=`, 'gm');
    re.lastIndex = from;
    const m = re.exec(body);
    return m ? { start: m.index + m[1].length + m[2].length, end: m.index + m[1].length + m[2].length + name.length } : undefined;
  };
  return {
    keyIn: (parent, name) => {
      const table = new RegExp(`^[ \\t]*\\[${parent}\\]|(^|[\\s{,])${parent}\\s*=`, 'm').exec(body);
      return table ? keyAt(name, table.index) : undefined;
    },
    valueOf: (name) => {
      const k = keyAt(name, 0);
      if (!k) return undefined;
      const rest = body.slice(k.end);
      const close = rest.trimStart().startsWith('[') ? rest.indexOf(']') + 1 : 0;
      const end = close > 0 ? k.end + close : k.end + (/[\r\n]|$/.exec(rest)?.index ?? rest.length);
      return { start: k.end, end };
    },
  };
}

/**
 * Places what needs a position in the draft: each `bibliography` file and `nocite` key, and a warning for each key inside
 * `sourcecheck:` that is not one we read (with the nearest known key as suggestion).
 */
function placeKeys(read: FrontMatter, data: unknown, block: Block, where: KeyLocator): void {
  const at = (s: Span): Span => ({ start: block.bodyStart + s.start, end: block.bodyStart + s.end });
  if (read.bibliographies.length) {
    const value = where.valueOf('bibliography');
    const spans: Span[] = [];
    let from = value?.start ?? 0;
    for (const name of read.bibliographies) {
      const i = value ? block.body.indexOf(name, from) : -1;
      if (i < 0 || i + name.length > value!.end) break;
      spans.push(at({ start: i, end: i + name.length }));
      from = i + name.length;
    }
    read.bibliographySpans = spans.length === read.bibliographies.length ? spans : [];
  }
  if (read.nocite.length) {
    const value = where.valueOf('nocite');
    const spans: Span[] = [];
    if (value) for (const m of block.body.slice(value.start, value.end).matchAll(NOCITE_KEY)) spans.push(at({ start: value.start + m.index! + 1, end: value.start + m.index! + m[0].length }));
    read.nociteSpans = spans.length === read.nocite.length ? spans : [];
  }
  if (!isRecord(data) || data.sourcecheck === undefined) return;
  const own = data.sourcecheck;
  if (!isRecord(own)) {
    const s = where.valueOf('sourcecheck') ?? where.keyIn('sourcecheck', 'sourcecheck');
    const span = s ? at(s) : { start: block.bodyStart, end: block.bodyStart + 1 };
    read.warnings.push({ ...span, message: `“sourcecheck:” in front matter must be a mapping, for example “sourcecheck: { references: [source-key] }”; it is ignored.` });
    return;
  }
  for (const name of Object.keys(own)) {
    if (SOURCECHECK_KEYS.includes(name)) continue;
    const s = where.keyIn('sourcecheck', name);
    const span = s ? at(s) : { start: block.bodyStart, end: block.bodyStart + 1 };
    const near = SOURCECHECK_KEYS.find((k) => closeTo(name, k));
    read.warnings.push({
      ...span,
      message: `Unknown key “${name}” in “sourcecheck:” front matter; it is ignored.${near ? ` Did you mean “${near}”?` : ` Known keys: ${SOURCECHECK_KEYS.map((k) => `“${k}”`).join(', ')}.`}`,
      ...(near && s ? { suggestion: near } : {}),
    });
  }
}

/** True when `a` is a plausible typo of `b`: within a third of its length in edits (insert, delete, substitute, swap neighbours), case ignored. */
function closeTo(a: string, b: string): boolean {
  const limit = Math.max(1, Math.floor(b.length / 3));
  return Math.abs(a.length - b.length) <= limit && editDistance(a.toLowerCase(), b.toLowerCase(), limit) <= limit;
}

/** Reads `key:`, `title:` and other flat fields from front matter (YAML or TOML); {} when there is none or it cannot be read. */
export function frontMatterFields(text: string): Record<string, string> {
  return readFrontMatter(text).fields;
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date);
const scalar = (x: unknown): string | undefined =>
  typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : x instanceof Date ? x.toISOString().slice(0, 10) : x && typeof x === 'object' && !Array.isArray(x) && typeof (x as { toISOString?: unknown }).toISOString === 'function' ? String(x) : undefined;
const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);
const plainKey = (s: string) => s.trim().replace(/^@/, '');

function interpret(data: unknown): Omit<FrontMatter, 'end' | 'kind'> {
  const out = EMPTY(0);
  if (!isRecord(data)) return out;
  for (const [k, v] of Object.entries(data)) {
    const s = scalar(v);
    if (s !== undefined) out.fields[k] = s;
    else if (Array.isArray(v) && v.length && v.every((x) => scalar(x) !== undefined)) out.fields[k] = v.map((x) => scalar(x)).join(', ');
  }
  // Our own key: `sourcecheck: { references: [...] }`.
  const own = isRecord(data.sourcecheck) ? data.sourcecheck.references : undefined;
  for (const x of asList(own)) if (typeof x === 'string' && plainKey(x)) out.references.push(plainKey(x));
  // Pandoc's `references:`: CSL items; the older list of plain keys still links the draft.
  const refs = asList(data.references);
  if (refs.length && refs.every((x) => typeof x === 'string')) {
    for (const x of refs as string[]) if (plainKey(x)) out.references.push(plainKey(x));
  } else {
    for (const x of refs) if (isRecord(x) && scalar(x.id)) out.sources.push(cslSource(x));
  }
  for (const x of asList(data.bibliography)) if (typeof x === 'string' && x.trim()) out.bibliographies.push(x.trim());
  for (const x of asList(data.nocite)) if (typeof x === 'string') for (const m of x.matchAll(NOCITE_KEY)) out.nocite.push(m[1]);
  out.references = [...new Set(out.references)];
  return out;
}

/** A CSL-JSON item (as Pandoc reads it from YAML) as a source entry: id → key, container-title → outlet. */
function cslSource(x: Record<string, unknown>): SourceEntry {
  const entry: SourceEntry = { key: String(scalar(x.id)).trim(), title: scalar(x.title) ?? String(scalar(x.id)), declaredIn: 'front matter' };
  const url = scalar(x.URL) ?? scalar(x.url);
  if (url) entry.url = url;
  const authors = asList(x.author)
    .map((a) => (isRecord(a) ? [scalar(a.given), scalar(a.family) ?? scalar(a.literal)].filter(Boolean).join(' ') : scalar(a)))
    .filter((a): a is string => !!a);
  if (authors.length) entry.author = authors.join(', ');
  const date = cslDate(x.issued);
  if (date) entry.date = date;
  const outlet = scalar(x['container-title']);
  if (outlet) entry.outlet = outlet;
  return entry;
}

/** A CSL date (`{date-parts: [[2024, 3, 1]]}`, `{raw: …}`, or a plain string) as ISO 8601 as far as it goes. */
function cslDate(d: unknown): string | undefined {
  const s = scalar(d);
  if (s !== undefined) return s;
  if (!isRecord(d)) return undefined;
  const parts = Array.isArray(d['date-parts']) ? d['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length) return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
  return scalar(d.raw) ?? scalar(d.literal);
}

/** 1-based line number of an offset. */
const lineOf = (text: string, at: number) => (text.slice(0, at).match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
const firstLine = (s: string) => s.split(/\r?\n/)[0].replace(/\s*\.?\s*$/, '');

function lineOffset(body: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const m = /\r\n|\n|\r/.exec(body.slice(at));
    if (!m) return at;
    at += m.index + m[0].length;
  }
  return at;
}

function lineLength(body: string, line: number): number {
  const start = lineOffset(body, line);
  const m = /\r\n|\n|\r|$/.exec(body.slice(start));
  return m ? m.index : 0;
}
