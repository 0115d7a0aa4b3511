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

/**
 * One reference set: what the drafts of one workspace folder (or, with `WINDOW_SET`, the drafts
 * outside every folder) are judged against.
 */
interface RefSet {
  /** The set's id: the folder's URI as a string, or `WINDOW_SET`. */
  id: string;
  refs: Reference[];
  uris: Map<string, vscode.Uri>;
  /** Bibliography entries with no text (known keys), and where each entry is written. */
  known: SourceEntry[];
  homes: Map<string, EntryHome>;
  /** Bibliographies that could not be read, by URI, with why; and the ones the set's settings name. */
  unreadable: Map<string, string>;
  fromSettings: vscode.Uri[];
}

/** Id of the set for drafts outside every workspace folder (an empty window, an untitled draft). */
export const WINDOW_SET = '';

export class ReferenceStore implements vscode.Disposable {
  /**
   * The reference sets by id (folder URI, or WINDOW_SET). In a one-folder window the window set is the
   * folder's set (the same object): its settings are the folder's.
   */
  private sets = new Map<string, RefSet>();
  /** The bibliographies each open draft's `bibliography:` names, by draft URI. */
  private declared = new Map<string, vscode.Uri[]>();
  /** Where bibliographies are parsed: the judging thread once the judge provides it, else here. */
  bibliographyParser?: BibliographyParser;
  /** The built-in references, read on first use (not during activation). */
  private builtinRefs?: Reference[];
  /** Until the first load has finished, the built-in references are all there is. */
  private initialSet?: RefSet;
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
    this.builtinRefs ??= builtinReferences(this.mediaDir);
    return this.builtinRefs;
  }

  /**
   * The id of the set a document is judged against: its workspace folder's URI, or WINDOW_SET for a
   * document outside every folder. A reference document (`sourcecheck-ref:`) names its set in its query.
   */
  setIdOf(resource?: vscode.Uri): string {
    return this.setOf(resource).id;
  }

  private setOf(resource?: vscode.Uri): RefSet {
    let id = WINDOW_SET;
    if (resource?.scheme === REFERENCE_SCHEME) id = new URLSearchParams(resource.query).get('set') ?? WINDOW_SET;
    else if (resource) id = vscode.workspace.getWorkspaceFolder(resource)?.uri.toString() ?? WINDOW_SET;
    const set = this.sets.get(id) ?? this.sets.get(WINDOW_SET);
    if (set) return set;
    this.initialSet ??= { id: WINDOW_SET, refs: [...this.builtin], uris: new Map(this.builtin.map((r) => [r.key, referenceUri(r)])), known: [], homes: new Map(), unreadable: new Map(), fromSettings: [] };
    return this.initialSet;
  }

  /** Every distinct reference set by id (a set serving two ids, as in a one-folder window, is listed once under its own id). */
  allSets(): Map<string, { references: Reference[]; sources: SourceEntry[] }> {
    const out = new Map<string, { references: Reference[]; sources: SourceEntry[] }>();
    const sets = this.sets.size ? [...this.sets.values()] : [this.setOf()];
    for (const s of sets) if (!out.has(s.id)) out.set(s.id, { references: s.refs, sources: s.known });
    return out;
  }

  /** The references of drafts outside every folder (in a one-folder window: that folder's). */
  get all(): Reference[] {
    return this.setOf().refs;
  }

  /** The references a document is judged against: its folder's (see setIdOf). */
  referencesFor(resource?: vscode.Uri): Reference[] {
    return this.setOf(resource).refs;
  }

  /** Sources a document's bibliographies know by key but whose text is not at hand. */
  sourcesFor(resource?: vscode.Uri): SourceEntry[] {
    return this.setOf(resource).known;
  }

  /** `sourcesFor()`: the window set's. */
  get sources(): SourceEntry[] {
    return this.setOf().known;
  }

  sourceOf(key: string, resource?: vscode.Uri): SourceEntry | undefined {
    return this.setOf(resource).known.find((s) => s.key === key);
  }

  /**
   * Why the bibliographies a draft relies on (its folder's setting's and its own `bibliography:`) could
   * not be read, if any could not: the unknown keys of that draft say so.
   */
  bibliographyTrouble(draft: vscode.Uri): string[] {
    const set = this.setOf(draft);
    const mine = [...set.fromSettings, ...(this.declared.get(draft.toString()) ?? [])];
    return [...new Set(mine.map((u) => set.unreadable.get(u.toString())).filter((m): m is string => !!m))];
  }

  /** The bibliography an entry is written in (for "Attach a file…"), in the set of `resource`. */
  homeOf(key: string, resource?: vscode.Uri): EntryHome | undefined {
    return this.setOf(resource).homes.get(key);
  }

  /**
   * Makes the bibliographies a draft's `bibliography:` names (`paths`, as written) part of the loaded
   * ones of its folder's set; reloads (and so re-judges every draft) only when they change.
   */
  async useDraftBibliographies(draft: vscode.Uri, paths: string[]): Promise<void> {
    const uris = declaredBibliographies(draft, paths);
    const before = this.declared.get(draft.toString()) ?? [];
    if (before.length === uris.length && before.every((u, i) => u.toString() === uris[i].toString())) return;
    if (uris.length) this.declared.set(draft.toString(), uris);
    else this.declared.delete(draft.toString());
    await this.load();
  }

  /** The reference with `key` in the set of `resource` (no resource: the window set). */
  byKey(key: string, resource?: vscode.Uri): Reference | undefined {
    return this.setOf(resource).refs.find((r) => r.key === key);
  }

  /** The read-only document that shows a reference, built-in or file, with its text exactly as judged. */
  uriOf(key: string, resource?: vscode.Uri): vscode.Uri | undefined {
    const set = this.setOf(resource);
    const ref = set.refs.find((r) => r.key === key);
    return ref ? referenceUri(ref, fileIn(set, key), set.id) : undefined;
  }

  /** The workspace file a reference was read from; undefined for a built-in one. */
  fileOf(key: string, resource?: vscode.Uri): vscode.Uri | undefined {
    return fileIn(this.setOf(resource), key);
  }

  isReferenceDocument(uri: vscode.Uri): boolean {
    if (uri.scheme === REFERENCE_SCHEME) return true;
    const s = uri.toString();
    for (const set of this.sets.values()) for (const u of set.uris.values()) if (u.toString() === s) return true;
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
    // Resource-scoped: each workspace folder's own settings, resolved in that folder, make that
    // folder's set; the window's settings make the set of drafts outside every folder.
    const folders = vscode.workspace.workspaceFolders ?? [];
    const specs: SetSpec[] = folders.map((folder) => {
      const s = readSettings(folder.uri);
      return { id: folder.uri.toString(), base: folder, name: folder.name, references: s.references, bibliographies: s.bibliographies, reportMissing: true };
    });
    // One folder: the window's settings are that folder's, so its set serves outside drafts too.
    if (folders.length !== 1) {
      const s = readSettings();
      const file = vscode.workspace.workspaceFile;
      // Relative paths of a workspace file's settings are read beside it (an untitled one: in the first folder).
      const base = file?.scheme === 'file' ? vscode.Uri.joinPath(file, '..') : folders[0];
      specs.push({ id: WINDOW_SET, base, references: s.references, bibliographies: s.bibliographies, reportMissing: !folders.length });
    }
    const trusted = vscode.workspace.isTrusted;
    const issues: ReferenceIssue[] = [];
    this.disposeWatchers();
    if (specs.some((s) => s.references.length) && !trusted) {
      issues.push({ message: 'This workspace is not trusted: reference files from settings are not read; only the built-in reference is used.' });
    }
    // A file named by two folders' settings is read once.
    const reads = new Map<string, Promise<Reference>>();
    const read = (uri: vscode.Uri) => {
      let r = reads.get(uri.toString());
      if (!r) reads.set(uri.toString(), (r = readReference(uri, this.reader, this.log)));
      return r;
    };
    const idOf = (draft: string) => {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(draft));
      return folder ? folder.uri.toString() : folders.length === 1 ? folders[0].uri.toString() : WINDOW_SET;
    };
    const sets = new Map<string, RefSet>();
    const watched: vscode.Uri[] = [];
    for (const spec of specs) {
      const refs = [...this.builtin];
      const uris = new Map<string, vscode.Uri>(this.builtin.map((r) => [r.key, referenceUri(r, undefined, spec.id)]));
      const seen = new Set<string>();
      const bibFromSettings = trusted ? await this.resolve(spec, spec.bibliographies, issues, 'bibliographies') : [];
      for (const uri of trusted ? await this.resolve(spec, spec.references, issues, 'references') : []) {
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        try {
          const ref = await read(uri);
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
      // Bibliographies: the setting's, then those of the open drafts of this set; their entries come after the files.
      const declared = [...this.declared].filter(([draft]) => idOf(draft) === spec.id).flatMap(([, u]) => u);
      const bibUris = [...new Map([...bibFromSettings, ...declared].map((u) => [u.toString(), u])).values()];
      const bib = trusted && bibUris.length ? await loadBibliographyFiles(bibUris, refs, label, this.bibliographyParser, async (bytes, path) => (await this.reader.read(bytes, path)).reference) : undefined;
      if (bib) {
        for (const r of bib.references) {
          refs.push(r);
          uris.set(r.key, /^[a-z][\w+.-]+:\/\//i.test(r.path) ? vscode.Uri.parse(r.path) : vscode.Uri.file(r.path));
        }
        issues.push(...bib.issues);
        watched.push(...bib.files);
      }
      const set: RefSet = { id: spec.id, refs, uris, known: bib?.sources ?? [], homes: bib?.homes ?? new Map(), unreadable: bib?.unreadable ?? new Map(), fromSettings: bibFromSettings };
      sets.set(spec.id, set);
      if (folders.length === 1) sets.set(WINDOW_SET, set);
    }
    this.sets = sets;
    // One message per problem, even when several folders' settings meet it.
    const unique = [...new Map(issues.map((i) => [i.message, i])).values()];
    const fresh = unique.filter((i) => !this.issues.some((o) => o.message === i.message));
    this.issues = unique;
    for (const i of unique) this.log.warn(i.message);
    for (const [id, set] of this.allSets()) {
      const where = specs.length > 1 ? ` (${specs.find((s) => s.id === id)?.name ?? 'drafts outside the folders'})` : '';
      this.log.info(`References${where}: ${set.references.map((r) => `${r.key} (${r.paragraphs.length} ¶)`).join(', ')}`);
    }
    if (fresh.length) {
      void vscode.window.showWarningMessage(fresh.length === 1 ? fresh[0].message : `${fresh.length} reference files could not be used; see the Source Check output.`);
    }
    if (trusted) {
      this.watch(specs);
      this.watchFiles([...new Map(watched.map((u) => [u.toString(), u])).values()]);
    }
    this.loading = undefined;
    this.changed.fire();
  }

  private async resolve(spec: SetSpec, patterns: string[], issues: ReferenceIssue[], setting: 'references' | 'bibliographies'): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    const { base } = spec;
    const baseUri = base && (base instanceof vscode.Uri ? base : base.uri);
    for (const pattern of patterns) {
      if (isAbsolute(pattern)) {
        found.push(vscode.Uri.file(pattern));
        continue;
      }
      const glob = /[*?[{]/.test(pattern);
      let matched = false;
      if (baseUri && !glob) {
        // A plain path: report it if missing rather than silently matching nothing.
        const uri = vscode.Uri.joinPath(baseUri, pattern);
        try {
          await vscode.workspace.fs.stat(uri);
          found.push(uri);
          matched = true;
        } catch {
          /* reported below */
        }
      } else if (base) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base, pattern), null, 500);
        uris.sort((x, y) => x.toString().localeCompare(y.toString()));
        found.push(...uris);
        matched = uris.length > 0;
      }
      // Each folder's setting is that folder's own: a plain path missing there is missing for its drafts.
      if (!matched && !glob && spec.reportMissing) {
        const where = spec.name && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `workspace folder “${spec.name}”` : 'the workspace';
        issues.push({ message: `${setting === 'references' ? 'Reference file' : 'Bibliography'} “${pattern}” (from the sourcecheck.${setting} setting) does not exist in ${where}.` });
      }
    }
    return found;
  }

  private watch(specs: SetSpec[]): void {
    const done = new Set<string>();
    for (const { base, references, bibliographies } of specs) {
      if (!base) continue;
      for (const pattern of [...references, ...bibliographies]) {
        if (isAbsolute(pattern)) continue;
        const id = `${(base instanceof vscode.Uri ? base : base.uri).toString()} ${pattern}`;
        if (done.has(id)) continue;
        done.add(id);
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, pattern));
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
    return this.byKey(key, uri)?.text;
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

/** What one reference set is read from: a folder's settings (or the window's), resolved against `base`. */
interface SetSpec {
  id: string;
  /** Where relative paths and globs are resolved (none: only absolute paths are read). */
  base?: vscode.WorkspaceFolder | vscode.Uri;
  /** The folder's name, for messages. */
  name?: string;
  references: string[];
  bibliographies: string[];
  /** Whether a plain path that is missing is reported (not for a multi-root window's own settings, which serve only drafts outside the folders). */
  reportMissing: boolean;
}

function fileIn(set: RefSet, key: string): vscode.Uri | undefined {
  const uri = set.uris.get(key);
  return uri && uri.scheme !== REFERENCE_SCHEME ? uri : undefined;
}

/**
 * The read-only document of a reference: `/<key>/<name>`, named after its file or, built in, its title
 * (never a file that does not exist); `set` (a folder's URI) goes in the query, since two folders may
 * give the same key different texts.
 */
export function referenceUri(ref: { key: string; title: string }, file?: vscode.Uri, set: string = WINDOW_SET): vscode.Uri {
  return vscode.Uri.from({ scheme: REFERENCE_SCHEME, path: `/${encodeURIComponent(ref.key)}/${referenceDocumentName(ref, file?.path)}`, query: set ? new URLSearchParams({ set }).toString() : '' });
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
      for (const [id, set] of store.allSets()) for (const r of set.references) changed.fire(store.uriOf(r.key, id === WINDOW_SET ? undefined : vscode.Uri.parse(id))!);
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
  const ref = store.byKey(key, doc.uri);
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
