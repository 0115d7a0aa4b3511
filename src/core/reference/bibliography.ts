// Bibliographies as newsrooms keep them: BibTeX/BibLaTeX (`.bib`, as Zotero, Better BibTeX and JabRef
// export them), CSL JSON and CSL YAML. Read with citation-js (core and its BibTeX plugin); pure: the caller hands in the text.
// An entry is a key with metadata and the files attached to it; whether its text can be found is
// decided by the front end (it reads the files) and `assembleBibliography` (it pairs the rest with
// workspace references by URL or DOI).
import { InputError } from '../errors';
import { decodeText } from '../text/decode';
import { readFrontMatter } from '../text/frontMatter';
import { normalizeUrl } from '../text/url';
import { REFERENCE_EXTENSIONS } from './formats';
import type { Reference, ReferenceMeta, SourceEntry } from '../types';

/** One entry of a bibliography, its metadata flattened for display and matching. */
export interface BibliographyEntry {
  /** The citation key (BibTeX label, CSL `citation-key` or `id`). */
  key: string;
  /** Title; the key when the entry has none. */
  title: string;
  url?: string;
  /** The DOI without resolver prefix (`10.1234/abc`). */
  doi?: string;
  /** Authors (or editors) as "Given Family", joined with ", ". */
  author?: string;
  /** Issued date, ISO 8601 as far as known (`2020`, `2020-03`, `2020-03-05`). */
  date?: string;
  /** Container title (newspaper, journal, site), else publisher. */
  outlet?: string;
  /** Attached files as the entry writes them (unescaped); relative ones are relative to the bibliography's folder. */
  files: string[];
  /** 1-based line of the entry in the bibliography, when known. */
  line?: number;
}

/** Something about a bibliography a writer should hear: a syntax error, a duplicate key, an entry without a key. */
export interface BibliographyIssue {
  message: string;
  /** 1-based line, when known. */
  line?: number;
  key?: string;
  /** For an entry that cannot be read (a syntax error): why, in the parser's words. */
  unreadable?: string;
  /** For an entry that cannot be read: the 1-based line it starts on. */
  entryLine?: number;
}

export interface Bibliography {
  path: string;
  format: 'bibtex' | 'csl-json' | 'csl-yaml';
  /** Entries in file order, keys unique (the first of two with one key wins). */
  entries: BibliographyEntry[];
  issues: BibliographyIssue[];
  /** True for a Zotero or Better BibTeX export (see isZoteroExport): a note then says to attach a file in Zotero. */
  zotero?: boolean;
}

/**
 * Whether a bibliography's text is a Zotero or Better BibTeX export: it names Zotero (a storage path,
 * an item URI `http://zotero.org/…`, a Better BibTeX header) or, as CSL, carries Better BibTeX's `citation-key`.
 */
