// "Show Fact-Check Report": every judged statement of the open drafts in one page, worst first. The
// webview runs no scripts and loads nothing remote; its policy allows only the extension's
// stylesheet, and the only command its links may run is the one that reveals a line of a listed draft.
import * as vscode from 'vscode';
import { reportHtml, type ReportEntry } from './present/report';
import { COMMANDS } from './commandIds';
import type { DraftJudge } from './judging';

/** The command a report row's "file:line" link runs: reveal that line of a draft the report lists. */
const REVEAL_LINE_COMMAND = COMMANDS.revealReportLine;

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
        // Links may run this one command and no other.
        enableCommandUris: [REVEAL_LINE_COMMAND],
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

  /** Opens a draft the report lists at a line, in the editor group that shows it (else the first). */
  async reveal(uri: unknown, line: unknown, character: unknown = 0): Promise<vscode.TextEditor | undefined> {
    if (typeof uri !== 'string' || !Number.isInteger(line) || !Number.isInteger(character)) return undefined;
    const entry = this.judge.allStates().find(([u]) => u.toString() === uri);
    if (!entry) return undefined;
    const doc = await vscode.workspace.openTextDocument(entry[0]);
    const at = doc.validatePosition(new vscode.Position(line as number, character as number));
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(at, at), preserveFocus: false });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private render(): void {
    if (!this.panel) return;
    const webview = this.panel.webview;
    const entries: ReportEntry[] = this.judge.allStates().map(([uri, s]) => ({ draft: vscode.workspace.asRelativePath(uri), text: s.text, result: s.result, uri: uri.toString() }));
    const link = (entry: ReportEntry, line: number, character: number) => (entry.uri ? `command:${REVEAL_LINE_COMMAND}?${encodeURIComponent(JSON.stringify([entry.uri, line, character]))}` : undefined);
    webview.html = reportHtml(entries, webview.cspSource, webview.asWebviewUri(vscode.Uri.joinPath(this.mediaUri, 'report.css')).toString(), link);
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
