// Completion of reference URLs inside a Markdown link's `](`, so a link citation is one pick away;
// and drafts that cite only in-text or by link are judged like any citing draft.
import { strict as assert } from 'node:assert';
import { loadReference, referenceMetaFromText } from '../../src/core';
import { completionsAt } from '../../src/vscode/present/completion';
import { citesAnything } from '../../src/vscode/present/scope';

const withUrl = (key: string, url: string) => {
  const text = `---\nkey: ${key}\ntitle: ${key} story\nurl: ${url}\noutlet: Harbour Weekly\n---\nThe ferry ran late on Tuesday.\n`;
  return loadReference(text, referenceMetaFromText(text, `${key}.md`));
};
const refs = [withUrl('ferry-late', 'https://harbour-weekly.example/ferry-late'), withUrl('odd-one', 'javascript:alert(1)'), loadReference('---\nkey: no-url\n---\nA line of text here.\n', { key: 'no-url', title: 'No URL', path: 'no-url.md' })];

describe('citeforms: URL completion in links', () => {
  it('offers the http(s) URLs of references inside `](`, replacing what is typed', () => {
    const line = 'The ferry ran late [on Tuesday](https://harb';
    const items = completionsAt(line, line.length, refs);
    assert.deepEqual(items.map((i) => i.insertText), ['https://harbour-weekly.example/ferry-late']);
    assert.deepEqual(items[0].replace, { start: line.indexOf('https://harb'), end: line.length });
    assert.match(items[0].detail, /ferry-late/);
    assert.match(items[0].documentation, /Harbour Weekly/);
  });

  it('offers them right after `](` too, and not outside a link', () => {
    const line = 'See [the story](';
    assert.equal(completionsAt(line, line.length, refs).length, 1);
    assert.deepEqual(completionsAt('See (the story', 14, refs), []);
    assert.deepEqual(completionsAt('See [the story](https://x.example) and', 38, refs), []);
  });
});

describe('citeforms: which drafts are judged when uncited drafts are not', () => {
  it('counts an in-text key or a link to a loaded reference as citing, and nothing else new', () => {
    assert.equal(citesAnything('As @ferry-late says, the ferry was late.', refs), true);
    assert.equal(citesAnything('The ferry was [late](http://www.harbour-weekly.example/ferry-late/?utm_medium=x).', refs), true);
    assert.equal(citesAnything('As @ferry-late says, the ferry was late.'), false, 'no references: no known keys');
    assert.equal(citesAnything('Ask @harbourdesk or read [this](https://elsewhere.example/a).', refs), false);
    assert.equal(citesAnything('Mail desk@ferry-late.org about it.', refs), false);
  });
});

describe('citeforms: page completion', () => {
  it('offers the pages of a paged reference after “, p.”, and none for a reference without pages', () => {
    const paged = withUrl('paged-report', 'https://harbour-weekly.example/report');
    const unpaged = withUrl('plain-report', 'https://harbour-weekly.example/plain');
    paged.paragraphs[0].page = 2;
    const line = 'The ferry ran late [@paged-report, p. ';
    const items = completionsAt(line, line.length, [paged, unpaged]);
    assert.deepEqual(items.map((i) => i.label), ['2']);
    assert.match(items[0].detail, /p\. 2 of paged-report/);
    const plain = 'The ferry ran late [@plain-report, p. ';
    assert.deepEqual(completionsAt(plain, plain.length, [paged, unpaged]), []);
    const para = 'The ferry ran late [@plain-report, ¶';
    assert.deepEqual(completionsAt(para, para.length, [paged, unpaged]).map((i) => i.label), ['1']);
  });
});

describe('citeforms: key completion in every form', () => {
  it('offers keys after an in-text @, a braced @{ and a prefixed [see @, never inside an e-mail address', () => {
    for (const line of ['As @fer', 'As @{fer', 'Late [see @fer', 'Late [@odd-one; -@fer', '@fer']) {
      const items = completionsAt(line, line.length, refs);
      assert.ok(items.some((i) => i.label === 'ferry-late'), line);
      assert.deepEqual(items[0].replace, { start: line.length - 3, end: line.length }, line);
    }
    assert.deepEqual(completionsAt('Mail desk@fer', 13, refs), []);
  });
});