function isZoteroExport(text: string, format: Bibliography['format']): boolean {
  return /zotero|better\s*bib(?:la)?tex/i.test(text) || (format !== 'bibtex' && /["']?citation-key["']?\s*:/.test(text));
}

/** File name endings read as bibliographies. */
export const BIBLIOGRAPHY_EXTENSIONS = ['bib', 'bibtex', 'json', 'yaml', 'yml'] as const;

/** Most entries read from one bibliography; a library export of this size is already unusual. */
export const MAX_BIBLIOGRAPHY_ENTRIES = 20_000;

// citation-js ships no type declarations; this is the part of its API used here.
interface CitationJs {
  plugins: { input: { chainLink(data: unknown, options: { type: string }): unknown; chain(data: unknown, options: { target: string; generateGraph: boolean }): unknown } };
  logger: { _log: unknown[] };
}
let citationJs: CitationJs | undefined;
/** The yaml package, loaded on first use like citation-js, so bundles that never read a bibliography leave both out. */
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');
function cite(): CitationJs {
  if (!citationJs) {
    // Loaded on first use: activating the extension does not pay for the parser.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    citationJs = require('@citation-js/core') as CitationJs;
    require('@citation-js/plugin-bibtex');
    // CSL JSON input is part of the core; @citation-js/plugin-csl only formats citations (with
    // citeproc, which carries a browser XML loader), which nothing here needs.
  }
  return citationJs;
}

interface CslName {
  given?: string;
  family?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}
interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
}
type CslItem = Record<string, unknown> & { id?: string | number; 'citation-key'?: string; title?: string; URL?: string; DOI?: string; author?: CslName[]; editor?: CslName[]; issued?: CslDate | string | number; 'container-title'?: string; publisher?: string };
interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

/**
 * Parses a bibliography by its file name ending: `.bib`/`.bibtex` as BibTeX or BibLaTeX, `.json` as
 * CSL JSON (a list of items, or `{ "items": [...] }`), `.yaml`/`.yml` as CSL YAML (a list, or
 * `references:` as Pandoc writes it). Never throws: a syntax error becomes an issue naming the file
 * and line, and the entries that can be read are kept; of two entries with one key the first wins.
 */
export function parseBibliography(text: string, path: string): Bibliography {
  // Parsed once per content: a 2,000-entry export takes about a second to read, and bibliographies
  // are re-read whenever any reference changes. The result is shared: callers must not change it.
  const memoKey = `${path}\u0000${text}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const bib = parseUncached(text, path);
  memo.set(memoKey, bib);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return bib;
}

const MEMO_SIZE = 8;
const memo = new Map<string, Bibliography>();

function parseUncached(text: string, path: string): Bibliography {
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  const format: Bibliography['format'] = ext === 'json' ? 'csl-json' : ext === 'yaml' || ext === 'yml' ? 'csl-yaml' : 'bibtex';
  const issues: BibliographyIssue[] = [];
  let entries: BibliographyEntry[];
  try {
    entries = format === 'bibtex' ? readBibtex(text, path, issues) : readCsl(text, path, format, issues);
  } catch (e) {
    issues.push({ message: `Bibliography “${path}” cannot be read: ${firstLine(e)}` });
    entries = [];
  } finally {
    // citation-js keeps every log line it writes in memory; a long session would grow it without end.
    if (citationJs) citationJs.logger._log.length = 0;
  }
  if (entries.length > MAX_BIBLIOGRAPHY_ENTRIES) {
    issues.push({ message: `Bibliography “${path}” has ${entries.length.toLocaleString('en')} entries; the first ${MAX_BIBLIOGRAPHY_ENTRIES.toLocaleString('en')} are read.` });
    entries = entries.slice(0, MAX_BIBLIOGRAPHY_ENTRIES);
  }
  const seen = new Map<string, BibliographyEntry>();
  const unique: BibliographyEntry[] = [];
  for (const e of entries) {
    const first = seen.get(e.key);
    if (first) {
      const at = first.line && e.line ? ` (lines ${first.line} and ${e.line})` : '';
      issues.push({ key: e.key, line: e.line, message: `Bibliography “${path}” has two entries with the key “${e.key}”${at}; the first is used.` });
      continue;
    }
    seen.set(e.key, e);
    unique.push(e);
  }
  const bib: Bibliography = { path, format, entries: unique, issues };
  if (isZoteroExport(text, format)) bib.zotero = true;
  return bib;
}

function readBibtex(text: string, path: string, issues: BibliographyIssue[]): BibliographyEntry[] {
  try {
    return bibtexEntries(text, 1);
  } catch {
    // One bad entry makes the parser give up on the whole file: read the entries one by one (each
    // starts with `@` at the start of a line, as every exporter writes them) to keep the good ones.
  }
  const out: BibliographyEntry[] = [];
  const starts = [...text.matchAll(/^[ \t]*@/gm)].map((m) => m.index!);
  if (!starts.length || starts[0] > 0) starts.unshift(0);
  for (let i = 0; i < starts.length; i++) {
    const chunk = text.slice(starts[i], starts[i + 1] ?? text.length);
    if (!chunk.trim()) continue;
    const firstLineNo = lineAt(text, starts[i]);
    try {
      out.push(...bibtexEntries(chunk, firstLineNo));
    } catch (e) {
      const m = /at line (\d+) col (\d+)/.exec(e instanceof Error ? e.message : String(e));
      const line = m ? firstLineNo + Number(m[1]) - 1 : firstLineNo;
      const label = /^\s*@\s*\w+\s*[{(]\s*([^,\s{}]+)\s*,/.exec(chunk)?.[1];
      const what = label ? `the entry “${label}”` : 'an entry';
      const why = firstLine(e).replace(/ at line \d+ col \d+:?$/, '');
      issues.push({ line, key: label, unreadable: why, entryLine: firstLineNo, message: `Bibliography “${path}”, line ${line}: ${what} cannot be read (${why}); the other entries are used.` });
    }
  }
  return out;
}

/** Entries of a piece of BibTeX whose first line is line `firstLine` of the file. */
function bibtexEntries(text: string, firstLineNo: number): BibliographyEntry[] {
  const { plugins } = cite();
  const raw = plugins.input.chainLink(text, { type: '@biblatex/text' }) as RawBibEntry[];
  if (!Array.isArray(raw) || !raw.length) return [];
  const csl = plugins.input.chain(raw, { target: '@csl/list+object', generateGraph: false }) as CslItem[];
  // Lines of each label's entries, in order, to point issues at their entry.
  const lines = new Map<string, number[]>();
  let line = firstLineNo;
  let counted = 0;
  for (const m of text.matchAll(/^[ \t]*@\s*\w+\s*[{(]\s*([^,\s{}]+)\s*,/gm)) {
    // Count line breaks from the previous entry on, not from the start (a 2,000-entry file has 20,000 lines).
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index!; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index!;
    const list = lines.get(m[1]) ?? [];
    list.push(line);
    lines.set(m[1], list);
  }
  return raw.map((r, i) => {
    const item = csl[i] ?? {};
    const files = typeof r.properties.file === 'string' ? parseFileField(r.properties.file) : [];
    return entryOf(item, r.label, files, lines.get(r.label)?.shift());
  });
}

function readCsl(text: string, path: string, format: 'csl-json' | 'csl-yaml', issues: BibliographyIssue[]): BibliographyEntry[] {
  let data: unknown;
  try {
    data = format === 'csl-json' ? JSON.parse(text.replace(/^\uFEFF/, '')) : yaml().parse(text, { maxAliasCount: 100 });
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? lineOfJsonError(text, e);
    issues.push({ line, message: `Bibliography “${path}”${line ? `, line ${line}` : ''}: not valid ${format === 'csl-json' ? 'JSON' : 'YAML'} (${firstLine(e)}); no entries were read from it.` });
    return [];
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? ((data as Record<string, unknown>).references ?? (data as Record<string, unknown>).items) : undefined;
  if (!Array.isArray(list)) {
    issues.push({ message: `Bibliography “${path}” is not CSL: expected a list of entries${format === 'csl-yaml' ? ' or `references:`' : ''}.` });
    return [];
  }
  const out: BibliographyEntry[] = [];
  list.forEach((raw, i) => {
    const entry = cslEntry(raw);
    if (typeof entry === 'string') issues.push({ message: `Bibliography “${path}”, entry ${i + 1}: ${entry}; it is left out.` });
    else out.push(entry);
  });
  return out;
}

/** One CSL item (JSON or YAML), or why it cannot be used. */
function cslEntry(raw: unknown): BibliographyEntry | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not an object';
  const o = raw as Record<string, unknown>;
  const key = o['citation-key'] ?? o.id;
  if ((typeof key !== 'string' || !key.trim()) && typeof key !== 'number') return 'it has no `id`';
  let item: CslItem;
  try {
    // citation-js normalises what editors write by hand (a date as a string, a name as one string).
    item = (cite().plugins.input.chain([o], { target: '@csl/list+object', generateGraph: false }) as CslItem[])[0] ?? (o as CslItem);
  } catch {
    item = o as CslItem;
  }
  const file = o.file ?? o.files;
  const files = typeof file === 'string' ? parseFileField(file) : Array.isArray(file) ? file.filter((f): f is string => typeof f === 'string' && !!f.trim()) : [];
  return entryOf(item, String(key).trim(), files, undefined);
}

function entryOf(item: CslItem, key: string, files: string[], line: number | undefined): BibliographyEntry {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : undefined);
  const entry: BibliographyEntry = { key, title: str(item.title) ?? key, files };
  const url = str(item.URL);
  if (url) entry.url = url;
  const doi = str(item.DOI);
  if (doi) entry.doi = normaliseDoi(doi);
  const author = names(item.author) ?? names(item.editor);
  if (author) entry.author = author;
  const date = isoDate(item.issued);
  if (date) entry.date = date;
  const outlet = str(item['container-title']) ?? str(item.publisher);
  if (outlet) entry.outlet = outlet;
  if (line) entry.line = line;
  return entry;
}

function names(list: unknown): string | undefined {
  if (!Array.isArray(list) || !list.length) return undefined;
  const out = list
    .map((n: CslName) => (typeof n === 'string' ? n : n.literal ?? [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ')))
    .filter((s) => typeof s === 'string' && s.trim());
  return out.length ? out.join(', ') : undefined;
}

function isoDate(d: CslDate | string | number | undefined): string | undefined {
  // CSL YAML as people write it: `issued: 2015-09-12`.
  if (typeof d === 'string' || typeof d === 'number') return String(d).trim() || undefined;
  if (!d || typeof d !== 'object') return undefined;
  const parts = d['date-parts']?.[0];
  if (Array.isArray(parts) && parts.length && Number.isFinite(Number(parts[0]))) {
    const [y, m, day] = parts.map(Number);
    return [String(y).padStart(4, '0'), m ? String(m).padStart(2, '0') : '', m && day ? String(day).padStart(2, '0') : ''].filter(Boolean).join('-');
  }
  return d.raw ?? d.literal;
}

/**
 * The paths of a `file` field as Zotero, Better BibTeX, JabRef and Mendeley write it: attachments
 * separated by `;`, each `description:path:type` with `\:`, `\;` and `\\` escaping (so
 * `Full Text:files/12/a.pdf:application/pdf` and `:C\:/Users/me/a.pdf:PDF` both give their path),
 * or a bare path. An unescaped drive colon (`:C:/x.pdf:PDF`) is read as part of the path.
 */
export function parseFileField(field: string): string[] {
  const out: string[] = [];
  for (const attachment of splitUnescaped(field, ';')) {
    const parts = splitUnescaped(attachment, ':');
    let path: string;
    if (parts.length >= 3) path = parts.slice(1, -1).join(':');
    else if (parts.length === 2) {
      // `C:/x.pdf` (a drive), `x.pdf:text/html` (path and type) or `Description:x.pdf`.
      if (/^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1])) path = parts.join(':');
      else path = /^[\w.+-]+\/[\w.+-]+$|^[A-Za-z]{2,6}$/.test(parts[1].trim()) ? parts[0] : parts[1];
    }
    else path = parts[0];
    path = path.replace(/\\([\\:;])/g, '$1').trim();
    // Mendeley writes a backslash as `$\backslash$`.
    path = path.replace(/\$\\backslash\$/g, '\\');
    if (path) out.push(path);
  }
  return out;
}

/** Splits at `sep` not preceded by an escaping backslash; the pieces keep their escapes. */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[++i];
      continue;
    }
    if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** True for `/x`, `C:\x`, `C:/x` and `\\server\x`: a path not relative to the bibliography's folder. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** A DOI without its resolver prefix, lower-cased (DOIs are case-insensitive). */
export function normaliseDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
}

/** The DOI a URL resolves (`https://doi.org/10.1/x`), if it is a DOI link. */
function doiOfUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/(?:dx\.)?doi\.org\/10\./i.test(url.trim()) ? normaliseDoi(decodeURIComponent(url)) : undefined;
}

/** The metadata a reference read from an entry's attached file (`path`) carries: the entry's key and metadata, and the file's format. */
export function entryReferenceMeta(entry: BibliographyEntry, path: string): ReferenceMeta {
  const meta: ReferenceMeta = { key: entry.key, title: entry.title, path };
  const format = REFERENCE_EXTENSIONS[/\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? ''];
  if (format) meta.format = format;
  if (entry.url) meta.url = entry.url;
  else if (entry.doi) meta.url = `https://doi.org/${entry.doi}`;
  if (entry.author) meta.author = entry.author;
  if (entry.date) meta.date = entry.date;
  if (entry.outlet) meta.outlet = entry.outlet;
  return meta;
}

/** What the checker knows of an entry whose text is not at hand; `problem` says why, when a file was named but unusable. */
export function sourceEntryOf(entry: BibliographyEntry, declaredIn: string, problem?: string): SourceEntry {
  const { key, title, url, author, date, outlet } = entry;
  const s: SourceEntry = { key, title, declaredIn };
  if (url) s.url = url;
  else if (entry.doi) s.url = `https://doi.org/${entry.doi}`;
  if (author) s.author = author;
  if (date) s.date = date;
  if (outlet) s.outlet = outlet;
  if (problem) s.problem = problem;
  return s;
}

/**
 * A known source for each entry of `bib` that could not be read (a syntax error) and whose key no
 * readable entry has, so a citation of it hears why rather than a guess at another key.
 */
export function unreadableSources(bib: Pick<Bibliography, 'path' | 'entries' | 'issues'>): SourceEntry[] {
  const name = bib.path.replace(/^.*[/\\]/, '');
  const out: SourceEntry[] = [];
  for (const i of bib.issues) {
    if (!i.key || i.unreadable === undefined || bib.entries.some((e) => e.key === i.key) || out.some((s) => s.key === i.key)) continue;
    const line = i.entryLine ?? i.line;
    const at = line ? ` line ${line}` : '';
    out.push({ key: i.key, title: i.key, declaredIn: bib.path, unreadable: `“${i.key}” is in ${name}${at}, which could not be read: ${i.unreadable}` });
  }
  return out;
}

/** The references and known sources a bibliography gives. */
export interface AssembledBibliography {
  /** Entries with text: read from their attached file, or a workspace reference matched by URL or DOI, under the entry's key. */
  references: Reference[];
  /** Entries with no text: known keys, cited with an information note rather than an unknown-key problem. */
  sources: SourceEntry[];
  /** Entries whose URL or DOI matches more than one reference (the first, in the order given, is used). */
  issues: string[];
}

/**
 * Pairs a bibliography's entries with text. `attached` holds, by entry key, the reference the front
 * end read from the entry's attached file (made with `entryReferenceMeta`), or a sentence saying why
 * no file could be used. An entry with neither takes the text of a workspace reference in `workspace`
 * whose URL or DOI is the entry's (the reference keeps its own key too). The rest become known sources.
 */
export function assembleBibliography(bib: Pick<Bibliography, 'path' | 'entries' | 'zotero'>, attached: ReadonlyMap<string, Reference | string>, workspace: readonly Reference[]): AssembledBibliography {
  const byUrl = new Map<string, Reference[]>();
  const byDoi = new Map<string, Reference[]>();
  const add = (m: Map<string, Reference[]>, k: string | undefined, r: Reference) => {
    if (!k) return;
    const list = m.get(k) ?? [];
    // One reference read twice (its own key and an entry's) is one text, not two.
    if (!list.some((x) => x.text === r.text)) list.push(r);
    m.set(k, list);
  };
  for (const r of workspace) {
    add(byDoi, r.doi ? normaliseDoi(r.doi) : doiOfUrl(r.url), r);
    add(byUrl, r.url ? normalizeUrl(r.url) : undefined, r);
  }
  const references: Reference[] = [];
  const sources: SourceEntry[] = [];
  const issues: string[] = [];
  for (const entry of bib.entries) {
    const got = attached.get(entry.key);
    if (got && typeof got !== 'string') {
      references.push(got);
      continue;
    }
    const url = entry.url ? normalizeUrl(entry.url) : undefined;
    const matches = (entry.doi ? byDoi.get(entry.doi) : undefined) ?? (url ? byUrl.get(url) : undefined) ?? (entry.doi ? byUrl.get(normalizeUrl(`https://doi.org/${entry.doi}`)!) : undefined);
    const match = matches?.[0];
    if (matches && matches.length > 1) {
      issues.push(`Bibliography “${bib.path}”, entry “${entry.key}”: its ${entry.doi && byDoi.get(entry.doi) ? 'DOI' : 'URL'} matches ${matches.length} references (${matches.map((r) => `“${r.key}”`).join(', ')}); “${match!.key}” is used.`);
    }
    if (match) {
      const meta = entryReferenceMeta(entry, match.path);
      if (!entry.url && match.url) meta.url = match.url;
      references.push({ ...match, ...meta, format: match.format });
      continue;
    }
    const source = sourceEntryOf(entry, bib.path, typeof got === 'string' ? got : undefined);
    if (bib.zotero) source.zotero = true;
    sources.push(source);
  }
  return { references, sources, issues };
}

/**
 * The bibliographies a draft names in its front matter (`bibliography: refs.bib`, or an inline list
 * `[a.bib, b.json]`), as written: relative to the draft's folder unless absolute.
 */
export function draftBibliographies(text: string): string[] {
  // Front matter only, read by the same YAML/TOML reader as the draft parser (Draft.bibliographies).
  return readFrontMatter(text).bibliographies;
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOfJsonError(text: string, e: unknown): number | undefined {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (m) return lineAt(text, Number(m[1]));
  // JSON is YAML: the YAML parser says where it stops making sense, when JSON.parse does not.
  try {
    return yaml().parseDocument(text).errors[0]?.linePos?.[0]?.line;
  } catch {
    return undefined;
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].trim();
}

/** File endings of attached files read as plain text (`attachmentText`). */
export const ATTACHMENT_TEXT_EXTENSIONS = ['md', 'markdown', 'txt', 'text'];

/** File endings of every attached file that is read: text, and saved pages and PDFs (read by the reference readers). */
export const ATTACHMENT_EXTENSIONS = [...ATTACHMENT_TEXT_EXTENSIONS, 'html', 'htm', 'pdf'];

/**
 * A reference read from an entry's attached saved page or PDF, under the entry's key and with the
 * entry's metadata (title, author, date, outlet, URL) where the entry gives it, the file's otherwise.
 */
export function asEntryReference(ref: Reference, meta: ReferenceMeta): Reference {
  const given = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as Partial<ReferenceMeta>;
  return { ...ref, ...given, format: ref.format ?? meta.format };
}

/**
 * The text of a file attached to a bibliography entry, for `loadReference`. Throws InputError
 * ('unreadable') for a kind of file that is not read, or when the bytes are not text.
 *
 * Saved pages and PDFs are not read here: the front ends read them with the reference readers
 * (off the thread that calls this) and give them the entry's metadata with `asEntryReference`.
 */
export function attachmentText(bytes: Uint8Array, path: string): string {
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  if (!ATTACHMENT_TEXT_EXTENSIONS.includes(ext)) {
    throw new InputError('unreadable', `Attached file “${path}” is ${ext ? `a .${ext} file` : 'a file without a known ending'}; attached files are read as text when they are ${ATTACHMENT_TEXT_EXTENSIONS.map((e) => '.' + e).join(', ')}.`);
  }
  const text = decodeText(bytes, `Attached file “${path}”`);
  if (!text.trim()) throw new InputError('empty-reference', `Attached file “${path}” is empty.`);
  return text;
}
