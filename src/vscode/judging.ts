// Judges open drafts as they change and publishes diagnostics. Work is debounced while typing,
// reuses unchanged blocks (DraftChecker), and runs in slices of at most SLICE_MS so the extension
// host never stalls; a newer edit abandons a check in progress.
import * as vscode from 'vscode';
import { checkInSlices, dialectOf, draftBibliographies, DraftChecker, LineIndex, type CheckResult } from '../core';
import { diagnosticSpecs, shownResult, SOURCE, type DiagnosticSpec } from './present/diagnostics';
import { citesAnything, judgedPart } from './present/scope';
import { readSettings, type Settings } from './settings';
import type { ReferenceStore } from './references';
import { JudgeWorker } from './workerClient';

const SLICE_MS = 20;

export interface DocumentState {
  version: number;
  /** The text that was judged (a prefix of the document when it is over the size limit). */
  text: string;
  result: CheckResult;
  specs: DiagnosticSpec[];
  truncated: boolean;
}

export interface JudgeStats {
  /** Longest uninterrupted stretch of judging on the extension host, in ms. */
  longestSliceMs: number;
  checks: number;
  lastCheckMs: number;
  /** What the longest stretch was doing. */
  longestWhere?: string;
}

interface Pending {
  version: number;
  cancelled: boolean;
}

