// Hover cards, quick fixes and citation completion: translations of the engine's results, registered
// for exactly the languages diagnostics are given for (`sourcecheck.languages`).
import * as vscode from 'vscode';
import { findCitations, looksLikeCitation, suppressionEdit, type Fix, type TextEdit } from '../core';
export { safeEdits } from './present/fixes';
import { completionsAt } from './present/completion';
import type { DiagnosticSpec } from './present/diagnostics';
import { fixAllPlan } from './present/fixes';
import { hoverAt } from './present/hover';
import type { DraftJudge } from './judging';
import type { ReferenceStore } from './references';
import { readSettings } from './settings';
import { rangeIn } from './judging';
import { COMMANDS } from './commandIds';

export { COMMANDS } from './commandIds';

/** Arguments of the applyFix command: the edits were computed for exactly this document version. */
export interface FixArgs {
  uri: string;
  version: number;
  edits: TextEdit[];
  title: string;
}

export class HoverCards implements vscode.HoverProvider {
  constructor(
    private readonly judge: DraftJudge,
    private readonly store: ReferenceStore,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.judge.isDraft(doc)) return undefined;
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const state = this.judge.stateOf(doc) ?? (await this.judge.judgeNow(doc));
    const line = doc.lineAt(position.line);
    const lineStart = doc.offsetAt(line.range.start);
    const lineEnd = doc.offsetAt(line.range.end);
    // An in-text `@handle` that the checker did not take for a citation gets no citation card.
    // The references of the draft's own folder (each folder has its own set).
    const references = this.store.referencesFor(doc.uri);
    const keys = references.map((r) => r.key);
    const citations = findCitations(text, lineStart, lineEnd).filter((c) => c.form !== 'in-text' || c.items.some((i) => keys.includes(i.key)) || looksLikeCitation(c, keys));
    // Links that cite a reference by its URL, as the last check resolved them.
    for (const v of state?.result.verdicts ?? []) for (const c of v.claim.citations) if (c.form === 'link' && c.start >= lineStart && c.end <= lineEnd && !citations.some((x) => x.start === c.start)) citations.push(c);
    // VS Code shows a diagnostic's message in the same hover: the card does not repeat it.
    const diagnosed = new Set(state?.specs.filter((s) => s.verdict >= 0).map((s) => s.verdict));
    const card = hoverAt(text, offset, state?.result, references, (key, span) => this.link(key, span, doc.uri), citations, diagnosed, this.store.sourcesFor(doc.uri));
    if (!card) return undefined;
    // Reference and draft text is untrusted: never enable command links or HTML in the card.
    const md = new vscode.MarkdownString(card.markdown, false);
    md.isTrusted = false;
    md.supportHtml = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(card.span.start), doc.positionAt(card.span.end)));
  }

  /** A link that opens a reference file at a passage; built-in references open from the diagnostic's related link or the Open Reference command. */
  private link(key: string, span: { start: number; end: number }, draft: vscode.Uri): string | undefined {
    // Untrusted hover Markdown only follows file and remote links, so built-in references have none.
    const uri = this.store.fileOf(key, draft);
    const ref = this.store.byKey(key, draft);
    // A saved page's or PDF's lines are not those of its extracted text: such passages open from the related link.
    if (!uri || !ref || ref.format === 'html' || ref.format === 'pdf') return undefined;
    const r = rangeIn(ref.text, span);
    return uri.with({ fragment: `L${r.start.line + 1},${r.start.character + 1}` }).toString();
  }
}

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.SourceFixAll.append('sourcecheck')];

  constructor(
    private readonly judge: DraftJudge,
    private readonly store: ReferenceStore,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.judge.stateOf(doc);
    if (!state) return [];
    if (context.only && vscode.CodeActionKind.SourceFixAll.contains(context.only)) {
      return this.fixAllAction(doc);
    }
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter((d) => d.source === 'Source Check');
    const diagFor = (spec: DiagnosticSpec) => ours.filter((d) => d.range.start.line === spec.range.start.line && d.range.start.character === spec.range.start.character && d.message === spec.message);
    for (const spec of state.specs) {
      if (spec.span.end < start || spec.span.start > end) continue;
      const diagnostics = diagFor(spec);
      const fixes: Fix[] = spec.verdict >= 0 ? state.result.verdicts[spec.verdict].fixes : state.result.problems[spec.problem].fixes;
      fixes.forEach((fix, i) => actions.push(this.fixAction(doc, fix.title, fix.edits, diagnostics, i === 0 && fix.kind !== 'insert-citation')));
      const p = spec.problem >= 0 ? state.result.problems[spec.problem] : undefined;
      // Only an entry of a bibliography file can record an attachment (not the draft's inline CSL items).
      // The command finds the entry in the active editor's folder, where this quick fix is run; the
      // key alone is passed, so a caller may append the file to attach.
      if (p?.code === 'no-text' && this.store.homeOf(state.text.slice(p.start, p.end), doc.uri)) {
        const attach = new vscode.CodeAction('Attach a file…', vscode.CodeActionKind.QuickFix);
        attach.command = { command: COMMANDS.attachFile, title: attach.title, arguments: [state.text.slice(p.start, p.end)] };
        attach.diagnostics = diagnostics;
        attach.isPreferred = true;
        actions.push(attach);
      }
      if (spec.verdict >= 0) {
        const v = state.result.verdicts[spec.verdict];
        const ev = v.evidence[0];
        if (ev) {
          const open = new vscode.CodeAction(`Open ${ev.reference} at ¶${ev.paragraph}`, vscode.CodeActionKind.QuickFix);
          open.command = { command: COMMANDS.openReference, title: open.title, arguments: [ev.reference, ev.paragraph, { start: ev.start, end: ev.end }, doc.uri.toString()] };
          open.diagnostics = diagnostics;
          actions.push(open);
        }
        actions.push(this.fixAction(doc, 'Suppress this finding (add a factcheck-ignore comment)', [suppressionEdit(state.text, v.claim)], diagnostics, false));
      }
    }
    // Safe fixes only mend citations (key, locator, a missing citation); rewording stays one fix at a time.
    const safe = fixAllPlan(state).fixes;
    if (actions.length && safe.length > 1) {
      const all = new vscode.CodeAction(`Fix all safe Source Check findings in this file (${safe.length})`, vscode.CodeActionKind.QuickFix);
      all.command = { command: COMMANDS.fixAll, title: all.title, arguments: [doc.uri.toString(), state.version] };
      actions.push(all);
    }
    return actions;
  }

  private fixAllAction(doc: vscode.TextDocument): vscode.CodeAction[] {
    const state = this.judge.stateOf(doc);
    if (!state) return [];
    const { edits } = fixAllPlan(state);
    if (!edits.length) return [];
    const a = new vscode.CodeAction('Fix all safe Source Check findings', vscode.CodeActionKind.SourceFixAll.append('sourcecheck'));
    a.command = { command: COMMANDS.applyFix, title: a.title, arguments: [{ uri: doc.uri.toString(), version: state.version, edits, title: a.title } satisfies FixArgs] };
    return [a];
  }

  private fixAction(doc: vscode.TextDocument, title: string, edits: TextEdit[], diagnostics: vscode.Diagnostic[], preferred: boolean): vscode.CodeAction {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    const state = this.judge.stateOf(doc)!;
    // A command rather than an edit, so a fix computed for an older version is refused, not misapplied.
    a.command = { command: COMMANDS.applyFix, title, arguments: [{ uri: doc.uri.toString(), version: state.version, edits, title } satisfies FixArgs] };
    a.diagnostics = diagnostics;
    a.isPreferred = preferred;
    return a;
  }
}

