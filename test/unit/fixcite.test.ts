import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, parseBibliography, safeFixes, unreadableSources, type Reference } from '../../src/core';
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

describe('fixcite: every kind of link to a reference URL cites it', () => {
  const url = 'https://pellworth-gazette.example/orchard/cider-harvest/';
  const ref = orchard('cider-harvest', { url });
  const forms = [
    `${STATEMENT}, says [the Gazette][gz].\n\n[gz]: ${url}?utm_campaign=autumn\n`,
    `${STATEMENT}, says [the Gazette].\n\n[the gazette]: ${url}\n`,
    `${STATEMENT}, says <https://www.pellworth-gazette.example/orchard/cider-harvest>.\n`,
    `${STATEMENT}, says https://pellworth-gazette.example/orchard/cider-harvest today.\n`,
    `${STATEMENT}, says <a href="${url}">the Gazette</a>.\n`,
    `${STATEMENT}, says [the Gazette](${url}).\n`,
  ];
  for (const text of forms) {
    it(`cites from ${JSON.stringify(text.slice(STATEMENT.length, STATEMENT.length + 24))}`, () => {
      const r = checkDraft(text, [ref, orchard('unrelated')]);
      const v = r.verdicts.find((x) => x.claim.text.startsWith('The Pellworth'));
      assert.ok(v, JSON.stringify(r.verdicts.map((x) => x.claim.text)));
      assert.deepEqual(v.claim.cited, ['cider-harvest']);
    });
  }

  it('a link to a known source without text gives its no-text note and is judged against no other source', () => {
    const text = `The Pellworth orchard cooperative pressed eleven tonnes of cider apples in October, the [radio](https://radio-pellworth.example/cider) said.\n\nThe press hall on Marrow Lane reopened after repairs [@cider-harvest].\n`;
    const r = checkDraft(text, [ref], { knownSources: [{ key: 'radio-cider', title: 'Radio cider piece', url: 'https://radio-pellworth.example/cider', declaredIn: '/lib/orchard.bib' }] });
    const note = r.problems.find((p) => p.code === 'no-text');
    assert.ok(note, JSON.stringify(r.problems));
    assert.equal(text.slice(note.start, note.end), 'https://radio-pellworth.example/cider');
    assert.equal(r.verdicts.filter((v) => v.claim.text.includes('eleven')).length, 0, JSON.stringify(r.verdicts.map((v) => [v.claim.text, v.kind])));
  });
});

