import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, parseBibliography, unreadableSources, type Reference } from '../../src/core';
import { isNearMiss, nearestCitationKey } from '../../src/core/draft/keys';

const orchard = (key: string, extra: Partial<Reference> = {}) =>
  loadReference('The Pellworth orchard cooperative pressed nine tonnes of cider apples in October.\n\nThe press hall on Marrow Lane reopened after repairs.', { key, title: `Orchard ${key}`, path: `/refs/${key}.md`, ...extra });
const STATEMENT = 'The Pellworth orchard cooperative pressed nine tonnes of cider apples in October';

describe('fixcite: unknown-key suggestions keep to the edit-distance rule', () => {
  it('suggests only keys within one edit (4 to 7 characters) or two (from 8), swaps counting one', () => {
    assert.equal(nearestCitationKey('cider', ['acider-x', 'ciders']), 'ciders');
    assert.equal(nearestCitationKey('orchard', ['preorchard']), undefined);
    assert.equal(nearestCitationKey('orchrad-press', ['orchard-press']), 'orchard-press');
    assert.equal(nearestCitationKey('orhcrad-press', ['orchard-press']), 'orchard-press');
    assert.equal(nearestCitationKey('orhcrda-press', ['orchard-press']), undefined);
    assert.equal(nearestCitationKey('map-image', ['map-lines']), undefined);
    assert.equal(nearestCitationKey('abc', ['abd']), undefined);
    assert.ok(isNearMiss('Pelworth', 'pellworth'));
    assert.equal(nearestCitationKey('press-hal', ['press-hall', 'press-halls']), 'press-hall');
  });

  it('offers no key fix for a key that merely contains another', () => {
    const text = `${STATEMENT} [@pressed].\n`;
    const r = checkDraft(text, [orchard('unpressed')]);
    const p = r.problems.find((x) => x.code === 'unknown-key');
    assert.ok(p);
    assert.doesNotMatch(p.message, /Did you mean/);
    assert.deepEqual(p.fixes, []);
  });

  it('says where an entry that failed to parse is, with no key fix', () => {
    const bib = '@misc{cider-ledger,\n  title = {Cider ledger},\n  url = {https://example.org/ledger}\n}\n@article{pressnote,\n  title = {Press note\n  author = {Nobody}\n@article{unpressnote,\n  title = {Other},\n  url = {https://example.org/other}\n}\n';
    const parsed = parseBibliography(bib, '/lib/orchard.bib');
    const sources = unreadableSources(parsed);
    assert.deepEqual(sources.map((s) => s.key), ['pressnote']);
    const text = `${STATEMENT} [@pressnote].\n`;
    const r = checkDraft(text, [orchard('unpressnote')], { knownSources: sources });
    const p = r.problems.find((x) => x.code === 'unknown-key');
    assert.ok(p, JSON.stringify(r.problems));
    assert.match(p.message, /^“pressnote” is in orchard\.bib line 5, which could not be read: /);
    assert.deepEqual(p.fixes, []);
  });
});
