// The references drafts are judged against: the built-in article(s) plus the workspace files the
// `sourcecheck.references` setting names. Watched, so an edited, renamed or deleted reference
// re-judges open drafts; every file that cannot be used is reported once, never thrown.
import * as vscode from 'vscode';
import { InputError, maxReferenceBytes, type Reference, type SourceEntry } from '../core';
import { declaredBibliographies, loadBibliographyFiles, type BibliographyParser, type EntryHome } from './bibliographies';
import { builtinReferences } from '../builtin';
import { referenceDocumentName } from './present/format';
import { ReferenceReader } from './referenceReader';
import { readSettings } from './settings';

/** URI scheme of the read-only documents that show a built-in reference. */
export const REFERENCE_SCHEME = 'sourcecheck-ref';

export interface ReferenceIssue {
  uri?: vscode.Uri;
  message: string;
}

export class ReferenceStore implements vscode.Disposable {
  private refs: Reference[] = [];
  /** Bibliography entries with no text (known keys), and where each entry is written. */
  private known: SourceEntry[] = [];
  private homes = new Map<string, EntryHome>();
  /** The bibliographies each open draft's `bibliography:` names, by draft URI. */
  private declared = new Map<string, vscode.Uri[]>();
  /** Bibliographies that could not be read, by URI, with why; and the ones the setting names. */
  private unreadable = new Map<string, string>();
  private fromSettings: vscode.Uri[] = [];
  /** Where bibliographies are parsed: the judging thread once the judge provides it, else here. */
  bibliographyParser?: BibliographyParser;
  private uris = new Map<string, vscode.Uri>();
  /** The built-in references, read on first use (not during activation). */
  private builtinRefs?: Reference[];
  private watchers: vscode.Disposable[] = [];
  private reloadTimer?: ReturnType<typeof setTimeout>;
  private loading?: Promise<void>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  issues: ReferenceIssue[] = [];
  /** Parses reference files in a separate thread, once per content. */
  readonly reader: ReferenceReader;

  /** `readerScript`: dist/reader.js, the thread that parses files; without it only Markdown and text files are read. */
  constructor(
    private readonly mediaDir: string,
    private readonly log: vscode.LogOutputChannel,
    readerScript?: string,
  ) {
    this.reader = new ReferenceReader(readerScript, (m) => this.log.warn(m));
  }

  private get builtin(): Reference[] {
    if (!this.builtinRefs) {
      this.builtinRefs = builtinReferences(this.mediaDir);
      // Until the first load has finished, the built-in references are all there is.
      if (!this.refs.length) {
        this.refs = [...this.builtinRefs];
        for (const r of this.builtinRefs) this.uris.set(r.key, referenceUri(r));
      }
    }
    return this.builtinRefs;
  }

  get all(): Reference[] {
    if (!this.builtinRefs) void this.builtin;
    return this.refs;
  }

  /** Sources the bibliographies know by key but whose text is not at hand. */
  get sources(): SourceEntry[] {
    return this.known;
  }

  sourceOf(key: string): SourceEntry | undefined {
    return this.known.find((s) => s.key === key);
  }

  /**
   * Why the bibliographies a draft relies on (the setting's and its own `bibliography:`) could not be
   * read, if any could not: the unknown keys of that draft say so.
   */
  bibliographyTrouble(draft: vscode.Uri): string[] {
    const mine = [...this.fromSettings, ...(this.declared.get(draft.toString()) ?? [])];
    return [...new Set(mine.map((u) => this.unreadable.get(u.toString())).filter((m): m is string => !!m))];
  }

  /** The bibliography an entry is written in (for "Attach a file…"). */
  homeOf(key: string): EntryHome | undefined {
    return this.homes.get(key);
  }

