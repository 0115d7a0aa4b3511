// The citation grammar, tokenised with the same TextMate engine VS Code uses, injected into a small
// stand-in for the Markdown grammar (fenced code and inline code, which must stay untouched).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const CITATIONS = 'text.markdown.sourcecheck.citations';
const MARKDOWN = 'text.html.markdown';

// Just enough of the Markdown grammar to host the injection: code fences, code spans and HTML comments.
const markdownStandIn = {
  scopeName: MARKDOWN,
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};

let grammar: vsctm.IGrammar;

async function tokens(lines: string[]): Promise<{ text: string; scopes: string[] }[][]> {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const scopeOf = (line: { text: string; scopes: string[] }[], text: string) => line.find((t) => t.text === text)?.scopes ?? [];

describe('citation grammar', () => {
  before(async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => {
        if (scope === CITATIONS) return vsctm.parseRawGrammar(readFileSync(join(root, 'syntaxes/citations.tmLanguage.json'), 'utf8'), 'citations.tmLanguage.json');
        if (scope === MARKDOWN) return vsctm.parseRawGrammar(JSON.stringify(markdownStandIn), 'markdown.json');
        return null;
      },
      getInjections: (scope) => (scope === MARKDOWN ? [CITATIONS] : undefined),
    });
    const g = await registry.loadGrammar(MARKDOWN);
    assert.ok(g, 'the host grammar loads');
    grammar = g;
  });

  it('is the grammar package.json injects into Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const entry = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === CITATIONS);
    assert.deepEqual(entry.injectTo, [MARKDOWN]);
    assert.equal(JSON.parse(readFileSync(join(root, entry.path), 'utf8')).scopeName, CITATIONS);
  });

  it('scopes the key and the locator of a bracketed citation', async () => {
    const [line] = await tokens(['Starmer met Biden [@starmer-washington, ¶3].']);
    assert.ok(scopeOf(line, 'starmer-washington').includes('entity.name.tag.citation-key.sourcecheck'));
    assert.ok(scopeOf(line, '¶').includes('keyword.other.locator.sourcecheck'));
    assert.ok(scopeOf(line, '3').includes('constant.numeric.locator.sourcecheck'));
    assert.ok(scopeOf(line, '[').includes('punctuation.definition.citation.begin.sourcecheck'));
    assert.ok(scopeOf(line, ']').includes('punctuation.definition.citation.end.sourcecheck'));
    assert.ok(!scopeOf(line, 'Starmer met Biden ').some((s) => s.includes('sourcecheck')), 'prose before the citation is not scoped');
  });

  it('scopes each key of a multi-citation and "para." locators', async () => {
    const [line] = await tokens(['As reported [see @a-one, para. 2; @b_two].']);
    assert.ok(scopeOf(line, 'a-one').includes('entity.name.tag.citation-key.sourcecheck'));
    assert.ok(scopeOf(line, 'b_two').includes('entity.name.tag.citation-key.sourcecheck'));
    assert.ok(scopeOf(line, ';').includes('punctuation.separator.citation.sourcecheck'));
    assert.ok(scopeOf(line, '2').includes('constant.numeric.locator.sourcecheck'));
  });

  it('scopes a key in a footnote and the suppression comments', async () => {
    const [note, inline, region] = await tokens(["[^1]: Lammy's remarks, @starmer-washington, ¶6.", 'A claim. <!-- factcheck-ignore -->', '<!-- factcheck-disable-next-line -->']);
    assert.ok(scopeOf(note, 'starmer-washington').includes('entity.name.tag.citation-key.sourcecheck'));
    assert.ok(scopeOf(note, '6').includes('constant.numeric.locator.sourcecheck'));
    assert.ok(scopeOf(inline, 'factcheck-ignore').includes('keyword.control.suppression.sourcecheck'));
    assert.ok(scopeOf(region, 'factcheck-disable-next-line').includes('keyword.control.suppression.sourcecheck'));
  });

  it('leaves links, e-mail addresses, code and ordinary comments alone', async () => {
    const lines = await tokens(['See [the report](https://example.com) or mail desk@example.com.', 'Run `[@not-a-citation]` here.', '```', 'Putin endorsed the plan [@starmer-washington].', '```', '<!-- note: [@x] -->']);
    for (const line of lines) {
      for (const t of line) assert.ok(!t.scopes.some((s) => s.includes('citation-key')), `“${t.text}” must not be a citation key (${t.scopes.join(' ')})`);
    }
  });
  it('scopes braced keys, in-text keys with a bracketed locator, and page and chapter locators', async () => {
    const [braced, inText, pages, inTextBraced] = await tokens([
      'The pier reopened [@{pier-works}].',
      'Then @pier-works [¶4] says it reopened.',
      'Costs rose [see @pier-works, pp. 3-5; also @dock-audit, ch. 1].',
      'As @{harbour:board.2025.} found, tolls rose.',
    ]);
    const key = 'entity.name.tag.citation-key.sourcecheck';
    assert.ok(scopeOf(braced, 'pier-works').includes(key));
    assert.ok(scopeOf(braced, '{').includes('punctuation.definition.citation-key.brace.sourcecheck'));
    assert.ok(scopeOf(inText, 'pier-works').includes(key));
    assert.ok(scopeOf(inText, '¶').includes('keyword.other.locator.sourcecheck'));
    assert.ok(scopeOf(inText, '4').includes('constant.numeric.locator.sourcecheck'));
    assert.ok(scopeOf(inText, '[').includes('punctuation.definition.citation.begin.sourcecheck'));
    assert.ok(!scopeOf(inText, ' says it reopened.').some((x) => x.includes('sourcecheck')), 'prose after the locator is not scoped');
    assert.ok(scopeOf(pages, 'pp.').includes('keyword.other.locator.sourcecheck'));
    assert.ok(scopeOf(pages, '3-5').includes('constant.numeric.locator.sourcecheck'));
    assert.ok(scopeOf(pages, 'ch.').includes('keyword.other.locator.sourcecheck'));
    assert.ok(scopeOf(pages, 'dock-audit').includes(key));
    assert.ok(scopeOf(inTextBraced, 'harbour:board.2025.').includes(key));
  });

  it('leaves e-mail addresses, cross-references, escaped @ and handles in URLs alone', async () => {
    const lines = await tokens([
      'Write to desk@pier-works.org today.',
      'See @sec-intro and @fig-map, or @Tbl-tolls.',
      'The figure [@fig-pier] shows it.',
      'Type \\@pier-works to cite.',
      'Posted at https://social.example/@pierwatch today.',
      'A <span title="@pier-works">pier</span> here.',
    ]);
    for (const line of lines) {
      for (const t of line) assert.ok(!t.scopes.some((x) => x.includes('citation-key')), `“${t.text}” must not be a citation key (${t.scopes.join(' ')})`);
    }
  });
});
