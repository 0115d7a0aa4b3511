// The status-bar summary of the active draft: contradicted / unsupported / supported; click for the Problems view.
import * as vscode from 'vscode';
import type { DraftJudge } from './judging';
import { countFindings } from './present/report';

export interface StatusBarDeps {
  judge: DraftJudge;
}

export function registerStatusBar({ judge }: StatusBarDeps): vscode.Disposable[] {
  const status = vscode.window.createStatusBarItem('sourcecheck.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Source Check';
  status.command = 'workbench.actions.view.problems';

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !judge.isDraft(doc)) {
      status.hide();
      return;
    }
    const state = judge.lastState(doc.uri);
    if (!state) {
      status.text = '$(sync~spin) Checking sources…';
      status.tooltip = 'Source Check is judging this draft against its references.';
    } else {
      const c = countFindings(state.result);
      status.text = `$(error) ${c.contradicted} $(warning) ${c.unsupported} $(pass) ${c.supported}`;
      status.tooltip = `Source Check: ${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported${c.problems ? `, ${c.problems} citation problems` : ''}${state.truncated ? ` (only the first ${state.text.length.toLocaleString('en')} characters were judged)` : ''}. Click to open the Problems view.`;
      status.accessibilityInformation = { label: status.tooltip };
    }
    status.show();
  };

  update();
  return [status, vscode.window.onDidChangeActiveTextEditor(update), judge.onDidJudge(update)];
}
