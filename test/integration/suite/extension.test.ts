// What a writer sees in a real VS Code: diagnostics, hovers, quick fixes, completion, references
// that change on disk, untrusted text kept inert. Runs inside the extension host.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { checkDraft } from '../../../src/core';
import { syntheticDraft } from '../../../src/bench/main';
import { diagnosticSpecs } from '../../../src/vscode/present/diagnostics';
import { escapeMarkdown } from '../../../src/vscode/present/hover';
import type { SourceCheckApi } from '../../../src/extension';
import { metrics } from './index';
import { paragraphsPdf } from '../../support/pdfs';

const EXTENSION_ID = 'sourcecheck.source-check';
let api: SourceCheckApi;
let root: vscode.Uri;
let counter = 0;

/** Network calls made from the extension's own bundle while the suite runs (the host's own are not ours). */
const networkCalls: string[] = [];
const OURS = /[\\/]dist[\\/](?:extension|worker)\.js/;

// The real module objects (an ES namespace import would be a frozen copy), so patches reach every caller.
/* eslint-disable @typescript-eslint/no-require-imports */
const net = require('node:net') as typeof import('node:net');
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');
const dns = require('node:dns') as typeof import('node:dns');
/* eslint-enable @typescript-eslint/no-require-imports */

function watchNetwork(): () => void {
  const undo: (() => void)[] = [];
  const wrap = <T extends object>(obj: T, name: keyof T & string) => {
    const original = obj[name] as unknown as (...a: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    (obj as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const stack = new Error().stack ?? '';
      if (OURS.test(stack)) networkCalls.push(`${name}: ${stack.split('\n').slice(1, 4).join(' | ')}`);
      return original.apply(this, args);
    };
    undo.push(() => ((obj as Record<string, unknown>)[name] = original));
  };
  wrap(net.Socket.prototype, 'connect');
  wrap(http, 'request');
  wrap(http, 'get');
  wrap(https, 'request');
  wrap(https, 'get');
  wrap(dns, 'lookup');
  if (typeof globalThis.fetch === 'function') wrap(globalThis as unknown as Record<string, unknown>, 'fetch');
  return () => undo.forEach((u) => u());
}

const doc = (d: vscode.TextDocument, x: vscode.Diagnostic) => d.getText(x.range);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A fresh copy of a workspace file, opened in an editor and judged. */
async function openCopy(name: string, text?: string): Promise<vscode.TextDocument> {
  const source = vscode.Uri.joinPath(root, name);
  const copy = vscode.Uri.joinPath(root, `tmp-${++counter}-${name.replace(/\//g, '-')}`);
  const bytes = text !== undefined ? new TextEncoder().encode(text) : await vscode.workspace.fs.readFile(source);
  await vscode.workspace.fs.writeFile(copy, bytes);
  const doc = await vscode.workspace.openTextDocument(copy);
  await vscode.window.showTextDocument(doc);
  await judged(doc);
  return doc;
}

async function judged(doc: vscode.TextDocument) {
  return until(`a verdict on ${doc.uri.path}`, async () => (await api.judge.whenJudged(doc)) ?? undefined);
}

function diagnosticAt(doc: vscode.TextDocument, words: string): vscode.Diagnostic {
  const at = doc.getText().indexOf(words);
  assert.ok(at >= 0, `fixture contains “${words}”`);
  const all = vscode.languages.getDiagnostics(doc.uri);
  // The diagnostic on exactly these words, else the narrowest one that covers them.
  const covering = all.filter((x) => x.range.contains(doc.positionAt(at)));
  covering.sort((a, b) => doc.offsetAt(a.range.end) - doc.offsetAt(a.range.start) - (doc.offsetAt(b.range.end) - doc.offsetAt(b.range.start)));
  const d = all.find((x) => doc.getText(x.range) === words) ?? covering[0];
  assert.ok(d, `a diagnostic on “${words}”; have: ${vscode.languages.getDiagnostics(doc.uri).map((x) => `${doc.getText(x.range)} → ${x.message}`).join(' | ')}`);
  return d;
}

async function actionsFor(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range)) ?? [];
}

async function hoverText(doc: vscode.TextDocument, words: string, within = 1): Promise<{ text: string; trusted: boolean[] }> {
  const at = doc.getText().indexOf(words);
  assert.ok(at >= 0, `fixture contains “${words}”`);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + within))) ?? [];
  const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c);
  return { text: ours.map((c) => c.value).join('\n'), trusted: ours.map((c) => !!c.isTrusted) };
}

/** Runs a quick fix and checks the document changed by exactly its edits. */
async function applyAndExpect(doc: vscode.TextDocument, action: vscode.CodeAction, expected: string): Promise<void> {
  assert.ok(action.command, `“${action.title}” runs a command`);
  const ok = await vscode.commands.executeCommand<boolean>(action.command.command, ...(action.command.arguments ?? []));
  assert.equal(ok, true, `“${action.title}” was applied`);
  assert.equal(doc.getText(), expected);
}

