// A PDF read only in part (past the page or character cap): a page locator past the pages read is
// neither past the end nor "fixed", and the statement is not judged against pages it does not cite.
import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, readReferenceSource } from '../../src/core';
import { linesPdf } from '../support/pdfs';

const PAGES = [
  ['The salt marsh survey counted 412', 'nesting terns in May.'],
  ['Volunteers ringed 95 chicks before', 'the July storms.'],
  ['The warden asked the council for', 'a second boardwalk.'],
];

describe('a PDF read in part: locators past the pages read', function () {
  this.timeout(60_000);

  it('knows its page count and how many pages were read', async () => {
    const bytes = await linesPdf(PAGES);
    const whole = await readReferenceSource(bytes, 'survey.pdf');
    assert.equal(whole.meta.pageCount, 3);
    assert.equal(whole.meta.pagesRead, 3);
    const part = await readReferenceSource(bytes, 'survey.pdf', 100);
    assert.equal(part.meta.pageCount, 3);
    assert.equal(part.meta.pagesRead, 1);
  });

  it('notes a page past those read (no fix, not judged) and still reports one past the end', async () => {
    const bytes = await linesPdf(PAGES);
    const s = await readReferenceSource(bytes, 'survey.pdf', 100);
    const ref = loadReference(s.text, s.meta, s.pages);
    assert.equal(ref.pagesRead, 1);
    const draft = [
      'The warden asked the council for a second boardwalk [@survey, p. 3].',
      '',
      'The salt marsh survey counted 412 nesting terns in May [@survey, p. 1].',
      '',
      'The salt marsh survey counted 412 nesting terns in May [@survey, p. 7].',
    ].join('\n');
    const r = checkDraft(draft, [ref]);
    const at = (s: string) => draft.indexOf(s);
    const note = r.problems.find((p) => p.start === at('p. 3'));
    assert.ok(note, JSON.stringify(r.problems));
    assert.equal(note.code, 'not-checked');
    assert.equal(note.message, 'p. 3 is past the one page read of survey.pdf (3 pages); the statement is not checked against it.');
    assert.deepEqual(note.fixes, []);
    assert.ok(!r.verdicts.some((v) => v.claim.start === 0), 'the statement citing an unread page is not judged');
    assert.ok(r.verdicts.some((v) => v.claim.start === at('The salt marsh') && v.kind === 'supported'));
    const past = r.problems.find((p) => p.start === at('p. 7'));
    assert.equal(past?.code, 'locator-out-of-range');
    assert.match(past!.message, /has 3 pages; p\. 7 is past its end/);
  });
});
