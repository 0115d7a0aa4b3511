// A table row's citation cell ("Source" column) cites the row's statements with its items, locators
// included: a wrong ¶ gets the locator fix as a trailing citation does, and the fix edits the
// citation cell (inside the row, the statement's extent for a row citation).
import { strict as assert } from 'node:assert';
import { checkDraft, DraftChecker, loadReference, parseDraft, referenceMetaFromText } from '../../src/core';

const refText = `---
key: quarry-vote
title: County board shuts Brindle quarry
---
The county board voted seven to two on Monday to close the Brindle quarry after months of complaints about dust.

Residents of Marlow Lane had collected four hundred signatures against the blasting.

The quarry's owner, Hollis Stoneworks, said it would appeal the decision.
`;
const ref = loadReference(refText, referenceMetaFromText(refText, 'quarry-vote.md'));

const table = (cite: string) => ['| Claim | Source |', '|---|---|', `| Hollis Stoneworks said it would appeal the decision | ${cite} |`, ''].join('\n');

describe('tablecite: a row citation cell cites its statements with their locators', () => {
  it('a wrong paragraph locator in the citation cell gets the fix, as in a paragraph', () => {
    const para = 'Hollis Stoneworks said it would appeal the decision [@quarry-vote, ¶1].\n';
    const p = checkDraft(para, [ref]).verdicts[0];
    assert.equal(p.kind, 'supported');
    assert.deepEqual(p.fixes.map((f) => f.edits[0].newText), ['¶3']);
    const text = table('[@quarry-vote, ¶1]');
    const r = checkDraft(text, [ref]);
    assert.equal(r.verdicts.length, 1, JSON.stringify(r.verdicts.map((v) => [v.kind, v.claim.text])));
    const v = r.verdicts[0];
    assert.equal(v.kind, 'supported');
    const fix = v.fixes.find((f) => f.kind === 'locator');
    assert.ok(fix, JSON.stringify(v.fixes));
    assert.equal(fix.edits[0].newText, '¶3');
    assert.equal(text.slice(fix.edits[0].start, fix.edits[0].end), '¶1');
    // Outside the statement's words, inside its row.
    const row = parseDraft(text).tableRows.find((x) => x.start <= v.claim.start && v.claim.end <= x.end)!;
    assert.ok(fix.edits[0].start >= v.claim.end && fix.edits[0].end <= row.end);
    assert.ok(fix.safe);
  });

  it('a right locator gets no fix; the writer\'s form is kept', () => {
    assert.deepEqual(checkDraft(table('[@quarry-vote, ¶3]'), [ref]).verdicts[0].fixes, []);
    const text = table('[@quarry-vote, para. 2]');
    const fix = checkDraft(text, [ref]).verdicts[0].fixes.find((f) => f.kind === 'locator')!;
    assert.equal(fix.edits[0].newText, 'para. 3');
  });

  it('after an edit in the statement cell the fix still edits the locator', () => {
    const checker = new DraftChecker([ref]);
    const before = `Intro words here.\n\n${table('[@quarry-vote, ¶2]')}`;
    checker.check(before);
    const text = before.replace('Hollis Stoneworks said', 'Hollis Stoneworks firmly said');
    const v = checker.check(text).verdicts.find((x) => x.claim.text.startsWith('Hollis'))!;
    const fix = v.fixes.find((f) => f.kind === 'locator')!;
    assert.ok(fix, JSON.stringify(v));
    assert.equal(text.slice(fix.edits[0].start, fix.edits[0].end), '¶2');
    // An edit in a cell between the statement and the citation moves the citation, not the statement.
    const three = ['| Claim | Note | Source |', '|---|---|---|', '| Hollis Stoneworks said it would appeal the decision | owner of the pit | [@quarry-vote, ¶2] |', ''].join('\n');
    checker.check(three);
    const edited = three.replace('owner of the pit', 'the owner of the pit');
    const w = checker.check(edited).verdicts.find((x) => x.claim.text.startsWith('Hollis'))!;
    const f2 = w.fixes.find((f) => f.kind === 'locator')!;
    assert.ok(f2, JSON.stringify(w));
    assert.equal(edited.slice(f2.edits[0].start, f2.edits[0].end), '¶2');
  });
});