function replaced(text: string, words: string, by: string, occurrence = 0): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(words, at + 1);
  assert.ok(at >= 0, `“${words}” is in the text`);
  return text.slice(0, at) + by + text.slice(at + words.length);
}

describe('Source Check in a real VS Code', function () {
  let unwatch: () => void = () => undefined;
  before(async () => {
    unwatch = watchNetwork();
    const ext = vscode.extensions.getExtension<SourceCheckApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    api = await ext.activate();
    root = vscode.workspace.workspaceFolders![0].uri;
    await api.store.ready();
    metrics.activationMs = Math.round(api.activationMs);
    metrics.activationSteps = JSON.stringify(api.activationSteps);
  });

  after(async () => {
    unwatch();
    metrics.longestHostBlockMs = Math.round(api.stats.longestSliceMs * 10) / 10;
    metrics.longestHostBlockWhere = api.stats.longestWhere ?? '';
    metrics.judgedOn = api.judge.mode;
    // Save first: closing an edited editor would otherwise stop at a "Save changes?" dialog.
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The browser steps that follow take screenshots: leave no notifications from these tests.
    await vscode.commands.executeCommand('notifications.clearAll');
    for (const [name] of await vscode.workspace.fs.readDirectory(root)) {
      if (name.startsWith('tmp-')) await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, name));
    }
  });

  describe('references', () => {
    it('loads the built-in reference and the workspace references from the setting', () => {
      const keys = api.store.all.map((r) => r.key);
      assert.ok(keys.includes('starmer-washington'), keys.join());
      assert.ok(keys.includes('harbour-bridge'), keys.join());
      assert.ok(keys.includes('hostile'), keys.join());
    });

    it('opens a built-in reference read-only at a paragraph', async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('sourcecheck.openReference', 'starmer-washington', 5);
      assert.ok(editor);
      const ref = api.store.byKey('starmer-washington')!;
      assert.equal(editor.document.uri.scheme, 'sourcecheck-ref');
      assert.equal(editor.document.getText(), ref.text);
      assert.equal(editor.document.getText(editor.selection), ref.paragraphs[4].text);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('saved web pages and PDFs as references', () => {
    it('reads a saved page from the setting’s glob, with its metadata, and judges against it', async () => {
      const ref = await until('the saved page to load', () => api.store.byKey('crane-page'));
      assert.equal(ref.format, 'html');
      assert.equal(ref.author, 'Dana Reyes');
      assert.ok(!/globalThis|cookies|javascript:/i.test(ref.text), 'no script, banner or javascript: address in the text');
      const draft = await openCopy('crane-draft.md', 'The crane collapse killed 50 people [@crane-page].\n');
      const d = diagnosticAt(draft, '50');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      // The evidence opens in the read-only view of the extracted text, at the passage.
      const related = d.relatedInformation?.[0];
      assert.ok(related, 'a link to the evidence');
      assert.equal(related.location.uri.scheme, 'sourcecheck-ref');
      const view = await vscode.workspace.openTextDocument(related.location.uri);
      assert.equal(view.getText(), ref.text);
      assert.match(view.getText(related.location.range), /107/);
    });

    it('reads a PDF added to the workspace off the host’s thread, once, and opens it at a paragraph with its ¶ and page shown', async () => {
      const paragraphs = [
        'The dock board met on Tuesday and approved a budget of 12 million dollars for the new ferry terminal on the east bank.',
        'Board chair Ines Carvalho said construction would begin in April and take about two years.',
        'The board rejected a proposal to close the old terminal during the works, citing the needs of commuters.',
        'Residents of the east bank said the new terminal would cut their journey to the city by half.',
      ];
      const bytes = await paragraphsPdf([...paragraphs, ...paragraphs.map((p) => p.replace('The ', 'Again, the '))], { header: 'Dock Board Minutes', title: 'Dock board approves ferry terminal', pageSize: [300, 300] });
      const uri = vscode.Uri.joinPath(root, 'references', 'dock-board.pdf');
      await vscode.workspace.fs.writeFile(uri, bytes);
      try {
        const ref = await until('the PDF to load', () => api.store.byKey('dock-board'), 60_000).catch((e: Error) => {
          throw new Error(`${e.message}; issues: ${api.store.issues.map((i) => i.message).join(' | ')}; keys: ${api.store.all.map((r) => r.key).join()}`);
        });
        assert.equal(ref.format, 'pdf');
        assert.ok(!ref.text.includes('Dock Board Minutes'), 'the running header is dropped');
        assert.ok(ref.paragraphs.some((p) => (p.page ?? 0) > 1), 'paragraphs know their pages');
        const parsed = api.store.reader.parsed;
        api.store.scheduleReload(0);
        await api.store.ready();
        assert.equal(api.store.reader.parsed, parsed, 'an unchanged file is not parsed again');
        const draft = await openCopy('dock-draft.md', 'The dock board approved a budget of 15 million dollars [@dock-board].\n');
        assert.ok(diagnosticAt(draft, '15'));
        const last = ref.paragraphs[ref.paragraphs.length - 1];
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>('sourcecheck.openReference', 'dock-board', last.number);
        assert.ok(editor);
        assert.equal(editor.document.uri.scheme, 'sourcecheck-ref');
        assert.equal(editor.document.getText(editor.selection), last.text);
        const full = new vscode.Range(0, 0, editor.document.lineCount, 0);
        const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, full)) ?? [];
        const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
        assert.ok(labels.includes(`¶${last.number} · p. ${last.page}`), labels.join(' | '));
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await vscode.workspace.fs.delete(uri);
      }
    });

    it('says clearly when a PDF has no text layer, and keeps the others', async () => {
      const uri = vscode.Uri.joinPath(root, 'references', 'scan.pdf');
      const { PDFDocument } = await import('pdf-lib');
      const pdf = await PDFDocument.create();
      pdf.addPage([200, 200]).drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
      await vscode.workspace.fs.writeFile(uri, await pdf.save());
      try {
        await until('the scan to be reported', () => api.store.issues.find((i) => /scan\.pdf.*no text layer/.test(i.message)), 60_000).catch((e: Error) => {
          throw new Error(`${e.message}; issues: ${api.store.issues.map((i) => i.message).join(' | ')}`);
        });
        assert.ok(api.store.byKey('crane-page') && api.store.byKey('harbour-bridge'));
      } finally {
        await vscode.workspace.fs.delete(uri);
      }
      await until('the problem to clear', () => !api.store.issues.some((i) => /scan\.pdf/.test(i.message)) || undefined);
    });
  });

  describe('diagnostics', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = await openCopy('sample-draft.md');
    });

    it('shows exactly the engine’s findings, with message, range, severity, code and source', () => {
      const expected = diagnosticSpecs(doc.getText(), checkDraft(doc.getText(), api.store.all));
      const actual = vscode.languages.getDiagnostics(doc.uri);
      assert.equal(actual.length, expected.length);
      const sev = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
      for (const e of expected) {
        const a = actual.find((d) => d.message === e.message);
        assert.ok(a, `diagnostic “${e.message}”`);
        assert.equal(a.severity, sev[e.severity]);
        assert.deepEqual([a.range.start.line, a.range.start.character, a.range.end.line, a.range.end.character], [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character]);
        assert.equal(a.source, 'Source Check');
        assert.equal((a.code as { value: string }).value, e.code);
      }
    });

    it('flags a wrong office as an error on the office, pointing at the evidence', async () => {
      const d = diagnosticAt(doc, 'Foreign Secretary Antony');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(doc.getText(d.range), 'Foreign Secretary');
      assert.match(d.message, /Antony Blinken as U\.S\. Secretary of State, not Foreign Secretary/);
      assert.equal((d.code as { value: string }).value, 'role');
      const related = d.relatedInformation?.[0];
      assert.ok(related, 'related information names the passage');
      const refDoc = await vscode.workspace.openTextDocument(related.location.uri);
      assert.match(refDoc.getText(related.location.range), /U\.S\. Secretary of State Antony Blinken/);
    });

    it('warns on an unsupported statement and hints at a supported one with no citation', () => {
      const oval = diagnosticAt(doc, 'Biden and Starmer met in the Oval Office');
      assert.equal(oval.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(oval.message, /Oval Office/);
      const uncited = diagnosticAt(doc, 'Zelenskiy has been urging');
      assert.equal(uncited.severity, vscode.DiagnosticSeverity.Hint);
      assert.match(uncited.message, /not cited/);
    });

    it('reports an unknown key and a locator past the end', () => {
      const key = diagnosticAt(doc, 'starmer-washingon');
      assert.equal(doc.getText(key.range), 'starmer-washingon');
      assert.match(key.message, /Did you mean “starmer-washington”/);
      const loc = diagnosticAt(doc, '¶9');
      assert.match(loc.message, /6 paragraphs; ¶9 is past its end/);
    });

    it('stops judging statements without their own citation when the setting says so', async () => {
      const text = 'Zelenskiy has been urging Western allies for months to let Ukraine use advanced Western missiles.\n\nStarmer is in Washington for talks with Biden [@starmer-washington].\n';
      const draft = await openCopy('uncited.md', text);
      assert.ok(vscode.languages.getDiagnostics(draft.uri).some((d) => /not cited/.test(d.message)));
      const config = vscode.workspace.getConfiguration('sourcecheck');
      await config.update('judgeUncitedStatements', false, vscode.ConfigurationTarget.Workspace);
      try {
        await until('the uncited statement to be left alone', () => !vscode.languages.getDiagnostics(draft.uri).some((d) => /not cited/.test(d.message)) || undefined);
      } finally {
        await config.update('judgeUncitedStatements', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await until('the uncited statement to be judged again', () => vscode.languages.getDiagnostics(draft.uri).some((d) => /not cited/.test(d.message)) || undefined);
    });

    it('hides a check set off and gives a check its own severity (sourcecheck.checks)', async () => {
      const draft = await openCopy('sample-draft.md');
      const berlin = () => vscode.languages.getDiagnostics(draft.uri).find((d) => /not Berlin/.test(d.message));
      assert.equal(berlin()?.severity, vscode.DiagnosticSeverity.Error);
      const config = vscode.workspace.getConfiguration('sourcecheck', draft.uri);
      try {
        await config.update('checks', { place: 'off' }, vscode.ConfigurationTarget.Workspace);
        await until('the place finding to be hidden', () => (berlin() ? undefined : true));
        assert.ok(diagnosticAt(draft, 'Foreign Secretary Antony'), 'other checks are still shown');
        await config.update('checks', { place: 'hint' }, vscode.ConfigurationTarget.Workspace);
        await until('the place finding as a hint', () => (berlin()?.severity === vscode.DiagnosticSeverity.Hint ? true : undefined));
      } finally {
        await config.update('checks', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await until('the place finding as an error again', () => (berlin()?.severity === vscode.DiagnosticSeverity.Error ? true : undefined));
    });

    it('gives a language added to sourcecheck.languages hovers, quick fixes and completion, not just diagnostics', async () => {
      const config = vscode.workspace.getConfiguration('sourcecheck');
      const text = (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'sample-draft.md'))).getText();
      const copy = vscode.Uri.joinPath(root, `tmp-${++counter}-draft.ini`);
      await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(text));
      const draft = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(copy), 'ini');
      await vscode.window.showTextDocument(draft);
      const hovered = async () => (await hoverText(draft, 'is holding talks with Biden in Berlin', 4)).text;
      assert.equal(await hovered(), '', 'no hover before the language is added');
      await config.update('languages', ['markdown', 'plaintext', 'ini'], vscode.ConfigurationTarget.Workspace);
      try {
        await until('diagnostics on the ini draft', () => (vscode.languages.getDiagnostics(draft.uri).some((d) => /not Berlin/.test(d.message)) ? true : undefined));
        await until('a hover card on the ini draft', async () => (/Contradicted/.test(await hovered()) ? true : undefined));
        const d = diagnosticAt(draft, 'Berlin');
        const fixes = await until('quick fixes on the ini draft', async () => ((await actionsFor(draft, d)).some((a) => a.title.startsWith('Replace “Berlin”')) ? true : undefined));
        assert.ok(fixes);
        const at = draft.getText().indexOf('[@') + 2;
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, draft.positionAt(at), '@');
        assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'starmer-washington'), 'completion offers the keys');
      } finally {
        await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await until('the ini draft to be left alone again', () => (vscode.languages.getDiagnostics(draft.uri).length === 0 ? true : undefined));
      assert.equal(await hovered(), '', 'no hover once the language is removed');
    });

    it('gives no findings for a file that cites nothing', async () => {
      const notes = await openCopy('notes.md');
      assert.equal(vscode.languages.getDiagnostics(notes.uri).length, 0);
    });

    it('re-judges a statement after an edit', async () => {
      const fresh = await openCopy('sample-draft.md');
      const at = fresh.getText().indexOf('in Berlin');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(fresh.uri, new vscode.Range(fresh.positionAt(at + 3), fresh.positionAt(at + 9)), 'Washington');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await judged(fresh);
      assert.ok(!vscode.languages.getDiagnostics(fresh.uri).some((d) => /not Berlin/.test(d.message)));
    });
  });

  describe('hover cards', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = await openCopy('sample-draft.md');
    });

    it('on a name: who it is per the source, where it is mentioned and the key sentence', async () => {
      const ref = api.store.byKey('starmer-washington')!;
      const blinken = ref.entities.find((e) => e.name.endsWith('Blinken'))!;
      const { text, trusted } = await hoverText(doc, 'Antony Blinken', 8);
      assert.ok(text.includes(`**${escapeMarkdown(blinken.name)}**`), text);
      assert.match(text, /Secretary of State/);
      assert.match(text, /Mentioned in .*¶5/);
      assert.match(text, /> /, 'quotes the key sentence');
      assert.deepEqual(trusted.filter(Boolean), [], 'hover Markdown is never trusted');
    });

    it('on a flagged statement: the verdict and the evidence once, not the message VS Code already shows', async () => {
      const { text } = await hoverText(doc, 'is holding talks with Biden in Berlin', 4);
      assert.match(text, /\*\*Contradicted\*\* \(place, confidence \d+%\)/);
      const d = diagnosticAt(doc, 'Berlin');
      assert.ok(!text.includes(escapeMarkdown(d.message)), `the diagnostic’s message is not repeated: ${text}`);
      assert.equal(text.split(`${escapeMarkdown('starmer-washington')} ¶1`).length - 1, 1, text);
      assert.equal(text.split('\n').filter((l) => l.startsWith('> ')).length, 1, 'one passage');
      // The diagnostic's link to that passage is labelled with the reference's title, not a made-up file name.
      const related = d.relatedInformation?.[0];
      assert.ok(related);
      const ref = api.store.byKey('starmer-washington')!;
      assert.ok(ref.title.startsWith(related.location.uri.path.split('/').pop()!.replace(/…$/, '')), related.location.uri.path);
      assert.equal(related.message, 'evidence, ¶1');
    });

    it('on a citation: the cited paragraph', async () => {
      const { text } = await hoverText(doc, '[@starmer-washington, ¶3]', 5);
      const p3 = api.store.byKey('starmer-washington')!.paragraphs[2].text;
      assert.ok(text.includes(escapeMarkdown(p3.slice(0, 40))), text);
    });
  });

  describe('quick fixes', () => {
    it('corrects a wrong place with the source’s wording, and nothing else', async () => {
      const doc = await openCopy('sample-draft.md');
      const before = doc.getText();
      const d = diagnosticAt(doc, 'Berlin');
      const fix = (await actionsFor(doc, d)).find((a) => a.title.startsWith('Replace “Berlin”'));
      assert.ok(fix, 'a fix replaces Berlin');
      assert.equal(fix.isPreferred, true);
      await applyAndExpect(doc, fix, replaced(before, 'Berlin', 'Washington, D.C.'));
    });

    it('replaces a misquote with the exact words', async () => {
      const doc = await openCopy('sample-draft.md');
      const before = doc.getText();
      const d = diagnosticAt(doc, 'escalate the war and change its nature');
      const fix = (await actionsFor(doc, d)).find((a) => a.title.includes('quote'));
      assert.ok(fix);
      await applyAndExpect(doc, fix, replaced(before, 'escalate the war and change its nature', 'escalate the conflict and alter its nature'));
    });

    it('inserts a citation for a supported statement that has none', async () => {
      const doc = await openCopy('sample-draft.md');
      const before = doc.getText();
      const d = diagnosticAt(doc, 'Zelenskiy has been urging');
      const fix = (await actionsFor(doc, d)).find((a) => a.title.startsWith('Insert citation'));
      assert.ok(fix);
      await applyAndExpect(doc, fix, replaced(before, 'advanced Western missiles.', 'advanced Western missiles [@starmer-washington, ¶2].'));
    });

    it('changes a wrong locator and a mistyped key', async () => {
      const doc = await openCopy('sample-draft.md');
      let text = doc.getText();
      const loc = (await actionsFor(doc, diagnosticAt(doc, '¶9'))).find((a) => a.title === 'Change the locator to ¶6');
      assert.ok(loc);
      await applyAndExpect(doc, loc, (text = replaced(text, '¶9', '¶6')));
      await judged(doc);
      const key = (await actionsFor(doc, diagnosticAt(doc, 'starmer-washingon'))).find((a) => a.title === 'Change to “starmer-washington”');
      assert.ok(key);
      await applyAndExpect(doc, key, replaced(text, 'starmer-washingon]', 'starmer-washington]'));
    });

    it('suppresses a finding with an inline comment the checker honours', async () => {
      const doc = await openCopy('sample-draft.md');
      const before = doc.getText();
      const d = diagnosticAt(doc, 'Oval Office');
      const fix = (await actionsFor(doc, d)).find((a) => a.title.startsWith('Suppress'));
      assert.ok(fix);
      await applyAndExpect(doc, fix, replaced(before, 'in the Oval Office [@starmer-washingon].', 'in the Oval Office [@starmer-washingon]. <!-- factcheck-ignore -->'));
      await judged(doc);
      assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((x) => /Oval Office/.test(x.message)));
    });

    it('opens the source at the evidence', async () => {
      const doc = await openCopy('sample-draft.md');
      const open = (await actionsFor(doc, diagnosticAt(doc, 'Sunday'))).find((a) => a.title.startsWith('Open starmer-washington at ¶6'));
      assert.ok(open?.command);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(open.command.command, ...(open.command.arguments ?? []));
      assert.match(editor.document.getText(editor.selection), /talks might extend beyond Friday/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('fixes all safe findings at once: citations only, never what a statement asserts', async () => {
      const doc = await openCopy('sample-draft.md');
      const before = doc.getText();
      // Every safe fix the quick-fix menu offers on its own is one "fix all" makes.
      const single: string[] = [];
      for (const d of vscode.languages.getDiagnostics(doc.uri)) {
        for (const a of await actionsFor(doc, d)) {
          const args = a.command?.arguments?.[0] as { edits?: { start: number; end: number; newText: string }[] } | undefined;
          if (a.title.startsWith('Insert citation') || a.title.startsWith('Change the locator') || a.title.startsWith('Change to “')) single.push(...(args?.edits ?? []).map((e) => `${e.start}:${e.end}:${e.newText}`));
        }
      }
      assert.ok(single.length >= 3, single.join());
      const all = (await actionsFor(doc, diagnosticAt(doc, '¶9'))).find((a) => a.title.startsWith('Fix all safe'));
      assert.ok(all, 'the quick-fix menu offers fix all');
      const ok = await vscode.commands.executeCommand<boolean>('sourcecheck.fixAllSafe', doc.uri.toString());
      assert.equal(ok, true);
      const text = doc.getText();
      let expected = replaced(before, 'advanced Western missiles.', 'advanced Western missiles [@starmer-washington, ¶2].');
      expected = replaced(expected, 'starmer-washingon]', 'starmer-washington]');
      expected = replaced(expected, '¶9', '¶6');
      assert.equal(text, expected, 'exactly the key, the locator and the missing citation');
      for (const kept of ['in Berlin', 'beyond Sunday', 'Foreign Secretary Antony Blinken', '"escalate the war and change its nature"']) assert.ok(text.includes(kept), `not rewritten: ${kept}`);
      assert.equal(new Set(single).size, 3, 'each safe fix offered alone is one of the three made');
      assert.ok(text.includes('```text\nCode blocks are skipped: Putin endorsed the plan [@starmer-washington].\n```'), 'code block untouched');
    });

    it('refuses a fix computed for an older version of the draft', async () => {
      const doc = await openCopy('sample-draft.md');
      const fix = (await actionsFor(doc, diagnosticAt(doc, 'Berlin'))).find((a) => a.title.startsWith('Replace “Berlin”'));
      assert.ok(fix?.command);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), '\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = doc.getText();
      const ok = await vscode.commands.executeCommand<boolean>(fix.command.command, ...(fix.command.arguments ?? []));
      assert.equal(ok, false);
      assert.equal(doc.getText(), after, 'the newer text is left as it was');
    });
  });

  describe('completion', () => {
    it('offers reference keys inside [@ and paragraphs after , ¶', async () => {
      const doc = await openCopy('completion.md', 'Starmer met Biden [@\n\nStarmer met Biden [@starmer-washington, ¶\n');
      const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 20));
      const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const k of ['starmer-washington', 'harbour-bridge']) assert.ok(labels.includes(k), labels.join());
      const paras = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 41));
      const numbers = paras.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => /^\d+$/.test(l));
      assert.deepEqual(numbers.sort((a, b) => +a - +b), ['1', '2', '3', '4', '5', '6']);
      const one = paras.items.find((i) => i.label === '1')!;
      assert.match(String(one.documentation), /Keir Starmer/);
    });
  });

  describe('bibliographies', () => {
    it('a cited entry with no text is one information note whose “Attach a file…” writes the file into the .bib, after which the entry is judged', async () => {
      const bib = vscode.Uri.joinPath(root, 'tmp-bib-library.bib');
      const article = vscode.Uri.joinPath(root, 'tmp-bib-article.txt');
      const enc = (s: string) => new TextEncoder().encode(s);
      await vscode.workspace.fs.writeFile(
        bib,
        enc('@report{port2020,\n  title = {Port Authority Yearly Figures},\n  institution = {Port Authority},\n  year = {2020},\n  url = {javascript:alert(1)}\n}\n'),
      );
      await vscode.workspace.fs.writeFile(
        article,
        enc('The port authority said the harbour handled 4.2 million containers in 2020, a record for the port.\n\nHarbour master Lena Ortiz said the new cranes had shortened the wait for ships.\n'),
      );
      const doc = await openCopy(
        'bib-draft.md',
        '---\nbibliography: tmp-bib-library.bib\n---\n\nThe harbour handled 4.2 million containers in 2020 [@port2020].\n\nThe harbour handled 9 million containers in 2020 [@port2020].\n',
      );
      const note = await until('the no-text note', () => vscode.languages.getDiagnostics(doc.uri).find((d) => /No text of this source to check against/.test(d.message)));
      assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(doc.getText(note.range), 'port2020');
      const all = vscode.languages.getDiagnostics(doc.uri);
      assert.equal(all.length, 1, all.map((d) => d.message).join(' | '));
      const hover = await hoverText(doc, '@port2020', 3);
      assert.match(hover.text, /Port Authority Yearly Figures/);
      assert.match(hover.text, /no text of this source to check against/);
      assert.ok(!/\]\(javascript/i.test(hover.text), hover.text);
      const attach = (await actionsFor(doc, note)).find((a) => a.title === 'Attach a file…');
      assert.ok(attach?.command, 'the quick fix “Attach a file…”');
      const ok = await vscode.commands.executeCommand<boolean>(attach.command.command, ...(attach.command.arguments ?? []), article);
      assert.equal(ok, true);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(bib)), /file = \{:tmp-bib-article\.txt:text\/plain\},/);
      assert.ok(api.store.byKey('port2020'), 'the entry has text now');
      const wrong = await until('the draft judged against the attached file', () =>
        vscode.languages.getDiagnostics(doc.uri).find((d) => doc.getText(d.range).includes('9') && d.severity <= vscode.DiagnosticSeverity.Warning),
      );
      assert.ok(wrong);
      assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => /No text of this source/.test(d.message)));
      // The draft stops naming the bibliography, so deleting the files later reports nothing.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), 'No bibliography here.\n');
      await vscode.workspace.applyEdit(edit);
      await doc.save();
      await until('the bibliography to be dropped', () => !api.store.byKey('port2020') || undefined);
    });

    it('a bibliography the draft names that does not exist is said on the citations that need it', async () => {
      const doc = await openCopy('missing-bib-draft.md', '---\nbibliography: tmp-no-such-library.bib\n---\n\nThe harbour handled 4.2 million containers in 2020 [@port2020].\n');
      const d = await until('the unknown key to name the missing bibliography', () =>
        vscode.languages.getDiagnostics(doc.uri).find((x) => /Unknown reference “port2020”/.test(x.message) && /tmp-no-such-library\.bib.*does not exist/.test(x.message)),
      );
      assert.equal(doc.getText(d.range), 'port2020');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), 'No bibliography here.\n');
      await vscode.workspace.applyEdit(edit);
      await doc.save();
      await until('the missing bibliography to be forgotten', () => !api.store.bibliographyTrouble(doc.uri).length || undefined);
    });
  });

  describe('references that change under it', () => {
    it('re-judges open drafts when a reference file is edited, and reports a deleted one', async () => {
      const doc = await openCopy('bridge-draft.md');
      assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
      const refUri = vscode.Uri.joinPath(root, 'references', 'harbour-bridge.md');
      const original = await vscode.workspace.fs.readFile(refUri);
      try {
        const edited = new TextDecoder().decode(original).replace('said on Tuesday', 'said on Thursday');
        await vscode.workspace.fs.writeFile(refUri, new TextEncoder().encode(edited));
        await until('the draft to be re-judged against the edited reference', () => vscode.languages.getDiagnostics(doc.uri).find((d) => /Thursday, not Tuesday/.test(d.message)));
        await vscode.workspace.fs.delete(refUri);
        await until('the deleted reference to be reported', () => vscode.languages.getDiagnostics(doc.uri).find((d) => /Unknown reference “harbour-bridge”/.test(d.message)));
      } finally {
        await vscode.workspace.fs.writeFile(refUri, original);
      }
      await until('the restored reference to be used', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => /Unknown reference|Thursday/.test(d.message)) || undefined);
    });

    it('follows a renamed reference file', async () => {
      const doc = await openCopy('bridge-draft.md');
      const before = vscode.languages.getDiagnostics(doc.uri).map((d) => d.message).sort();
      const from = vscode.Uri.joinPath(root, 'references', 'harbour-bridge.md');
      const to = vscode.Uri.joinPath(root, 'references', 'renamed-bridge.md');
      await vscode.workspace.fs.rename(from, to);
      try {
        await until('the store to read the renamed file', () => api.store.fileOf('harbour-bridge')?.path.endsWith('/renamed-bridge.md') || undefined);
        await judged(doc);
        assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map((d) => d.message).sort(), before, 'the key comes from front matter, so nothing changes');
      } finally {
        await vscode.workspace.fs.rename(to, from);
      }
      await until('the store to read the original name again', () => api.store.fileOf('harbour-bridge')?.path.endsWith('/harbour-bridge.md') || undefined);
    });

    it('says clearly when a reference is not UTF-8 or shares a key, and keeps working', async () => {
      const bad = vscode.Uri.joinPath(root, 'references', 'latin1.md');
      const twin = vscode.Uri.joinPath(root, 'references', 'twin.md');
      const self = vscode.Uri.joinPath(root, 'references', 'self.md');
      try {
        await vscode.workspace.fs.writeFile(bad, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9, 0x2e]));
        await vscode.workspace.fs.writeFile(twin, new TextEncoder().encode('---\nkey: hostile\n---\n\nA second article that claims the hostile key for itself [@hostile].\n'));
        await vscode.workspace.fs.writeFile(self, new TextEncoder().encode('---\nkey: self\n---\n\nCouncillor Ada Byrne said the library would reopen in May [@self, ¶1].\n'));
        await until('both problems to be reported', () => api.store.issues.length >= 2 || undefined);
        // A reference that cites itself is only text to the checker: it loads and can be cited.
        await until('the self-citing reference', () => api.store.byKey('self'));
        const draft = await openCopy('self-draft.md', 'Ada Byrne said the library would reopen in June [@self].\n');
        await until('a verdict against the self-citing reference', () => vscode.languages.getDiagnostics(draft.uri).find((d) => /June/.test(doc(draft, d)) || /May/.test(d.message)));
        const messages = api.store.issues.map((i) => i.message).join('\n');
        assert.match(messages, /latin1\.md.*not valid UTF-8/);
        assert.match(messages, /Two references use the key “hostile”/);
        assert.ok(api.store.byKey('harbour-bridge') && api.store.byKey('starmer-washington'), 'the good references stay loaded');
      } finally {
        await vscode.workspace.fs.delete(bad);
        await vscode.workspace.fs.delete(twin);
        await vscode.workspace.fs.delete(self);
      }
      await until('the problems to clear', () => api.store.issues.length === 0 || undefined);
    });
  });

  describe('untrusted text stays inert', () => {
    it('escapes links, HTML and scripts from a reference in hovers', async () => {
      const doc = await openCopy('hostile-draft.md');
      const { text, trusted } = await hoverText(doc, 'Jonas Pike said', 2);
      assert.ok(text.length > 0, 'a hover is shown');
      assert.deepEqual(trusted.filter(Boolean), []);
      assert.ok(!text.includes('](command:'), text);
      assert.ok(!/<script|<img/i.test(text), text);
      assert.match(text, /&lt;script&gt;/);
    });

    it('shows the report with a strict policy and escaped text', async () => {
      await openCopy('hostile-draft.md');
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('sourcecheck.showReport');
      const html = api.report.html ?? '';
      assert.ok(panel);
      assert.equal(panel.webview.options.enableScripts, false);
      assert.deepEqual(panel.webview.options.enableCommandUris, ['sourcecheck.revealReportLine'], 'links may run only the command that reveals a line');
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src [^;"]+; img-src [^;"]+;"/);
      assert.ok(!/unsafe-inline|unsafe-eval|script-src/.test(html), 'no script may run');
      assert.ok(!/<script/i.test(html) && !/onerror=/i.test(html), 'no script from the draft or the source');
      assert.match(html, /Jonas Pike said the ferry service/);
      panel.dispose();
    });
  });

  describe('the report', () => {
    it('groups statements worst first, and each row opens its draft at its line', async () => {
      const doc = await openCopy('sample-draft.md');
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('sourcecheck.showReport');
      try {
        const html = api.report.html ?? '';
        const name = vscode.workspace.asRelativePath(doc.uri);
        const headings = [...html.matchAll(/<h2>([^<]+) <span/g)].map((m) => m[1]);
        assert.deepEqual(headings.filter((h) => h !== 'Suppressed'), ['Contradicted', 'Unsupported', 'Citation problems', 'Supported']);
        const berlin = doc.positionAt(doc.getText().indexOf('Starmer is holding talks'));
        const row = [...html.matchAll(/<a class="where" href="command:([\w.]+)\?([^"]+)"[^>]*>([^<]+)<\/a>/g)].find((m) => m[3] === `${name}:${berlin.line + 1}`);
        assert.ok(row, `a link to ${name}:${berlin.line + 1}`);
        const args = JSON.parse(decodeURIComponent(row[2].replace(/&amp;/g, '&'))) as unknown[];
        assert.equal(args[0], doc.uri.toString());
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>(row[1], ...args);
        assert.equal(editor?.document.uri.toString(), doc.uri.toString());
        assert.equal(editor.selection.active.line, berlin.line);
        assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === doc.uri.toString() && e.selection.active.line === berlin.line), 'the draft is shown at that line');
        // A command link for a document the report does not list does nothing.
        assert.equal(await vscode.commands.executeCommand(row[1], 'file:///etc/passwd', 0, 0), undefined);
      } finally {
        panel.dispose();
      }
    });
  });

  describe('large drafts', () => {
    it('judges a 10,000-word draft and records the time to diagnostics', async () => {
      const text = syntheticDraft(api.store.byKey('starmer-washington')!, 10_000);
      const uri = vscode.Uri.joinPath(root, `tmp-${++counter}-large.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const started = Date.now();
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await judged(doc);
      const diagnostics = await until('diagnostics on the large draft', () => vscode.languages.getDiagnostics(doc.uri).length > 0 || undefined);
      metrics.largeDraftWords = text.split(/\s+/).length;
      metrics.largeDraftToDiagnosticsMs = Date.now() - started;
      assert.ok(diagnostics);
    });

    it('judges only up to the configured size and says so', async () => {
      const config = vscode.workspace.getConfiguration('sourcecheck');
      await config.update('maxDraftChars', 2000, vscode.ConfigurationTarget.Workspace);
      try {
        const text = syntheticDraft(api.store.byKey('starmer-washington')!, 2_000);
        const doc = await openCopy('capped.md', text);
        const state = await until('a capped state', () => api.judge.stateOf(doc));
        assert.equal(state.truncated, true);
        assert.ok(state.text.length <= 2000 && text.startsWith(state.text));
        const lastLine = doc.positionAt(state.text.length).line;
        assert.ok(vscode.languages.getDiagnostics(doc.uri).every((d) => d.range.start.line <= lastLine));
      } finally {
        await config.update('maxDraftChars', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  describe('network', () => {
    it('made no network request from the extension during the whole suite', () => {
      assert.deepEqual(networkCalls, []);
    });
  });
});
