// Naming the cited outlet as the reporter ("…, the Northfield Courier reported") says who reported
// the event; it must not change what the statement is judged to be against that outlet's article.
import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, referenceMetaFromText } from '../../src/core';

const SOURCE = `---
key: ferry
title: Ferry service to resume after storm damage
outlet: The Northfield Courier
---
The ferry between Kelby and Arnsholm will resume on Wednesday after three weeks of repairs, the operator said on Monday.

Storm damage in January closed the Kelby terminal and forced the cancellation of 420 crossings. Repairs cost about 2.3 million euros, according to the regional council.

Harbour master Lena Voss said the new ramp would allow larger vessels to dock at Kelby from April.

The operator plans four daily crossings in the first month. Tickets bought for cancelled sailings will be refunded in full.

Local businesses on Arnsholm said the closure had cut visitor numbers sharply. A bakery owner said sales had fallen by a third since January.

The regional council will review the terminal's flood defences this summer. Engineers expect the review to finish before October.`;

const ref = loadReference(SOURCE, referenceMetaFromText(SOURCE, 'ferry.md'));

const WRONG = [
  'The ferry between Kelby and Arnsholm will resume on Friday',
  'Storm damage closed the Kelby terminal and forced the cancellation of 240 crossings',
  'Storm damage in March closed the Kelby terminal',
  'Repairs cost about 3.2 million euros',
  'Harbour master Lena Voss said the new ramp would allow larger vessels to dock at Arnsholm from April',
  'The operator said on Monday that the ferry between Kelby and Arnsholm would resume on Thursday',
];
const RIGHT = [
  'Storm damage in January closed the Kelby terminal',
  'Repairs cost about 2.3 million euros',
  'Engineers expect the review of the flood defences to finish before October',
  'Storm damage forced the cancellation of 420 crossings',
];
const lower = (s: string) => s[0].toLowerCase() + s.slice(1);
const FORMS: [string, (s: string) => string][] = [
  ['…, the Northfield Courier reported', (s) => `${s}, the Northfield Courier reported [@ferry].`],
  ['…, according to the Northfield Courier', (s) => `${s}, according to the Northfield Courier [@ferry].`],
  ['The Northfield Courier reported that …', (s) => `The Northfield Courier reported that ${lower(s)} [@ferry].`],
  ['…, the Courier reported', (s) => `${s}, the Courier reported [@ferry].`],
];
const judged = (text: string) => {
  const v = checkDraft(text, [ref]).verdicts[0];
  assert.ok(v, `no verdict on ${text}`);
  return `${v.kind}/${v.category}`;
};

describe('naming the cited outlet as the reporter', () => {
  it('the source’s outlet is read from its metadata', () => assert.equal(ref.outlet, 'The Northfield Courier'));

  for (const [form, write] of FORMS) {
    it(`leaves a wrong time, number or place contradicted (${form})`, () => {
      for (const s of WRONG) {
        const plain = judged(`${s} [@ferry].`);
        assert.match(plain, /^contradicted\//, s);
        assert.equal(judged(write(s)), plain, write(s));
      }
    });
    it(`leaves a statement the source backs supported (${form})`, () => {
      for (const s of RIGHT) assert.equal(judged(write(s)), 'supported/paraphrase', write(s));
    });
  }

  it('still finds another outlet named as the reporter a detail the source does not give', () => {
    assert.match(judged('Repairs cost about 2.3 million euros, the Daily Planet reported [@ferry].'), /^unsupported\/novel-detail/);
  });
});
