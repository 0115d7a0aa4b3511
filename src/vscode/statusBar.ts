// The status-bar summary of the active draft (wording from present/status.ts): contradicted / unsupported /
// supported; click for the Problems view.
import * as vscode from 'vscode';
import type { DraftJudge } from './judging';
import { countFindings } from './present/report';
import { statusBarView } from './present/status';

export interface StatusBarDeps {
  judge: DraftJudge;
}

export function registerStatusBar({ judge }: StatusBarDeps): vscode.Disposable[] {
  const status = vscode.window.createStatusBarItem('sourcecheck.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Source Check';
  status.command = 'workbench.actions.view.problems';

  const update = (): void => {
    // With the report (or another view that is not a text editor) focused, keep showing the visible draft's counts.
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
  };

  update();
  return [status, vscode.window.onDidChangeActiveTextEditor(update), vscode.window.onDidChangeVisibleTextEditors(update), judge.onDidJudge(update)];
}
