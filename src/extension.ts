// The VS Code extension: `activate` makes the reference store, the judge and the report, and registers
// each feature (every `register…` returns its Disposables). All judging happens in src/core.
const loadedAt = performance.now();
import * as vscode from 'vscode';
import { join } from 'node:path';
import { registerCommands } from './vscode/commands';
import { DraftJudge, registerJudging, type JudgeStats } from './vscode/judging';
import { registerLanguageFeatures } from './vscode/providers';
import { ReferenceStore, registerReferenceDocuments } from './vscode/references';
import { ReportPanel } from './vscode/report';
import { registerStatusBar } from './vscode/statusBar';

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
  const store = new ReferenceStore(join(context.extensionPath, 'media'), log, join(context.extensionPath, 'dist', 'reader.js'));
  const judge = new DraftJudge(store, log, context.extensionUri, join(context.extensionPath, 'dist', 'worker.js'));
  const report = new ReportPanel(judge, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const deps = { log, store, judge, report };

  context.subscriptions.push(
    log,
    store,
    judge,
    report,
    ...registerReferenceDocuments(deps),
    ...registerJudging(deps),
    ...registerLanguageFeatures(deps),
    ...registerCommands(deps),
    ...registerStatusBar(deps),
  );

  await store.load();
  for (const doc of vscode.workspace.textDocuments) judge.schedule(doc, 0);
  const activationMs = performance.now() - loadedAt;
  log.info(`Activated in ${activationMs.toFixed(0)} ms with ${store.all.length} reference(s).`);
  return { store, judge, report, stats: judge.stats, activationMs };
}

export function deactivate(): void {
  /* everything is disposed through context.subscriptions */
}
