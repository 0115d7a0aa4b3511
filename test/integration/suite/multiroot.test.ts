// A multi-root workspace (test/fixtures/workspace-multiroot): two folders whose settings name a
// reference with the same key and different text. Each draft is judged against its own folder's
// reference only, and everything that lists references follows the draft's folder. Runs inside the
// extension host, in the window the runner opens on multiroot.code-workspace.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { SourceCheckApi } from '../../../src/extension';
import { metrics } from './index';

const EXTENSION_ID = 'sourcecheck.source-check';
let api: SourceCheckApi;

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function folder(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `the workspace has the folder ${name}`);
  return f;
}

async function open(folderName: string, file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(folderName).uri, file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The verdict kinds of a draft's statements, once judged. */
async function kinds(doc: vscode.TextDocument): Promise<string[]> {
  const state = await until(`a verdict on ${doc.uri.path}`, async () => (await api.judge.whenJudged(doc)) ?? undefined);
  return state.result.verdicts.map((v) => v.kind);
}

describe('Source Check in a multi-root workspace', function () {
  before(async () => {
    const ext = vscode.extensions.getExtension<SourceCheckApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    api = await ext.activate();
    // The window can be up before the workspace file's folders are (seen once in CI): wait for them.
    await until('the two folders of the workspace file', () => (vscode.workspace.workspaceFolders?.length === 2 ? true : undefined), 10_000).catch(() => undefined);
    assert.equal(vscode.workspace.workspaceFolders?.length, 2, 'two folders are open');
    await api.store.ready();
    await until('both folders’ references', () => (api.store.byKey('ferry', folder('alpha').uri) && api.store.byKey('ferry', folder('beta').uri) ? true : undefined));
  });

  after(async () => {
    metrics.multiRootJudgedOn = api.judge.mode;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a statement supported by folder alpha’s reference is supported in alpha’s draft and not in beta’s', async () => {
    assert.deepEqual(await kinds(await open('alpha', 'says-1931.md')), ['supported']);
    const other = await kinds(await open('beta', 'says-1931.md'));
    assert.equal(other.length, 1);
    assert.notEqual(other[0], 'supported', 'beta’s reference gives another year');
  });

  it('and the other way round: beta’s statement is supported in beta and not in alpha', async () => {
    assert.deepEqual(await kinds(await open('beta', 'says-1958.md')), ['supported']);
    const other = await kinds(await open('alpha', 'says-1958.md'));
    assert.equal(other.length, 1);
    assert.notEqual(other[0], 'supported');
  });

  it('one key in two folders is not a duplicate-key problem', () => {
    const messages = api.store.issues.map((i) => i.message);
    assert.ok(!messages.some((m) => /Two references use the key/.test(m)), messages.join(' | '));
  });

  it('completion, hovers and Open Reference show the draft’s own folder’s reference', async () => {
    for (const [name, year] of [['alpha', '1931'], ['beta', '1958']] as const) {
      const doc = await open(name, 'says-1931.md');
      await kinds(doc);
      const line = doc.lineAt(2).text;
      // Paragraph completion after the key: ¶1 is this folder's text.
      const at = new vscode.Position(2, line.indexOf('@ferry') + '@ferry'.length);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(at, ', ¶'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at.translate(0, 3));
      const first = list.items.find((i) => i.label === '1' && /ferry/.test(String(i.detail)));
      assert.ok(first, `paragraph completion in ${name}: ${list.items.map((i) => i.label).join(', ')}`);
      assert.match(String(first.documentation), new RegExp(year));
      await vscode.commands.executeCommand('undo');
      await kinds(doc);
      // The hover on the citation names this folder's reference.
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, line.indexOf('@ferry') + 2))) ?? [];
      const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'object' && 'value' in c ? c.value : String(c))).join('\n');
      assert.match(text, name === 'alpha' ? /harbour board records/ : /town history society/);
      assert.doesNotMatch(text, name === 'alpha' ? /town history society/ : /harbour board records/);
      // "Open source at passage" (the quick fix's command) opens this folder's text.
      const opened = await vscode.commands.executeCommand<vscode.TextEditor>('sourcecheck.openReference', 'ferry', 1, undefined, doc.uri.toString());
      assert.ok(opened, 'the reference opens');
      assert.match(opened.document.getText(), new RegExp(`opened in ${year}`));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('a draft outside every folder sees only what the window’s settings name (here: the built-in reference)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'The Pinecrest ferry terminal opened in 1931 [@ferry].\n' });
    assert.ok(!api.store.referencesFor(doc.uri).some((r) => r.key === 'ferry'));
    const state = await until('a verdict on the untitled draft', async () => (await api.judge.whenJudged(doc)) ?? undefined);
    assert.ok(!state.result.verdicts.some((v) => v.kind === 'supported'), 'nothing supports it outside the folders');
  });
});