describe('fixcite: a draft whose own bibliography is missing is still checked', () => {
  const { mkdtempSync, writeFileSync, rmSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { join } = require('node:path') as typeof import('node:path');
  const { runCheck } = require('../../src/cli/check') as typeof import('../../src/cli/check');
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fixcite-'));
    writeFileSync(join(dir, 'orchard.md'), '---\nkey: cider-press\ntitle: Cider press\n---\nThe Pellworth orchard cooperative pressed nine tonnes of cider apples in October.\n');
    writeFileSync(join(dir, 'draft.md'), `---\ntitle: Cider\nbibliography: gone/cider.bib\n---\n${STATEMENT} [@cider-press].\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('warns on the bibliography: value and judges the rest (exit 1, not 2)', () => {
    let out = '';
    const code = runCheck([join(dir, 'draft.md')], 'json', (s) => (out += s), { references: [join(dir, 'orchard.md')] });
    const json = JSON.parse(out) as { files: { claims: { cited: string[] }[]; problems: { code: string; message: string; range: { start: { line: number; character: number } } }[] }[] };
    const p = json.files[0].problems.find((x) => x.code === 'front-matter');
    assert.ok(p, out);
    assert.match(p.message, /“gone\/cider\.bib”/);
    assert.deepEqual(p.range.start, { line: 2, character: 14 });
    assert.deepEqual(json.files[0].claims.map((c) => c.cited), [['cider-press']]);
    assert.equal(code, 1);
  });

  it('says on an unknown key that the draft’s bibliography could not be read', () => {
    writeFileSync(join(dir, 'draft-keys.md'), `---\nbibliography: gone/cider.bib\n---\nThe press hall reopened after repairs in the spring [@pressbook2023].\n`);
    let out = '';
    runCheck([join(dir, 'draft-keys.md')], 'json', (s) => (out += s), { references: [join(dir, 'orchard.md')] });
    const json = JSON.parse(out) as { files: { problems: { code: string; message: string }[] }[] };
    const unknown = json.files[0].problems.find((x) => x.code === 'unknown-key');
    assert.ok(unknown, out);
    assert.match(unknown.message, /the bibliography “gone\/cider\.bib” could not be read/);
  });

  it('keeps exit 2 (an InputError) for a --bibliography that cannot be read', () => {
    assert.throws(() => runCheck([join(dir, 'draft.md')], 'json', () => {}, { references: [join(dir, 'orchard.md')], bibliographies: [join(dir, 'nowhere.bib')] }), /does not exist/);
  });
});

describe('fixcite: the misquote fix keeps the source quote’s last word', () => {
  const quoteRef = (body: string) => loadReference(`${body}\n\nThe press hall on Marrow Lane reopened after repairs in the spring.`, { key: 'press-talk', title: 'Press talk', path: '/refs/press-talk.md' });
  const fixOf = (text: string, ref: Reference) => {
    const r = checkDraft(text, [ref]);
    const v = r.verdicts.find((x) => x.category === 'quote');
    assert.ok(v, JSON.stringify(r.verdicts.map((x) => [x.kind, x.category, x.message])));
    const fix = v.fixes.find((f) => /quote/i.test(f.title));
    assert.ok(fix, JSON.stringify(v.fixes));
    return fix.edits[0].newText;
  };

  it('takes a source word left out before the quote’s last word, up to that word', () => {
    const ref = quoteRef('"After nine dry summers the growers of Pellworth finally own a proper press," Hale told the meeting on Monday.');
    const text = '"After nine dry summers the growers of Pellworth finally got a press," Hale said [@press-talk].\n';
    assert.equal(fixOf(text, ref), 'After nine dry summers the growers of Pellworth finally own a proper press');
  });

  it('stops at the quote’s end when the source goes on past it', () => {
    const ref = quoteRef('"After nine dry summers the growers of Pellworth finally own a proper press and a cold store for the whole valley," Hale told the meeting.');
    const text = '"After nine dry summers the growers of Pellworth finally got a press," Hale said [@press-talk].\n';
    assert.equal(fixOf(text, ref), 'After nine dry summers the growers of Pellworth finally own a proper press');
  });

  it('keeps the last word when punctuation follows it inside the source’s marks', () => {
    const ref = quoteRef('Hale said: "After nine dry summers the growers of Pellworth finally own a proper press!" The meeting agreed.');
    const text = '"After nine dry summers the growers of Pellworth finally got a press," Hale said [@press-talk].\n';
    assert.equal(fixOf(text, ref), 'After nine dry summers the growers of Pellworth finally own a proper press');
  });
});

describe('fixcite: a contradicted statement gets the locator fix, outside fix all', () => {
  it('offers ¶1 for a wrong ¶ on a contradicted statement, not applied by fix all', () => {
    const ref = orchard('cider-ledger');
    const text = 'The Pellworth orchard cooperative pressed four tonnes of cider apples in October [@cider-ledger, ¶2].\n';
    const r = checkDraft(text, [ref]);
    const v = r.verdicts.find((x) => x.claim.text.includes('four tonnes'));
    assert.ok(v);
    assert.equal(v.kind, 'contradicted');
    const fix = v.fixes.find((f) => f.kind === 'locator');
    assert.ok(fix, JSON.stringify(v.fixes.map((f) => f.title)));
    assert.equal(fix.edits[0].newText, '¶1');
    assert.equal(fix.safe, false);
    assert.ok(!safeFixes(r).some((f) => f.kind === 'locator'));
  });
});

describe('fixcite: key clashes are named, and an @ in a link label is no citation', () => {
  const { mkdtempSync, writeFileSync, rmSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { join } = require('node:path') as typeof import('node:path');
  const { loadBibliographies } = require('../../src/cli/bibliographies') as typeof import('../../src/cli/bibliographies');

  it('warns when a bibliography entry has the key of a loaded reference, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixcite-bib-'));
    try {
      const bib = join(dir, 'orchard.bib');
      writeFileSync(bib, '@misc{cider-harvest,\n  title = {Harvest notes without text}\n}\n@misc{cider-stores,\n  title = {Stores}\n}\n');
      const got = loadBibliographies([bib], [orchard('cider-harvest')]);
      const w = got.warnings.find((x) => x.includes('“cider-harvest”'));
      assert.ok(w, JSON.stringify(got.warnings));
      assert.match(w, /orchard\.bib/);
      assert.match(w, /\/refs\/cider-harvest\.md/);
      assert.deepEqual(got.sources.map((s) => s.key), ['cider-stores']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads `[see @key](url)` as link text, as Pandoc does', () => {
    const text = `${STATEMENT} ([see @cider-press](https://elsewhere.example/page)).\n`;
    const r = checkDraft(text, [orchard('cider-press')]);
    assert.ok(!r.verdicts.some((v) => v.claim.cited.includes('cider-press') && v.claim.explicitlyCited), JSON.stringify(r.verdicts.map((v) => [v.claim.text, v.claim.cited])));
    assert.ok(!r.problems.some((p) => p.code === 'unknown-key'));
    const plain = checkDraft(`${STATEMENT} (see @cider-press).\n`, [orchard('cider-press')]);
    assert.ok(plain.verdicts.some((v) => v.claim.cited.includes('cider-press') && v.claim.explicitlyCited));
  });
});

describe('fixcite: an <a href> inside an HTML comment cites nothing', () => {
  it('leaves a commented-out anchor alone', () => {
    const url = 'https://pellworth-gazette.example/orchard/cider-harvest/';
    const text = `${STATEMENT}. <!-- <a href="${url}">old link</a> -->\n`;
    const r = checkDraft(text, [orchard('cider-harvest', { url }), orchard('unrelated')]);
    assert.ok(!r.verdicts.some((v) => v.claim.explicitlyCited), JSON.stringify(r.verdicts.map((v) => [v.claim.text, v.claim.cited])));
  });
});

describe('fixcite: an unreadable entry named in front matter or nocite says why too', () => {
  it('reports it in references: and nocite: with the reason, no key fix', () => {
    const sources = [{ key: 'pressnote', title: 'pressnote', declaredIn: '/lib/orchard.bib', unreadable: '“pressnote” is in orchard.bib line 5, which could not be read: expected "text", got EOF' }];
    for (const fm of ['references: [pressnote]', 'nocite: |\n  @pressnote']) {
      const text = `---\n${fm}\n---\n${STATEMENT} [@cider-press].\n`;
      const r = checkDraft(text, [orchard('cider-press'), orchard('unpressnote')], { knownSources: sources });
      const p = r.problems.find((x) => x.code === 'unknown-key');
      assert.ok(p, `${fm}: ${JSON.stringify(r.problems)}`);
      assert.match(p.message, /could not be read/);
      assert.deepEqual(p.fixes, []);
    }
  });
});
