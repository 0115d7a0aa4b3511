// Wording of a few reference messages: the tag bound a saved page is refused at, an unclosed TOML
// string in front matter, and where to attach a file for a source without text.
import { strict as assert } from 'node:assert';
import { assembleBibliography, InputError, noTextMessage, parseBibliography, readFrontMatter, readReferenceSource } from '../../src/core';
import { MAX_TAGS } from '../../src/core/reference/formats/html';

describe('reference messages', () => {
  it('names the bound a saved page with too many tags is refused at as tags', async () => {
    const html = `<html><body>${'<b>x</b>'.repeat(MAX_TAGS + 5)}</body></html>`;
    await assert.rejects(readReferenceSource(new TextEncoder().encode(html), 'grid.html'), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, new RegExp(`saved pages of up to ${MAX_TAGS.toLocaleString('en')} tags are read\\.$`));
      return true;
    });
  });

  for (const [label, line] of [
    ['a basic string', 'title = "Tide tables for the estuary'],
    ['a literal string', "title = 'Tide tables for the estuary"],
  ]) {
    it(`says a TOML string left open is never closed (${label})`, () => {
      const fm = readFrontMatter(`+++\nkey = "tides"\n${line}\nurl = "https://example.org"\n+++\n\nBody text.\n`);
      assert.equal(fm.problem?.message, 'The front matter is not valid TOML (line 3): a string opened on line 3 is never closed. Its keys are not read.');
    });
  }

  it('keeps the reader’s message for other TOML errors', () => {
    const fm = readFrontMatter('+++\nkey = "tides"\nkey = "again"\n+++\n\nBody text.\n');
    assert.ok(fm.problem);
    assert.doesNotMatch(fm.problem.message, /never closed/);
  });

  const csl = (extra: string) =>
    JSON.stringify([{ id: 'tide-report', type: 'report', title: 'Estuary tide report', issued: { 'date-parts': [[2024, 5]] }, ...(extra ? { 'citation-key': extra } : {}) }]);

  it('points a hand-written CSL file’s source without text at the reference manager, a Zotero export’s at Zotero', () => {
    const hand = assembleBibliography(parseBibliography(csl(''), 'refs/sources.json'), new Map(), []).sources[0];
    assert.match(noTextMessage(hand), /Attach its file in sources\.json \(or in your reference manager\)/);
    const bbt = assembleBibliography(parseBibliography(csl('tide-report'), 'refs/export.json'), new Map(), []).sources[0];
    assert.match(noTextMessage(bbt), /Attach its file in export\.json \(or in Zotero\)/);
    const bib = '@report{tide,\n  title = {Estuary tide report},\n  file = {Full Text:/home/ana/Zotero/storage/Q1/tide.html:text/html},\n  year = {2024}\n}\n';
    const zot = assembleBibliography(parseBibliography(bib, 'refs/library.bib'), new Map([['tide', 'its attached file is missing']]), []).sources[0];
    assert.ok(zot.zotero);
  });
});
