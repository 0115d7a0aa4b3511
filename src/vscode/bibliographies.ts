// Reading bibliographies in the editor: the files the `sourcecheck.bibliographies` setting and the
// drafts' own `bibliography:` name, parsed by the engine, with each entry's attached file read
// through the workspace file system. An attached file outside the workspace folders is not read (a
// bibliography in the workspace is untrusted input: it could name any file on the machine); it and
// a missing file are reported in the output channel and in the note on the citation that needs them.
import * as vscode from 'vscode';
import {
  asEntryReference,
  maxReferenceBytes,
  referenceFormatOf,
  assembleBibliography,
  attachmentText,
  decodeText,
  entryReferenceMeta,
  InputError,
  isAbsolutePath,
  loadReference,
  unreadableSources,
  type Bibliography,
  type Reference,
  type SourceEntry,
} from '../core';

/** Largest bibliography read (a 2,000-entry Zotero export is about 1 MB). */
const MAX_BIBLIOGRAPHY_BYTES = 32 * 1024 * 1024;
const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

/** Where an entry is written, for "Attach a file…". */
export interface EntryHome {
  bibliography: vscode.Uri;
  format: Bibliography['format'];
  line?: number;
}

export interface LoadedBibliographies {
  references: Reference[];
  sources: SourceEntry[];
  /** Messages for the output channel, each with the file it is about. */
  issues: { uri?: vscode.Uri; message: string }[];
  /** Every entry's bibliography, by key (first wins). */
  homes: Map<string, EntryHome>;
  /** The bibliographies and attached files read, to watch. */
  files: vscode.Uri[];
  /** Bibliographies that could not be read at all (missing, too large, not text), by URI, with why. */
  unreadable: Map<string, string>;
}

/** Parses a bibliography's text (on the judging thread when there is one). */
export type BibliographyParser = (text: string, path: string) => Promise<Bibliography>;

/** Reads bibliographies against the references already loaded (`loaded`: URL/DOI matching, key clashes). Never throws. */
export async function loadBibliographyFiles(
  uris: vscode.Uri[],
  loaded: readonly Reference[],
  label: (u: vscode.Uri) => string,
  parse: BibliographyParser | undefined,
  /** Reads a saved page or PDF (the reference reader thread); without it such attachments are not read. */
  readPaged?: (bytes: Uint8Array, path: string) => Promise<Reference>,
): Promise<LoadedBibliographies> {
  const out: LoadedBibliographies = { references: [], sources: [], issues: [], homes: new Map(), files: [], unreadable: new Map() };
  const keys = new Set(loaded.map((r) => r.key));
  for (const uri of uris) {
    out.files.push(uri);
    let text: string;
    try {
      text = await readText(uri, `Bibliography ${label(uri)}`, MAX_BIBLIOGRAPHY_BYTES);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      out.issues.push({ uri, message });
      out.unreadable.set(uri.toString(), message);
      continue;
    }
    // Parsed on the judging thread only: the parser (citation-js) stays out of the extension's own
    // bundle, so activation does not pay for it, and a big file never holds the extension host.
    let bib: Bibliography;
    try {
      if (!parse) throw new Error('there is no judging thread');
      bib = await parse(text, label(uri));
    } catch (e) {
      const message = `Bibliography ${label(uri)} cannot be read: ${e instanceof Error ? e.message : String(e)}.`;
      out.issues.push({ uri, message });
      out.unreadable.set(uri.toString(), message);
      continue;
    }
    for (const i of bib.issues) out.issues.push({ uri, message: i.message });
    const attached = new Map<string, Reference | string>();
    for (const entry of bib.entries) {
      if (!out.homes.has(entry.key)) out.homes.set(entry.key, { bibliography: uri, format: bib.format, line: entry.line });
      for (const file of entry.files) {
        const target = isAbsolutePath(file) ? vscode.Uri.file(file) : vscode.Uri.joinPath(uri, '..', file);
        const got = await readAttachment(target, entryReferenceMeta(entry, target.scheme === 'file' ? target.fsPath : target.toString()), label, readPaged);
        attached.set(entry.key, got);
        if (typeof got !== 'string') {
          out.files.push(target);
          break;
        }
      }
      const why = attached.get(entry.key);
      if (typeof why === 'string') out.issues.push({ uri, message: `Bibliography ${label(uri)}, entry “${entry.key}”: ${why}` });
    }
    const bibPath = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    const assembled = assembleBibliography({ path: bibPath, entries: bib.entries, zotero: bib.zotero }, attached, loaded);
    const { references, issues } = assembled;
    const sources = [...assembled.sources, ...unreadableSources({ path: bibPath, entries: bib.entries, issues: bib.issues })];
    for (const message of issues) out.issues.push({ uri, message });
    for (const r of references) {
      if (keys.has(r.key)) {
        out.issues.push({ uri, message: `Bibliography ${label(uri)}: the key “${r.key}” is already used by another reference; the first is used.` });
        continue;
      }
      keys.add(r.key);
      out.references.push(r);
    }
    for (const s of sources) {
      if (keys.has(s.key)) {
        // An entry without text under a loaded reference's key would otherwise vanish without a word.
        const holder = loaded.find((r) => r.key === s.key);
        if (!s.unreadable) out.issues.push({ uri, message: `Bibliography ${label(uri)}: the entry “${s.key}” has the key of ${holder ? `the reference “${holder.path}”` : 'another reference'}; that one is used, and this entry is not.` });
        continue;
      }
      keys.add(s.key);
      out.sources.push(s);
    }
  }
  return out;
}

