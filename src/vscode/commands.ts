// The extension's commands: one typed map from command id to handler, registered as a whole. The
// type makes every id of commandIds.ts have exactly one handler; a unit test holds package.json to the ids.
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { ATTACHMENT_EXTENSIONS, type Span } from '../core';
import { bibtexAttachEdit } from './present/attach';
import { metadataSummary } from './present/format';
import { COMMANDS, type CommandId } from './commandIds';
import { rangeIn, type DraftJudge } from './judging';
import { countFindings } from './present/report';
import { applyFix, safeEdits, type FixArgs } from './providers';
import { label, type ReferenceStore } from './references';
import type { ReportPanel } from './report';

export interface CommandDeps {
  judge: DraftJudge;
  store: ReferenceStore;
  report: ReportPanel;
}

// Handlers take what VS Code or a code action hands them, so their parameters differ per command.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (...args: any[]) => unknown;

/** Every command's handler, by id. */
export function commandHandlers({ judge, store, report }: CommandDeps): Record<CommandId, Handler> {
  return {
    [COMMANDS.applyFix]: (args: FixArgs) => applyFix(args),

    [COMMANDS.fixAll]: async (uri?: string, version?: number) => {
      const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : vscode.window.activeTextEditor?.document;
      if (!doc) return false;
      const state = await judge.judgeNow(doc);
      if (!state) return false;
      return applyFix({ uri: doc.uri.toString(), version: version ?? state.version, edits: safeEdits(state), title: 'Fix all safe findings' });
    },

    [COMMANDS.check]: async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !judge.isDraft(doc)) {
        void vscode.window.showWarningMessage('Open a Markdown or plain-text draft to check it against its sources.');
        return undefined;
      }
      const state = await judge.judgeNow(doc);
      if (!state) return undefined;
      const c = countFindings(state.result);
      vscode.window.setStatusBarMessage(`Source Check: ${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported`, 5000);
      return c;
    },

    [COMMANDS.openReference]: async (key?: string, paragraph?: number, span?: Span, draftUri?: string) => {
      // The references of the draft's folder: the draft named (a quick fix's), else the active editor's.
      const draft = typeof draftUri === 'string' ? vscode.Uri.parse(draftUri) : vscode.window.activeTextEditor?.document.uri;
      if (typeof key !== 'string') {
        const pick = await vscode.window.showQuickPick(
          store.referencesFor(draft).map((r) => ({ label: r.key, description: r.title, detail: [metadataSummary(r), `${r.paragraphs.length} paragraphs`, r.credit].filter(Boolean).join(' · ') })),
          { placeHolder: 'Open which reference?' },
        );
        if (!pick) return undefined;
        key = pick.label;
      }
      const ref = store.byKey(key, draft);
      const uri = store.uriOf(key, draft);
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
    },

    [COMMANDS.addReference]: async (picked?: vscode.Uri | vscode.Uri[]) => {
      const uris = picked ? (Array.isArray(picked) ? picked : [picked]) : await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Add Reference', filters: { Articles: ['md', 'markdown', 'txt', 'html', 'htm', 'pdf'] } });
      if (!uris?.length) return undefined;
      // References are read per workspace folder: in a multi-root workspace, add them to the folder's own settings.
      const folder = vscode.workspace.getWorkspaceFolder(uris[0]);
      const config = vscode.workspace.getConfiguration('sourcecheck', folder?.uri);
      const current = config.get<string[]>('references', []);
      const entries = uris.map((u) => (vscode.workspace.getWorkspaceFolder(u) ? vscode.workspace.asRelativePath(u, false) : u.fsPath));
      const next = [...current, ...entries.filter((e) => !current.includes(e))];
      const target = folder && vscode.workspace.workspaceFile ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('references', next, target);
      await store.load();
      const added = uris.flatMap((u) => store.referencesFor(folder?.uri).filter((r) => store.fileOf(r.key, folder?.uri)?.toString() === u.toString()));
      if (added.length) void vscode.window.showInformationMessage(`Added ${added.map((r) => `“${r.key}” (${r.paragraphs.length} paragraphs)`).join(', ')}. Cite it as [@${added[0].key}].`);
      else void vscode.window.showWarningMessage(`${uris.map(label).join(', ')} could not be used as a reference; see the Source Check output.`);
      return added.map((r) => r.key);
    },

    [COMMANDS.attachFile]: (key?: string, file?: vscode.Uri, draftUri?: string) => attachFile(store, key, file, typeof draftUri === 'string' ? vscode.Uri.parse(draftUri) : vscode.window.activeTextEditor?.document.uri),

    [COMMANDS.showReport]: () => report.show(),

    [COMMANDS.revealReportLine]: (uri: unknown, line: unknown, character?: unknown) => report.reveal(uri, line, character),
  };
}

