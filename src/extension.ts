// The VS Code extension: wires the engine's results into diagnostics, hovers, quick fixes,
// completion, a status-bar summary and a report. All judging happens in src/core.
const loadedAt = performance.now();
import * as vscode from 'vscode';
import { join } from 'node:path';
import { countFindings } from './vscode/present/report';
import { statusBarView } from './vscode/present/status';
import { DraftJudge, rangeIn, type JudgeStats } from './vscode/judging';
import { applyFix, CitationCompletions, COMMANDS, HoverCards, QuickFixes, safeEdits, type FixArgs } from './vscode/providers';
import { label, REFERENCE_SCHEME, ReferenceStore } from './vscode/references';
import { ReportPanel } from './vscode/report';
import { readSettings } from './vscode/settings';
import type { Span } from './core';

/** What the extension hands to other extensions and to its own integration tests. */
export interface SourceCheckApi {
  store: ReferenceStore;
  judge: DraftJudge;
  report: ReportPanel;
  stats: JudgeStats;
  /** Time from loading the bundle to the end of activate(), in ms. */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<SourceCheckApi> {
  const log = vscode.window.createOutputChannel('Source Check', { log: true });
  const store = new ReferenceStore(join(context.extensionPath, 'media'), log);
  const judge = new DraftJudge(store, log, context.extensionUri, join(context.extensionPath, 'dist', 'worker.js'));
  const report = new ReportPanel(judge, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const referenceDocs = new vscode.EventEmitter<vscode.Uri>();
  const selector: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
  const status = vscode.window.createStatusBarItem('sourcecheck.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Source Check';
  status.command = 'workbench.actions.view.problems';

  context.subscriptions.push(
    log,
    store,
    judge,
    report,
    referenceDocs,
    status,
    vscode.workspace.registerTextDocumentContentProvider(REFERENCE_SCHEME, { onDidChange: referenceDocs.event, provideTextDocumentContent: (uri) => store.textOf(uri) ?? `No reference is loaded for ${uri.path}.` }),
    vscode.languages.registerHoverProvider(selector, new HoverCards(judge, store)),
    vscode.languages.registerCodeActionsProvider(selector, new QuickFixes(judge), { providedCodeActionKinds: QuickFixes.kinds }),
    vscode.languages.registerCompletionItemProvider(selector, new CitationCompletions(judge, store), ...CitationCompletions.triggers),
    vscode.commands.registerCommand(COMMANDS.applyFix, (args: FixArgs) => applyFix(args)),
    vscode.commands.registerCommand(COMMANDS.fixAll, async (uri?: string, version?: number) => {
      const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : vscode.window.activeTextEditor?.document;
      if (!doc) return false;
      const state = await judge.judgeNow(doc);
      if (!state) return false;
      return applyFix({ uri: doc.uri.toString(), version: version ?? state.version, edits: safeEdits(state), title: 'Fix all safe findings' });
    }),
    vscode.commands.registerCommand(COMMANDS.check, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !judge.isDraft(doc)) {
        void vscode.window.showWarningMessage('Open a Markdown or plain-text draft to check it against its sources.');
        return undefined;
      }
      const state = await judge.judgeNow(doc);
      if (state) {
        const c = countFindings(state.result);
        vscode.window.setStatusBarMessage(`Source Check: ${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported`, 5000);
        return c;
      }
      return undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.openReference, async (key?: string, paragraph?: number, span?: Span) => {
      if (typeof key !== 'string') {
        const pick = await vscode.window.showQuickPick(
          store.all.map((r) => ({ label: r.key, description: r.title, detail: `${r.paragraphs.length} paragraphs${r.credit ? ` · ${r.credit}` : ''}` })),
          { placeHolder: 'Open which reference?' },
        );
        if (!pick) return undefined;
        key = pick.label;
      }
      const ref = store.byKey(key);
      const uri = store.uriOf(key);
      if (!ref || !uri) {
        void vscode.window.showWarningMessage(`No reference with the key “${key}” is loaded.`);
        return undefined;
      }
      const para = typeof paragraph === 'number' ? ref.paragraphs[paragraph - 1] : undefined;
      const target = span && span.start >= 0 && span.end <= ref.text.length ? span : para;
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside, selection: target ? rangeIn(ref.text, target) : undefined });
      if (target) editor.revealRange(rangeIn(ref.text, target), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    }),
    vscode.commands.registerCommand(COMMANDS.addReference, async (picked?: vscode.Uri | vscode.Uri[]) => {
      const uris = picked ? (Array.isArray(picked) ? picked : [picked]) : await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Add Reference', filters: { Articles: ['md', 'markdown', 'txt'] } });
      if (!uris?.length) return undefined;
      const config = vscode.workspace.getConfiguration('sourcecheck');
      const current = config.get<string[]>('references', []);
      const entries = uris.map((u) => (vscode.workspace.getWorkspaceFolder(u) ? vscode.workspace.asRelativePath(u, false) : u.fsPath));
      const next = [...current, ...entries.filter((e) => !current.includes(e))];
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('references', next, target);
      await store.load();
      const added = uris.flatMap((u) => store.all.filter((r) => store.fileOf(r.key)?.toString() === u.toString()));
      if (added.length) void vscode.window.showInformationMessage(`Added ${added.map((r) => `“${r.key}” (${r.paragraphs.length} paragraphs)`).join(', ')}. Cite it as [@${added[0].key}].`);
      else void vscode.window.showWarningMessage(`${uris.map(label).join(', ')} could not be used as a reference; see the Source Check output.`);
      return added.map((r) => r.key);
    }),
    vscode.commands.registerCommand(COMMANDS.showReport, () => report.show()),
    store.onDidChange(() => {
      for (const r of store.all) referenceDocs.fire(store.uriOf(r.key)!);
      judge.rejudgeAll();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => judge.schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) judge.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => judge.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('sourcecheck')) return;
      judge.settings = readSettings();
      // Checkers hold the judging options they were made with: start afresh when those change.
      if (e.affectsConfiguration('sourcecheck.judgeUncitedStatements')) judge.dropCheckers();
      if (e.affectsConfiguration('sourcecheck.references')) void store.load();
      else judge.rejudgeAll();
      if (e.affectsConfiguration('sourcecheck.enable') || e.affectsConfiguration('sourcecheck.languages')) {
        for (const doc of vscode.workspace.textDocuments) if (!judge.isDraft(doc)) judge.forget(doc.uri);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void store.load()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    judge.onDidJudge(() => updateStatus()),
  );

  function updateStatus(): void {
    // With the report (or another non-text view) focused, keep showing the visible draft's counts.
    const active = vscode.window.activeTextEditor;
    const doc = active ? active.document : vscode.window.visibleTextEditors.find((e) => judge.isDraft(e.document))?.document;
    if (!doc || !judge.isDraft(doc)) {
      status.hide();
      return;
    }
    const state = judge.lastState(doc.uri);
    const view = statusBarView(state && countFindings(state.result), state && { truncated: state.truncated, chars: state.text.length });
    status.text = view.text;
    status.tooltip = view.tooltip;
    status.accessibilityInformation = { label: view.tooltip };
    status.show();
  }

  await store.load();
  for (const doc of vscode.workspace.textDocuments) judge.schedule(doc, 0);
  updateStatus();
  const activationMs = performance.now() - loadedAt;
  log.info(`Activated in ${activationMs.toFixed(0)} ms with ${store.all.length} reference(s).`);
  const api: SourceCheckApi = { store, judge, report, stats: judge.stats, activationMs };
  startInHostTests(log);
  openRequestedDraft();
  return api;
}

/** `npm start` asks for the sample draft to be open when the window appears. */
function openRequestedDraft(): void {
  const path = process.env.SOURCECHECK_OPEN;
  if (!path) return;
  void vscode.workspace.openTextDocument(vscode.Uri.file(path)).then(
    (doc) => vscode.window.showTextDocument(doc),
    () => undefined,
  );
}

/** When the integration test runner asks for it, run the in-host mocha suite once activation is done. */
function startInHostTests(log: vscode.LogOutputChannel): void {
  const suite = process.env.SOURCECHECK_TEST_SUITE;
  if (!suite) return;
  setTimeout(() => {
    log.info(`Running the in-host test suite ${suite}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(suite) as { run: () => Promise<void> };
    mod.run().catch((e: unknown) => log.error(`In-host tests: ${e instanceof Error ? e.message : String(e)}`));
  }, 0);
}

export function deactivate(): void {
  /* everything is disposed through context.subscriptions */
}