async function readAttachment(
  uri: vscode.Uri,
  meta: ReturnType<typeof entryReferenceMeta>,
  label: (u: vscode.Uri) => string,
  readPaged?: (bytes: Uint8Array, path: string) => Promise<Reference>,
): Promise<Reference | string> {
  const shown = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  if (!vscode.workspace.getWorkspaceFolder(uri)) {
    return `its attached file “${shown}” is outside the workspace, so it is not read; copy it into the workspace (or add its folder to the workspace).`;
  }
  try {
    const format = referenceFormatOf(uri.path);
    // A saved page or PDF (what Zotero usually attaches) is read in the reference reader thread.
    if ((format === 'html' || format === 'pdf') && readPaged) {
      return asEntryReference(await readPaged(await readBytes(uri, `Attached file ${label(uri)}`, maxReferenceBytes(uri.path)), shown), meta);
    }
    return loadReference(attachmentText(await readBytes(uri, `Attached file ${label(uri)}`, MAX_ATTACHMENT_BYTES), label(uri)), meta);
  } catch (e) {
    if (e instanceof InputError && e.code === 'not-found') return `its attached file “${shown}” does not exist.`;
    return e instanceof Error ? e.message : String(e);
  }
}

async function readBytes(uri: vscode.Uri, name: string, max: number): Promise<Uint8Array> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) throw new InputError('directory', `${name} is a folder, not a file.`);
    if (stat.size > max) throw new InputError('too-large', `${name} is ${(stat.size / 1048576).toFixed(1)} MB; files up to ${max / 1048576} MB are read.`);
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') throw new InputError('not-found', `${name} does not exist.`);
    throw new InputError('unreadable', `${name} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

async function readText(uri: vscode.Uri, name: string, max: number): Promise<string> {
  return decodeText(await readBytes(uri, name, max), name);
}

/** The bibliographies a draft's `bibliography:` names, resolved against the draft's folder (none for an unsaved draft with relative paths). */
export function declaredBibliographies(draft: vscode.Uri, paths: string[]): vscode.Uri[] {
  return paths.flatMap((p) => (isAbsolutePath(p) ? [vscode.Uri.file(p)] : draft.scheme === 'untitled' ? [] : [vscode.Uri.joinPath(draft, '..', p)]));
}
