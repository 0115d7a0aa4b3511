// "Show Fact-Check Report": every judged statement of the open drafts in one page. The webview
// runs no scripts and loads nothing remote; its policy allows only the extension's stylesheet.
import * as vscode from 'vscode';
import { reportHtml } from './present/report';
import type { DraftJudge } from './judging';

export class ReportPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly judge: DraftJudge,
    private readonly mediaUri: vscode.Uri,
  ) {
    this.subscription = judge.onDidJudge(() => this.render());
  }

  show(): vscode.WebviewPanel {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('sourcecheck.report', 'Fact-Check Report', vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableCommandUris: false,
        enableForms: false,
        localResourceRoots: [this.mediaUri],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.render();
    this.panel.reveal(undefined, true);
    return this.panel;
  }

  /** The page as shown, for tests and for the report command's caller. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  private render(): void {
    if (!this.panel) return;
    const webview = this.panel.webview;
    const entries = this.judge.allStates().map(([uri, s]) => ({ draft: vscode.workspace.asRelativePath(uri), text: s.text, result: s.result }));
    webview.html = reportHtml(entries, webview.cspSource, webview.asWebviewUri(vscode.Uri.joinPath(this.mediaUri, 'report.css')).toString());
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