export class DraftJudge implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sourcecheck');
  private readonly checkers = new Map<string, DraftChecker>();
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Map<string, Pending>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly noticed = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidJudge = this.changed.event;
  readonly stats: JudgeStats = { longestSliceMs: 0, checks: 0, lastCheckMs: 0 };
  private readonly settingsCache = new Map<string, Settings>();
  /** Started for the first draft to judge, not during activation. */
  private worker?: JudgeWorker;

  constructor(
    private readonly store: ReferenceStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly extensionUri: vscode.Uri,
    private readonly workerScript?: string,
  ) {
    // A big bibliography takes about a second to parse: off the extension host, like judging (the
    // thread starts when the first bibliography or draft needs it).
    if (workerScript) store.bibliographyParser = (text, path) => {
      const worker = this.judgeWorker();
      return worker ? worker.parseBibliography(text, path) : Promise.reject(new Error('the judging thread is not available'));
    };
  }

  /** The judging thread, started on first use with the references loaded by then. */
  private judgeWorker(): JudgeWorker | undefined {
    if (!this.worker && this.workerScript) {
      this.worker = new JudgeWorker(this.workerScript, (m) => this.log.warn(`${m}; judging continues on the extension host in small slices.`));
      this.worker.setReferenceSets(this.store.allSets());
    }
    return this.worker;
  }

  /** Where drafts are judged: 'worker' (a separate thread) or 'host' (in slices on the extension host). */
  get mode(): 'worker' | 'host' {
    return this.workerScript && !this.worker?.broken ? 'worker' : 'host';
  }

  /** The settings that apply to a document (read per document: they are resource-scoped). */
  settingsOf(doc: { uri: vscode.Uri }): Settings {
    const key = doc.uri.toString();
    let s = this.settingsCache.get(key);
    if (!s) {
      s = readSettings(doc.uri);
      this.settingsCache.set(key, s);
    }
    return s;
  }

  /** Forgets the settings read so far; call when the configuration changes. */
  settingsChanged(): void {
    this.settingsCache.clear();
  }

  isDraft(doc: vscode.TextDocument): boolean {
    const settings = this.settingsOf(doc);
    if (!settings.enable) return false;
    if (!settings.languages.includes(doc.languageId)) return false;
    if (['output', 'git', 'vscode-scm', 'debug', 'vscode-settings'].includes(doc.uri.scheme)) return false;
    return !this.store.isReferenceDocument(doc.uri);
  }

  stateOf(doc: vscode.TextDocument): DocumentState | undefined {
    const s = this.states.get(doc.uri.toString());
    return s && s.version === doc.version ? s : undefined;
  }

  /** Whatever state is known for the document, even if it lags behind the latest edit. */
  lastState(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  allStates(): [vscode.Uri, DocumentState][] {
    return vscode.workspace.textDocuments.filter((d) => this.states.has(d.uri.toString())).map((d) => [d.uri, this.states.get(d.uri.toString())!]);
  }

  /** Schedules a check after the typing pause the settings give (0 = now). */
  schedule(doc: vscode.TextDocument, delay = this.settingsOf(doc).debounceMs): void {
    const key = doc.uri.toString();
    if (!this.isDraft(doc)) {
      this.forget(doc.uri);
      return;
    }
    const p = this.pending.get(key);
    if (p) p.cancelled = true;
    this.cancelTimer(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(doc);
      }, delay),
    );
  }

  /** Judges now and resolves when the document's current version has diagnostics. */
  async judgeNow(doc: vscode.TextDocument): Promise<DocumentState | undefined> {
    if (!this.isDraft(doc)) return undefined;
    const done = this.stateOf(doc);
    if (done) return done;
    this.cancelTimer(doc.uri.toString());
    await this.run(doc);
    return this.stateOf(doc);
  }

  /** Resolves once the document has a judged state for its current version. */
  whenJudged(doc: vscode.TextDocument): Promise<DocumentState | undefined> {
    const ready = this.stateOf(doc);
    if (ready || !this.isDraft(doc)) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const key = doc.uri.toString();
      const list = this.waiters.get(key) ?? [];
      list.push(() => resolve(this.stateOf(doc)));
      this.waiters.set(key, list);
    });
  }

  rejudgeAll(): void {
    // Each draft's folder has its own set; the thread is sent only the references it lacks.
    for (const [key, c] of this.checkers) {
      const uri = vscode.Uri.parse(key);
      c.setReferences(this.store.referencesFor(uri), this.store.sourcesFor(uri));
    }
    this.worker?.setReferenceSets(this.store.allSets());
    for (const doc of vscode.workspace.textDocuments) {
      this.states.delete(doc.uri.toString());
      this.schedule(doc, 0);
    }
  }

  /** Drops every draft's checker (and its cache); the next check of each builds a new one. */
  dropCheckers(): void {
    // The worker holds a checker for every open draft it has judged; the host only for its fallback ones.
    for (const doc of vscode.workspace.textDocuments) this.worker?.forget(doc.uri.toString());
    this.checkers.clear();
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    // A closed draft's own bibliographies are no longer needed (a no-op for a draft that named none).
    void this.store.useDraftBibliographies(uri, []);
    this.diagnostics.delete(uri);
    this.settingsCache.delete(key);
    this.checkers.delete(key);
    this.worker?.forget(key);
    this.states.delete(key);
    const p = this.pending.get(key);
    if (p) p.cancelled = true;
    this.pending.delete(key);
    this.cancelTimer(key);
    this.changed.fire(uri);
  }

  private cancelTimer(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  private async run(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const previous = this.pending.get(key);
    if (previous) previous.cancelled = true;
    const mine: Pending = { version: doc.version, cancelled: false };
    this.pending.set(key, mine);
    // The draft's own `bibliography:` (a reload re-judges every draft when it names new ones).
    if (vscode.workspace.isTrusted) await this.store.useDraftBibliographies(doc.uri, draftBibliographies(doc.getText()));
    if (mine.cancelled || doc.isClosed) return;
    await this.store.ready();
    if (mine.cancelled || doc.isClosed) return;
    const started = performance.now();
    const settings = this.settingsOf(doc);
    const full = doc.getText();
    const { text, truncated } = judgedPart(full, settings.maxDraftChars);
    if (!settings.checkUncitedDrafts && !citesAnything(text, this.store.referencesFor(doc.uri))) {
      this.publish(doc, { version: mine.version, text, result: { verdicts: [], problems: [] }, specs: [], truncated });
      return;
    }
    let result: CheckResult | undefined;
    const worker = this.judgeWorker();
    if (worker && !worker.broken) {
      // The set was sent when the references loaded (rejudgeAll); the draft's folder names it.
      const set = this.store.setIdOf(doc.uri);
      if (!worker.knowsSet(set)) worker.setReferenceSets(this.store.allSets());
      const outcome = await worker.check(key, mine.version, text, settings.judgeUncited, dialectOf(doc.languageId), set);
      if (outcome.kind === 'cancelled') return;
      if (outcome.kind === 'result') result = outcome.result;
      else this.log.warn(`Judging ${doc.uri.toString()} in the worker failed (${outcome.message}); judging it here instead.`);
    }
    if (!result) {
      if (mine.cancelled || doc.isClosed || doc.version !== mine.version) return;
      result = await this.checkOnHost(doc, key, text, mine, settings.judgeUncited);
      if (!result) return;
    }
    if (mine.cancelled || doc.isClosed) return;
    const publishStart = performance.now();
    const severities = { ...settings.severities, checks: settings.checks };
    // Every view (hover, status bar, report, fix all) reads the published result: leave out what no diagnostic shows.
    result = shownResult(result, severities, settings.minConfidence);
    const specs = diagnosticSpecs(text, result, severities, undefined, settings.minConfidence);
    // A key may be unknown because its bibliography could not be read: say so where it is cited.
    const trouble = this.store.bibliographyTrouble(doc.uri);
    if (trouble.length) for (const s of specs) if (s.code === 'unknown-key') s.message += ` (${trouble.join(' ')})`;
    const specsMs = performance.now() - publishStart;
    this.stats.checks++;
    this.stats.lastCheckMs = performance.now() - started;
    const { setMs, listenersMs } = this.publish(doc, { version: mine.version, text, result, specs, truncated });
    const publishMs = performance.now() - publishStart;
    if (publishMs > this.stats.longestSliceMs) {
      this.stats.longestWhere = `publishing ${specs.length} diagnostics of ${doc.uri.path.split('/').pop()} (specs ${specsMs.toFixed(1)} ms, set ${setMs.toFixed(1)} ms, listeners ${listenersMs.toFixed(1)} ms)`;
    }
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, publishMs);
    if (truncated && !this.noticed.has(key)) {
      this.noticed.add(key);
      const msg = `Source Check judged the first ${text.length.toLocaleString('en')} of ${full.length.toLocaleString('en')} characters of ${vscode.workspace.asRelativePath(doc.uri)} (setting sourcecheck.maxDraftChars).`;
      this.log.warn(msg);
      void vscode.window.showInformationMessage(msg);
    }
  }

  /** Judges on the extension host itself, in slices of at most SLICE_MS with a yield between them. */
  private async checkOnHost(doc: vscode.TextDocument, key: string, text: string, mine: Pending, judgeUncited: boolean): Promise<CheckResult | undefined> {
    let checker = this.checkers.get(key);
    if (!checker) {
      checker = new DraftChecker(this.store.referencesFor(doc.uri), { judgeUncited, knownSources: this.store.sourcesFor(doc.uri) });
      this.checkers.set(key, checker);
    }
    try {
      const stale = () => mine.cancelled || doc.isClosed || doc.version !== mine.version;
      return await checkInSlices(
        checker,
        text,
        SLICE_MS,
        stale,
        (ms) => {
          if (ms > this.stats.longestSliceMs) this.stats.longestWhere = 'judging on the host';
          this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
        },
        dialectOf(doc.languageId),
      );
    } catch (e) {
      // The engine is meant never to throw; if it does, say so and keep the editor usable.
      this.log.error(`Checking ${doc.uri.toString()} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.checkers.delete(key);
      return undefined;
    }
  }

  /** Shows a state; returns how long handing the diagnostics to VS Code and notifying listeners took. */
  private publish(doc: vscode.TextDocument, state: DocumentState): { setMs: number; listenersMs: number } {
    const key = doc.uri.toString();
    if (this.pending.get(key)?.version === state.version) this.pending.delete(key);
    this.states.set(key, state);
    const t0 = performance.now();
    this.diagnostics.set(doc.uri, state.specs.map((s) => this.toDiagnostic(s, doc.uri)));
    const t1 = performance.now();
    this.changed.fire(doc.uri);
    const t2 = performance.now();
    const list = this.waiters.get(key);
    if (list && doc.version === state.version) {
      this.waiters.delete(key);
      for (const w of list) w();
    }
    return { setMs: t1 - t0, listenersMs: t2 - t1 };
  }

  /** `draft`: the draft's URI, whose folder's references the related links open. */
  private toDiagnostic(spec: DiagnosticSpec, draft: vscode.Uri): vscode.Diagnostic {
    const range = new vscode.Range(spec.range.start.line, spec.range.start.character, spec.range.end.line, spec.range.end.character);
    const d = new vscode.Diagnostic(range, spec.message, SEVERITY[spec.severity]);
    d.source = SOURCE;
    d.code = { value: spec.code, target: vscode.Uri.joinPath(this.extensionUri, 'README.md').with({ fragment: spec.code }) };
    d.relatedInformation = spec.related.flatMap((r) => {
      const uri = this.store.uriOf(r.reference, draft);
      const ref = this.store.byKey(r.reference, draft);
      if (!uri || !ref) return [];
      return [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, rangeIn(ref.text, r.span)), r.message)];
    });
    if (spec.code === 'uncited') d.tags = [];
    return d;
  }

  dispose(): void {
    this.worker?.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

const SEVERITY: Record<DiagnosticSpec['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const referenceLines = new Map<string, LineIndex>();

/** Range of `span` in a reference's text, for links and locations. */
export function rangeIn(text: string, span: { start: number; end: number }): vscode.Range {
  // References are few and long-lived; their line tables are built once.
  let lines = referenceLines.get(text);
  if (!lines) {
    if (referenceLines.size > 50) referenceLines.clear();
    lines = new LineIndex(text);
    referenceLines.set(text, lines);
  }
  const r = lines.range(span);
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export interface JudgingDeps {
  judge: DraftJudge;
  store: ReferenceStore;
}

/** Judges drafts as they open, change and close, and again when references or settings change. */
export function registerJudging({ judge, store }: JudgingDeps): vscode.Disposable[] {
  return [
    store.onDidChange(() => judge.rejudgeAll()),
    // Each folder has its own references: a folder added or removed changes the sets.
    vscode.workspace.onDidChangeWorkspaceFolders(() => void store.load()),
    vscode.workspace.onDidOpenTextDocument((doc) => judge.schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) judge.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => judge.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('sourcecheck')) return;
      judge.settingsChanged();
      // Checkers hold the judging options they were made with: start afresh when those change.
      if (e.affectsConfiguration('sourcecheck.judgeUncitedStatements')) judge.dropCheckers();
      // A reload of the references re-judges every draft when it is done.
      if (e.affectsConfiguration('sourcecheck.references') || e.affectsConfiguration('sourcecheck.bibliographies')) void store.load();
      else judge.rejudgeAll();
      if (e.affectsConfiguration('sourcecheck.enable') || e.affectsConfiguration('sourcecheck.languages')) {
        for (const doc of vscode.workspace.textDocuments) if (!judge.isDraft(doc)) judge.forget(doc.uri);
      }
    }),
  ];
}
