// The one reader of front matter, for drafts (linked references, Pandoc metadata) and reference files
// (key, title, url, …). YAML (`---`) is read with `yaml`, TOML (`+++`) with `smol-toml`; only the fences
// are found by pattern, the content never.
/* eslint-disable @typescript-eslint/no-require-imports */
// Required on the first front matter read, not at load (the editor's activation need not pay for them).
const yamlParser = () => require('yaml') as typeof import('yaml');
const tomlParser = () => require('smol-toml') as typeof import('smol-toml');
/* eslint-enable @typescript-eslint/no-require-imports */
import type { SourceEntry, Span } from '../types';

/** A problem reading front matter: where (offsets in the whole text) and what, for the writer. */
export interface FrontMatterProblem extends Span {
  message: string;
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
  /** Keys of Pandoc's `nocite:` (`@a, @b`, or `@*` for all), without `@`. */
  nocite: string[];
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

const EMPTY = (end: number, kind?: 'yaml' | 'toml'): FrontMatter => ({ end, kind, fields: {}, references: [], bibliographies: [], nocite: [], sources: [] });

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
      const at = block.bodyStart + Math.min(err.pos[0], block.body.length);
      return { ...EMPTY(block.end, 'yaml'), problem: { start: at, end: Math.max(at + 1, Math.min(block.bodyStart + err.pos[1], block.end)), message: `The front matter is not valid YAML (line ${lineOf(text, at)}): ${firstLine(err.message)}. Its keys are not read.` } };
    }
    data = doc.toJS();
    // A YAML block that is not a mapping (a sentence between two `---` lines) is not front matter (Pandoc): it is prose.
    if (data !== null && data !== undefined && !isRecord(data)) return EMPTY(0);
  } else {
    try {
      data = tomlParser().parse(block.body);
    } catch (e) {
      const line = e instanceof tomlParser().TomlError ? (e as InstanceType<ReturnType<typeof tomlParser>['TomlError']>).line : 1;
      const at = block.bodyStart + lineOffset(block.body, line - 1);
      const message = e instanceof Error ? firstLine(e.message) : String(e);
      return { ...EMPTY(block.end, 'toml'), problem: { start: at, end: Math.max(at + 1, at + lineLength(block.body, line - 1)), message: `The front matter is not valid TOML (line ${lineOf(text, at)}): ${message}. Its keys are not read.` } };
    }
  }
  return { ...interpret(data), end: block.end, kind: block.kind };
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
  for (const x of asList(data.nocite)) if (typeof x === 'string') for (const m of x.matchAll(/@(\*|[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu)) out.nocite.push(m[1]);
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