/**
 * "Attach a file…" on a cited bibliography entry with no text. What a Zotero user expects: the file
 * becomes the entry's attachment in the bibliography itself, written as Zotero and Better BibTeX
 * write it (`file = {:path:type}`, relative to the bibliography), so the entry is checked against it
 * from then on. The file must be inside the workspace. A CSL JSON or YAML bibliography is opened at
 * the entry instead, with a message saying which `file` line to add. `chosen` skips the file picker;
 * `draft` (the draft the quick fix was on, else the active editor's) picks its folder's bibliographies.
 * Returns whether the entry now has text.
 */
async function attachFile(store: ReferenceStore, key?: string, chosen?: vscode.Uri, draft?: vscode.Uri): Promise<boolean> {
  const home = typeof key === 'string' ? store.homeOf(key, draft) : undefined;
  if (!key || !home) {
    void vscode.window.showWarningMessage(`No bibliography entry “${key ?? ''}” is loaded.`);
    return false;
  }
  // A caller (a test, another extension) may name the file; otherwise the writer picks it.
  const picked = chosen && typeof chosen === 'object' && typeof chosen.scheme === 'string' ? [vscode.Uri.from(chosen)] : await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Attach',
    title: `Attach the text of “${key}”`,
    defaultUri: vscode.Uri.joinPath(home.bibliography, '..'),
    filters: { 'Article text, saved page or PDF': ATTACHMENT_EXTENSIONS },
  });
  const file = picked?.[0];
  if (!file) return false;
  if (!vscode.workspace.getWorkspaceFolder(file)) {
    void vscode.window.showWarningMessage(`${file.fsPath} is outside the workspace; attached files are read only inside it. Copy it into the workspace and attach the copy.`);
    return false;
  }
  const relativePath = posix.relative(posix.dirname(home.bibliography.path), file.path);
  const doc = await vscode.workspace.openTextDocument(home.bibliography);
  if (home.format === 'bibtex') {
    const edit = bibtexAttachEdit(doc.getText(), key, relativePath);
    if (!edit) {
      void vscode.window.showWarningMessage(`The entry “${key}” was not found in ${label(home.bibliography)}; was it changed?`);
      return false;
    }
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.newText);
    if (!(await vscode.workspace.applyEdit(we)) || !(await doc.save())) return false;
    await store.load();
    const ok = store.byKey(key, draft);
    if (ok) void vscode.window.showInformationMessage(`Attached ${relativePath} to “${key}” in ${label(home.bibliography)}. If Better BibTeX exports this file automatically, attach it in Zotero too, or the next export drops it.`);
    else void vscode.window.showWarningMessage(`${relativePath} was added to “${key}” but cannot be read as its text; see the Source Check output.`);
    return !!ok;
  }
  const at = doc.getText().search(new RegExp(`(["']?)(?:id|citation-key)\\1\\s*:\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  const pos = doc.positionAt(Math.max(0, at));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
  const line = home.format === 'csl-json' ? `"file": "${relativePath}"` : `file: ${relativePath}`;
  void vscode.window.showInformationMessage(`Add ${line} to the entry “${key}”, then save: the entry is checked against that file.`);
  return false;
}

/** Registers every command of the map. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(commandHandlers(deps)).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
