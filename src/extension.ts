// The VS Code extension: `activate` makes the reference store, the judge and the report, and registers
// each feature (every `register…` returns its Disposables). All judging happens in src/core.
//
// Activation only registers: the references are read after `activate` returns (drafts scheduled
// meanwhile wait for them), the judging thread starts with the first draft to judge, and WordNet's
// relations load in that thread only. The extension activates on the draft languages alone
// (package.json activationEvents, one onLanguage per default of sourcecheck.languages).
import { bundleStart } from './vscode/loadClock';
import * as vscode from 'vscode';
import { join } from 'node:path';
import { registerCommands } from './vscode/commands';
import { DraftJudge, registerJudging, type JudgeStats } from './vscode/judging';
import { registerLanguageFeatures } from './vscode/providers';
import { ReferenceStore, registerReferenceDocuments } from './vscode/references';
import { ReportPanel } from './vscode/report';
import { registerStatusBar } from './vscode/statusBar';

/** When the bundle's modules had all run (extension.ts's own body runs last). */
const moduleEvaluated = performance.now();

/** What the extension hands to other extensions and to its own integration tests. */
export interface SourceCheckApi {
  store: ReferenceStore;
  judge: DraftJudge;
  report: ReportPanel;
  stats: JudgeStats;
  /**
   * The extension's own activation time, in ms: evaluating the bundle's modules (from its first line)
   * plus the activate() call. What VS Code does between the two (making the extension's context) is
   * not the extension's and is reported apart, as `activationSteps.vscode`.
   */
  activationMs: number;
  /** Where the time went, in ms: "module" (evaluating the bundle), "vscode" (until activate was called), then each step of activate(). */
  activationSteps: Record<string, number>;
}

export async function activate(context: vscode.ExtensionContext): Promise<SourceCheckApi> {
  const steps: Record<string, number> = {};
  const called = performance.now();
  let mark = called;
  steps.module = Math.round((moduleEvaluated - bundleStart) * 10) / 10;
  steps.vscode = Math.round((called - moduleEvaluated) * 10) / 10;
  const step = <T>(name: string, f: () => T): T => {
    const value = f();
    const now = performance.now();
    steps[name] = Math.round((now - mark) * 10) / 10;
    mark = now;
    return value;
  };
  const log = step('outputChannel', () => vscode.window.createOutputChannel('Source Check', { log: true }));
  const { store, judge, report } = step('objects', () => {
    const store = new ReferenceStore(join(context.extensionPath, 'media'), log, join(context.extensionPath, 'dist', 'reader.js'));
    const judge = new DraftJudge(store, log, context.extensionUri, join(context.extensionPath, 'dist', 'worker.js'));
    const report = new ReportPanel(judge, vscode.Uri.joinPath(context.extensionUri, 'media'));
    return { store, judge, report };
  });
  const deps = { log, store, judge, report };

  context.subscriptions.push(
    log,
    store,
    judge,
    report,
    ...step('referenceDocuments', () => registerReferenceDocuments(deps)),
    ...step('judging', () => registerJudging(deps)),
    ...step('languageFeatures', () => registerLanguageFeatures(deps)),
    ...step('commands', () => registerCommands(deps)),
    ...step('statusBar', () => registerStatusBar(deps)),
  );

  // Read after activation; a check waits for them (DraftJudge awaits store.ready()), and their
  // arrival re-judges every open draft.
  store.loadSoon();
  // The drafts already open are scheduled right after activation too (reading their settings is the
  // window's first configuration read); their checks wait for the references anyway.
  const opened = setImmediate(() => {
    for (const doc of vscode.workspace.textDocuments) judge.schedule(doc, 0);
  });
  context.subscriptions.push({ dispose: () => clearImmediate(opened) });
  const activationMs = moduleEvaluated - bundleStart + (performance.now() - called);
  log.info(`Activated in ${activationMs.toFixed(0)} ms (${Object.entries(steps).map(([k, v]) => `${k} ${v}`).join(', ')}); references load next.`);
  return { store, judge, report, stats: judge.stats, activationMs, activationSteps: steps };
}

export function deactivate(): void {
  /* everything is disposed through context.subscriptions */
}
