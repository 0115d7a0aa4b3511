// Bibliographies on the command line: `--bibliography FILE`, a config file's `bibliographies` and a
// draft's own `bibliography:`. Each entry with a readable attached file becomes a reference under its
// key; one whose URL or DOI matches a loaded reference takes that text; the rest are known sources
// (a `no-text` note when cited). An unreadable bibliography given on the command line or in the
// config file is bad input (exit 2); a draft's own that cannot be read is a problem on the draft. A syntax error in
// one, a missing attached file or a duplicate key is a warning on standard error, the rest is used.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { asEntryReference, assembleBibliography, unreadableSources, BIBLIOGRAPHY_EXTENSIONS, attachmentText, entryReferenceMeta, InputError, isAbsolutePath, loadReference, maxReferenceBytes, parseBibliography, referenceFormatOf, type Reference, type SourceEntry } from '../core';
import { loadWebOrPdfReference, readTextFile } from './io';

/** Largest bibliography read (a 2,000-entry Zotero export is about 1 MB). */
export const MAX_BIBLIOGRAPHY_BYTES = 32 * 1024 * 1024;
/** Largest attached file read, as for a reference given with --reference. */
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

export interface BibliographySet {
  /** Entries with text, under their keys. */
  references: Reference[];
  /** Entries without text. */
  sources: SourceEntry[];
  /** Warnings for standard error: syntax errors, duplicate keys, attached files that cannot be used. */
  warnings: string[];
  /** Bibliographies of `optional` (a draft's own `bibliography:`) that could not be read, with why. */
  failed?: { path: string; message: string }[];
}

/**
 * Loads bibliographies (absolute paths) against the references already loaded (`loaded`, for URL and
 * DOI matching and key clashes). `cache` lets several drafts share one reading of a file.
 * Throws InputError when a bibliography cannot be read at all.
 */
export function loadBibliographies(paths: string[], loaded: readonly Reference[], cache = new Map<string, BibliographySet>(), optional: ReadonlySet<string> = new Set()): BibliographySet {
  const out: BibliographySet = { references: [], sources: [], warnings: [], failed: [] };
  const keys = new Set(loaded.map((r) => r.key));
  // Who holds each key, for the warning when a later one has it too.
  const holders = new Map<string, string>(loaded.map((r) => [r.key, `the reference “${r.path}”`]));
  for (const path of [...new Set(paths)]) {
    let one = cache.get(path);
    if (!one) {
      try {
        one = loadOne(path, loaded);
      } catch (e) {
        // A draft's own `bibliography:` that cannot be read is a problem on that draft; the rest is still checked.
        if (!optional.has(path) || !(e instanceof InputError)) throw e;
        out.failed!.push({ path, message: e.message });
        continue;
      }
      cache.set(path, one);
      out.warnings.push(...one.warnings);
    }
    for (const r of one.references) {
      if (keys.has(r.key)) {
        out.warnings.push(`Bibliography “${path}”: the key “${r.key}” is already used by ${holders.get(r.key) ?? 'another reference'}; the first is used.`);
        continue;
      }
      keys.add(r.key);
      holders.set(r.key, `the entry in “${path}”`);
      out.references.push(r);
    }
    for (const s of one.sources) {
      if (keys.has(s.key)) {
        // An entry without text under a loaded reference's key would otherwise vanish without a word.
        if (!s.unreadable) out.warnings.push(`Bibliography “${path}”: the entry “${s.key}” has the key of ${holders.get(s.key) ?? 'another reference'}; that one is used, and this entry is not.`);
        continue;
      }
      holders.set(s.key, `the entry in “${path}”`);
      keys.add(s.key);
      out.sources.push(s);
    }
  }
  return out;
}

function loadOne(path: string, loaded: readonly Reference[]): BibliographySet {
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  if (!(BIBLIOGRAPHY_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new InputError('unreadable', `“${path}” is not a bibliography: BibTeX (.bib), CSL JSON (.json) and CSL YAML (.yaml, .yml) are read.`);
  }
  const text = readTextFile(path, 'Bibliography', MAX_BIBLIOGRAPHY_BYTES);
  const bib = parseBibliography(text, path);
  // A bibliography named on the command line that gives no entry at all is unreadable input (exit 2);
  // one entry that cannot be read among good ones is only a warning.
  if (!bib.entries.length) {
    const why = bib.issues[0]?.message;
    throw new InputError('unreadable', why ? `Bibliography “${path}” has no entry that can be read: ${why}` : `Bibliography “${path}” has no entries.`);
  }
  const warnings = bib.issues.map((i) => i.message);
  const attached = new Map<string, Reference | string>();
  for (const entry of bib.entries) {
    for (const file of entry.files) {
      const abs = isAbsolutePath(file) ? file : resolve(dirname(path), file);
      const got = readAttachment(abs, entry.key, entryReferenceMeta(entry, abs));
      attached.set(entry.key, got);
      if (typeof got !== 'string') break;
    }
    const why = attached.get(entry.key);
    if (typeof why === 'string') warnings.push(`Bibliography “${path}”, entry “${entry.key}”: ${why}`);
  }
  const { references, sources, issues } = assembleBibliography(bib, attached, loaded);
  return { references, sources: [...sources, ...unreadableSources(bib)], warnings: [...warnings, ...issues] };
}

/** The reference read from an attached file, or a sentence saying why it cannot be used. */
function readAttachment(abs: string, key: string, meta: ReturnType<typeof entryReferenceMeta>): Reference | string {
  try {
    const st = statSync(abs);
    if (!st.isFile()) return `its attached file “${abs}” is not a regular file.`;
    const format = referenceFormatOf(abs);
    const paged = format === 'html' || format === 'pdf';
    const limit = paged ? maxReferenceBytes(abs) : MAX_ATTACHMENT_BYTES;
    if (st.size > limit) return `its attached file “${abs}” is ${(st.size / 1048576).toFixed(1)} MB; attached files up to ${limit / 1048576} MB are read.`;
    // A saved page or PDF (what Zotero usually attaches) is read by the reference readers.
    if (paged) return asEntryReference(loadWebOrPdfReference(abs), meta);
    return loadReference(attachmentText(readFileSync(abs), abs), meta);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `its attached file “${abs}” does not exist.`;
    if (e instanceof InputError) return e.message.replace(/^Reference “[^”]*”/, `The text of “${key}”`);
    return `its attached file “${abs}” cannot be read (${code ?? (e instanceof Error ? e.message : String(e))}).`;
  }
}

/** The bibliographies that apply to a draft: the command line's, the config file's, then the draft's own `bibliography:` (relative to the draft). */
export function bibliographyPaths(cli: string[], config: string[], draftPath: string, declared: string[]): string[] {
  return [...cli.map((p) => resolve(p)), ...config, ...declared.map((p) => (isAbsolutePath(p) ? p : resolve(dirname(draftPath), p)))];
}