  /**
   * Makes the bibliographies a draft's `bibliography:` names (`paths`, as written) part of the loaded
   * ones; reloads (and so re-judges every draft) only when they change. Loaded ones serve every draft.
   */
  async useDraftBibliographies(draft: vscode.Uri, paths: string[]): Promise<void> {
    const uris = declaredBibliographies(draft, paths);
    const before = this.declared.get(draft.toString()) ?? [];
    if (before.length === uris.length && before.every((u, i) => u.toString() === uris[i].toString())) return;
    if (uris.length) this.declared.set(draft.toString(), uris);
    else this.declared.delete(draft.toString());
    await this.load();
  }

  byKey(key: string): Reference | undefined {
    return this.all.find((r) => r.key === key);
  }

  /** The read-only document that shows a reference, built-in or file, with its text exactly as judged. */
  uriOf(key: string): vscode.Uri | undefined {
    const ref = this.byKey(key);
    return ref ? referenceUri(ref, this.fileOf(key)) : undefined;
  }

  /** The workspace file a reference was read from; undefined for a built-in one. */
  fileOf(key: string): vscode.Uri | undefined {
    const uri = this.uris.get(key);
    return uri && uri.scheme !== REFERENCE_SCHEME ? uri : undefined;
  }

  isReferenceDocument(uri: vscode.Uri): boolean {
    if (uri.scheme === REFERENCE_SCHEME) return true;
    const s = uri.toString();
    for (const u of this.uris.values()) if (u.toString() === s) return true;
    return false;
  }

