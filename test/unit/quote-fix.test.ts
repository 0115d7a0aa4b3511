import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, type Reference, type TextEdit, type Verdict } from '../../src/core';

// A fresh source: two quotations, each followed by its attribution, and a reported sentence.
const SOURCE = `The lighthouse trust met on Thursday in Carrick Bay.

"We intend to restore the lamp room before the autumn gales return," said the trust's chair, Maren Holt. She said the work would take eleven weeks.

Volunteers cheered the decision. "This tower has guided our boats through every storm since 1870," said keeper Alun Pryce, who has tended the light for thirty years.`;

const md = (text: string, format?: Reference['format']): Reference => loadReference(text, { key: 'light', title: 'Lighthouse', path: 'light.md', ...(format ? { format } : {}) });
const ref = md(SOURCE);

const apply = (text: string, edits: TextEdit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

function misquote(text: string, r: Reference = ref): { v: Verdict; fixed: string } {
  const res = checkDraft(text, [r]);
  const v = res.verdicts.find((x) => x.category === 'quote' && x.kind === 'contradicted');
  assert.ok(v, `no misquote found in: ${text} (${res.verdicts.map((x) => `${x.kind}/${x.category}`).join(', ')})`);
  const fix = v.fixes.find((f) => f.kind === 'quote');
  assert.ok(fix, 'the misquote offers no fix');
  assert.equal(fix.edits.length, 1);
  const e = fix.edits[0];
  // The edit stays inside the quotation marks of the statement.
  const open = v.claim.text.search(/["“]/) + v.claim.start;
  const close = v.claim.text.slice(open + 1 - v.claim.start).search(/["”]/) + open + 1;
  assert.ok(open >= v.claim.start && open < e.start && e.end <= close, `the edit ${e.start}-${e.end} leaves the quotation ${open}-${close}`);
  assert.ok(e.start >= v.claim.start && e.end <= v.claim.end, 'the edit stays in the statement');
  return { v, fixed: apply(text, fix.edits) };
}

const HOLT = 'We intend to restore the lamp room before the autumn gales return';
const PRYCE = 'This tower has guided our boats through every storm since 1870';

describe('the misquote fix puts the source’s words exactly where the quoted words stand', () => {
  const cases: [string, string][] = [
    ['one word changed at the start', 'They intend to restore the lamp room before the autumn gales return'],
    ['one word changed in the middle', 'We intend to restore the lantern room before the autumn gales return'],
    ['the last word changed', 'We intend to restore the lamp room before the autumn gales arrive'],
    ['the last two words changed', 'We intend to restore the lamp room before the autumn storms arrive'],
    ['the last three words changed', 'We intend to restore the lamp room before the winter storms arrive'],
    ['several words changed at the start', 'They plan to restore the lamp room before the autumn gales return'],
    ['a word added at the end', 'We intend to restore the lamp room before the autumn gales return again'],
    ['two words added at the end', 'We intend to restore the lamp room before the autumn gales return to the bay'],
    ['a word added at the start', 'Now we intend to restore the lamp room before the autumn gales return'],
    ['a word added in the middle', 'We intend to restore the old lamp room before the autumn gales return'],
    ['a word left out', 'We intend to restore the lamp room before autumn gales return'],
  ];
  for (const [what, quoted] of cases) {
    it(`${what} (straight quotes)`, () => {
      const text = `Holt said: "${quoted}" [@light].`;
      assert.equal(misquote(text).fixed, `Holt said: "${HOLT}" [@light].`);
    });
    it(`${what} (curly quotes)`, () => {
      const text = `Holt said: “${quoted}” [@light].`;
      assert.equal(misquote(text).fixed, `Holt said: “${HOLT}” [@light].`);
    });
  }

  it('never runs past the source’s closing quotation mark into its attribution', () => {
    for (const quoted of ['This tower has guided our boats through every storm since 1880', 'This tower has guided our boats through every storm since the war', 'This tower has guided our boats through every storm for decades']) {
      const text = `Pryce said: "${quoted}" [@light].`;
      const { v, fixed } = misquote(text);
      assert.equal(fixed, `Pryce said: "${PRYCE}" [@light].`);
      assert.match(v.message, new RegExp(`“${PRYCE}”`));
    }
  });

  it('keeps the draft’s own punctuation inside the quotation marks and the text around it', () => {
    const text = `"${HOLT.replace('return', 'come')}," Holt told members [@light].`;
    const { v, fixed } = misquote(text);
    assert.equal(fixed, `"${HOLT}," Holt told members [@light].`);
    assert.equal(text.slice(v.focus!.start, v.focus!.end), HOLT.replace('return', 'come'));
  });

  it('fixes each of two statements on their own', () => {
    const text = `Holt said: "${HOLT.replace('lamp', 'lantern')}" [@light]. Pryce said: "${PRYCE.replace('1870', '1890')}" [@light].`;
    const res = checkDraft(text, [ref]);
    const fixes = res.verdicts.filter((v) => v.category === 'quote').flatMap((v) => v.fixes.filter((f) => f.kind === 'quote'));
    assert.equal(fixes.length, 2);
    assert.equal(apply(text, fixes.flatMap((f) => f.edits)), `Holt said: "${HOLT}" [@light]. Pryce said: "${PRYCE}" [@light].`);
  });

  it('leaves a Markdown reference’s emphasis and link markup out of the fix', () => {
    const marked = md(SOURCE.replace('the lamp room', 'the *lamp room*').replace('our boats', '**our boats**').replace('keeper Alun Pryce', 'keeper [Alun Pryce](https://example.org/keepers_list)'));
    assert.equal(misquote(`Holt said: "${HOLT.replace('gales return', 'storms arrive')}" [@light].`, marked).fixed, `Holt said: "${HOLT}" [@light].`);
    assert.equal(misquote(`Pryce said: "${PRYCE.replace('every', 'each')}" [@light].`, marked).fixed, `Pryce said: "${PRYCE}" [@light].`);
  });

  it('keeps a plain-text reference’s characters as written', () => {
    const plain = md(SOURCE.replace('the lamp room', 'the *lamp room*'), 'text');
    assert.equal(misquote(`Holt said: "${HOLT.replace('gales return', 'storms arrive')}" [@light].`, plain).fixed, `Holt said: "${HOLT.replace('the lamp room', 'the *lamp room*')}" [@light].`);
  });
});
