// Completion of reference URLs inside a Markdown link's `](`, so a link citation is one pick away.
import { strict as assert } from 'node:assert';
import { loadReference, referenceMetaFromText } from '../../src/core';
import { completionsAt } from '../../src/vscode/present/completion';

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