  /**
   * `load`, begun after the current task so that activation returns first; `ready()` waits for it
   * from the moment this is called.
   */
  loadSoon(): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.loadNow())
      .catch((e) => this.log.error(`Loading the references failed: ${e instanceof Error ? e.message : String(e)}`));
    this.loading = run;
  }

  /** Reads the references the settings name and starts watching them. */
  async load(): Promise<void> {
    const run = this.loadNow();
    this.loading = run;
    await run;
  }

  /** Resolves once any reload in progress has finished. */
  async ready(): Promise<void> {
    while (this.loading) {
      const l = this.loading;
      await l;
      if (this.loading === l) break;
    }
  }

  private async loadNow(): Promise<void> {
    // Resource-scoped: each workspace folder's own setting, resolved in that folder.
    const folders = vscode.workspace.workspaceFolders ?? [];
    const perFolder: FolderPatterns[] = folders.length ? folders.map((folder) => ({ folder, patterns: readSettings(folder.uri).references })) : [{ patterns: readSettings().references }];
    const patterns = perFolder.flatMap((f) => f.patterns);
    const trusted = vscode.workspace.isTrusted;
    const refs = [...this.builtin];
    const uris = new Map<string, vscode.Uri>(this.builtin.map((r) => [r.key, referenceUri(r)]));
    const issues: ReferenceIssue[] = [];
    this.disposeWatchers();
    if (patterns.length && !trusted) {
      issues.push({ message: 'This workspace is not trusted: reference files from settings are not read; only the built-in reference is used.' });
    }
    const seen = new Set<string>();
    const bibPerFolder: FolderPatterns[] = folders.length ? folders.map((folder) => ({ folder, patterns: readSettings(folder.uri).bibliographies })) : [{ patterns: readSettings().bibliographies }];
    const bibFromSettings = trusted ? await this.resolve(bibPerFolder, issues, 'bibliographies') : [];
    for (const uri of trusted ? await this.resolve(perFolder, issues) : []) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      try {
        const ref = await readReference(uri, this.reader, this.log);
        const clash = uris.get(ref.key);
        if (clash) {
          issues.push({ uri, message: `Two references use the key “${ref.key}”: ${label(clash)} and ${label(uri)}. Using ${label(clash)}; give ${label(uri)} its own \`key:\` in its front matter.` });
          continue;
        }
        refs.push(ref);
        uris.set(ref.key, uri);
      } catch (e) {
        issues.push({ uri, message: e instanceof InputError ? e.message : `Reference ${label(uri)} cannot be read: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    // Bibliographies: the setting's, then the open drafts' own; their entries come after the files.
    const bibUris = [...new Map([...bibFromSettings, ...[...this.declared.values()].flat()].map((u) => [u.toString(), u])).values()];
    const bib = trusted && bibUris.length ? await loadBibliographyFiles(bibUris, refs, label, this.bibliographyParser, async (bytes, path) => (await this.reader.read(bytes, path)).reference) : undefined;
    if (bib) {
      for (const r of bib.references) {
        refs.push(r);
        uris.set(r.key, /^[a-z][\w+.-]+:\/\//i.test(r.path) ? vscode.Uri.parse(r.path) : vscode.Uri.file(r.path));
      }
      issues.push(...bib.issues);
    }
    this.known = bib?.sources ?? [];
    this.unreadable = bib?.unreadable ?? new Map();
    this.fromSettings = bibFromSettings;
    this.homes = bib?.homes ?? new Map();
    this.refs = refs;
    this.uris = uris;
    const fresh = issues.filter((i) => !this.issues.some((o) => o.message === i.message));
    this.issues = issues;
    for (const i of issues) this.log.warn(i.message);
    this.log.info(`References: ${refs.map((r) => `${r.key} (${r.paragraphs.length} ¶)`).join(', ')}`);
    if (fresh.length) {
      void vscode.window.showWarningMessage(fresh.length === 1 ? fresh[0].message : `${fresh.length} reference files could not be used; see the Source Check output.`);
    }
    if (trusted) {
      this.watch(perFolder);
      this.watch(bibPerFolder);
      this.watchFiles(bib?.files ?? []);
    }
    this.loading = undefined;
    this.changed.fire();
  }

  private async resolve(perFolder: FolderPatterns[], issues: ReferenceIssue[], setting: 'references' | 'bibliographies' = 'references'): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    const missing = new Set<string>();
    const matchedSomewhere = new Set<string>();
    for (const { folder, patterns } of perFolder) {
      for (const pattern of patterns) {
        if (isAbsolute(pattern)) {
          found.push(vscode.Uri.file(pattern));
          continue;
        }
        const glob = /[*?[{]/.test(pattern);
        let matched = false;
        if (folder && !glob) {
          // A plain path: report it if missing rather than silently matching nothing.
          const uri = vscode.Uri.joinPath(folder.uri, pattern);
          try {
            await vscode.workspace.fs.stat(uri);
            found.push(uri);
            matched = true;
          } catch {
            /* reported below */
          }
        } else if (folder) {
          const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), null, 500);
          uris.sort((x, y) => x.toString().localeCompare(y.toString()));
          found.push(...uris);
          matched = uris.length > 0;
        }
        if (matched) matchedSomewhere.add(pattern);
        else if (!glob) missing.add(pattern);
      }
    }
    // A workspace-wide setting is every folder's: a plain path is missing only when no folder has it.
    for (const pattern of missing) {
      if (!matchedSomewhere.has(pattern)) issues.push({ message: `${setting === 'references' ? 'Reference file' : 'Bibliography'} “${pattern}” (from the sourcecheck.${setting} setting) does not exist in the workspace.` });
    }
    return found;
  }

  private watch(perFolder: FolderPatterns[]): void {
    for (const { folder, patterns } of perFolder) {
      if (!folder) continue;
      for (const pattern of patterns) {
        if (isAbsolute(pattern)) continue;
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        const again = (uri: vscode.Uri) => {
          this.log.info(`Reference changed: ${label(uri)}`);
          this.scheduleReload();
        };
        w.onDidChange(again);
        w.onDidCreate(again);
        w.onDidDelete(again);
        this.watchers.push(w);
      }
    }
  }

  /** Watches single files (bibliographies and their attached files) inside the workspace. */
  private watchFiles(files: vscode.Uri[]): void {
    for (const uri of files) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) continue;
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, vscode.workspace.asRelativePath(uri, false)));
      const again = () => {
        this.log.info(`Bibliography or attached file changed: ${label(uri)}`);
        this.scheduleReload();
      };
      w.onDidChange(again);
      w.onDidCreate(again);
      w.onDidDelete(again);
      this.watchers.push(w);
    }
  }

  /** Coalesces a burst of file events (a save, a rename) into one reload. */
  scheduleReload(delay = 150): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.loading ??= new Promise<void>((resolve) => {
      this.resolveScheduled = resolve;
    });
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      const done = this.resolveScheduled;
      this.resolveScheduled = undefined;
      void this.loadNow().finally(() => done?.());
    }, delay);
  }

  private resolveScheduled?: () => void;

  /** Reference text for the read-only document of a reference. */
  textOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== REFERENCE_SCHEME) return undefined;
    const key = decodeURIComponent(uri.path.split('/')[1] ?? '');
    return this.all.find((r) => r.key === key)?.text;
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.reader.dispose();
    this.disposeWatchers();
    this.changed.dispose();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }
}

/** The reference patterns one workspace folder's settings name (no folder: an empty window's). */
interface FolderPatterns {
  folder?: vscode.WorkspaceFolder;
  patterns: string[];
}

/** The read-only document of a reference: `/<key>/<name>`, named after its file or, built in, its title (never a file that does not exist). */
export function referenceUri(ref: { key: string; title: string }, file?: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: REFERENCE_SCHEME, path: `/${encodeURIComponent(ref.key)}/${referenceDocumentName(ref, file?.path)}` });
}

async function readReference(uri: vscode.Uri, reader: ReferenceReader, log: vscode.LogOutputChannel): Promise<Reference> {
  const name = `Reference ${label(uri)}`;
  const path = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  const max = maxReferenceBytes(path);
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) throw new InputError('directory', `${name} is a folder, not a file.`);
    if (stat.size > max) throw new InputError('too-large', `${name} is ${(stat.size / 1048576).toFixed(1)} MB; references of this kind up to ${max / 1048576} MB are read.`);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') throw new InputError('not-found', `${name} does not exist.`);
    throw new InputError('unreadable', `${name} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!bytes.length) throw new InputError('empty-reference', `${name} is empty.`);
  // Parsed off this thread (saved pages and PDFs can take seconds), and only when the bytes changed.
  const { reference, notices } = await reader.read(bytes, path);
  for (const n of notices) log.warn(n);
  return reference;
}

export function label(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

export interface ReferenceDocumentDeps {
  store: ReferenceStore;
}

/** The read-only documents that show references, kept up to date; references reload when the workspace is trusted. */
export function registerReferenceDocuments({ store }: ReferenceDocumentDeps): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  return [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(REFERENCE_SCHEME, { onDidChange: changed.event, provideTextDocumentContent: (uri) => store.textOf(uri) ?? `No reference is loaded for ${uri.path}.` }),
    vscode.languages.registerInlayHintsProvider({ scheme: REFERENCE_SCHEME }, { provideInlayHints: (doc, range) => paragraphHints(store, doc, range) }),
    store.onDidChange(() => {
      for (const r of store.all) changed.fire(store.uriOf(r.key)!);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void store.load()),
  ];
}

/**
 * `¶n` (and `p. k` for a PDF) before each paragraph of a reference's read-only view, so the numbers a
 * citation gives can be found; hints, not text, so the view's offsets stay those of the judged text.
 */
export function paragraphHints(store: ReferenceStore, doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
  const key = decodeURIComponent(doc.uri.path.split('/')[1] ?? '');
  const ref = store.byKey(key);
  if (!ref || doc.getText() !== ref.text) return [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  return ref.paragraphs
    .filter((p) => p.start >= from && p.start <= to)
    .map((p) => {
      const hint = new vscode.InlayHint(doc.positionAt(p.start), `¶${p.number}${p.page ? ` · p. ${p.page}` : ''}`, vscode.InlayHintKind.Type);
      hint.paddingRight = true;
      return hint;
    });
}