/** Applies edits computed for `args.version`; refuses when the document has moved on since. */
export async function applyFix(args: FixArgs): Promise<boolean> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  if (!doc) {
    void vscode.window.showWarningMessage('The draft for this fix is no longer open; nothing was changed.');
    return false;
  }
  if (doc.version !== args.version) {
    void vscode.window.showWarningMessage(`The draft changed after “${args.title}” was computed; nothing was changed. Try the fix again once the draft is re-checked.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of args.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return vscode.workspace.applyEdit(edit);
}

export class CitationCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = ['@', '¶', ' ', ',', '('];

  constructor(
    private readonly judge: DraftJudge,
    private readonly store: ReferenceStore,
  ) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    if (!this.judge.isDraft(doc)) return [];
    const line = doc.lineAt(position.line);
    const lineStart = doc.offsetAt(line.range.start);
    const lineText = line.text.slice(0, position.character);
    return completionsAt(lineText, lineText.length, this.store.referencesFor(doc.uri)).map((c) => {
      const item = new vscode.CompletionItem(c.label, /^\d+$/.test(c.label) ? vscode.CompletionItemKind.Value : vscode.CompletionItemKind.Reference);
      item.insertText = c.insertText;
      item.detail = c.detail;
      item.documentation = c.documentation;
      item.sortText = c.sortText;
      item.range = new vscode.Range(doc.positionAt(lineStart + c.replace.start), doc.positionAt(lineStart + c.replace.end));
      return item;
    });
  }
}

export interface LanguageFeatureDeps {
  judge: DraftJudge;
  store: ReferenceStore;
}

/** The document selector for the draft languages the settings name. */
export function draftSelector(languages: readonly string[]): vscode.DocumentSelector {
  return languages.map((language) => ({ language }));
}

/**
 * Registers hovers, quick fixes and completion for the languages in `sourcecheck.languages`, the same
 * documents diagnostics are given for, and registers them again when that setting changes.
 */
export function registerLanguageFeatures(deps: LanguageFeatureDeps): vscode.Disposable[] {
  let registered: vscode.Disposable[] = [];
  let current = '';
  const register = () => {
    const languages = readSettings().languages;
    const key = JSON.stringify(languages);
    if (key === current) return;
    current = key;
    for (const d of registered) d.dispose();
    // The command palette shows the draft commands for these languages (`editorLangId in sourcecheck.languages`).
    void vscode.commands.executeCommand('setContext', 'sourcecheck.languages', languages);
    const selector = draftSelector(languages);
    registered = [
      vscode.languages.registerHoverProvider(selector, new HoverCards(deps.judge, deps.store)),
      vscode.languages.registerCodeActionsProvider(selector, new QuickFixes(deps.judge, deps.store), { providedCodeActionKinds: QuickFixes.kinds }),
      vscode.languages.registerCompletionItemProvider(selector, new CitationCompletions(deps.judge, deps.store), ...CitationCompletions.triggers),
    ];
  };
  // Right after activation rather than during it: the first configuration read of a window costs
  // the extension host some 10 to 30 ms, and a hover asked for in that moment has no verdicts to show yet.
  let disposed = false;
  const soon = setImmediate(() => disposed || register());
  return [
    { dispose: () => ((disposed = true), clearImmediate(soon)) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sourcecheck.languages')) register();
    }),
    { dispose: () => registered.forEach((d) => d.dispose()) },
  ];
}
