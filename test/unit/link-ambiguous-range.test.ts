// A link cited by URL that two references share: the `ambiguous-link` problem's range covers the link
// as written, also for a bare `www.` link (a GFM autolink literal, read with a scheme it does not show).
import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, referenceMetaFromText } from '../../src/core';

const PAGE = (key: string) => `---
key: ${key}
title: Quarry road to close for the winter
url: https://www.pinecrest-gazette.example/roads/quarry-closure/
outlet: Pinecrest Gazette
---
County engineer Tobias Lindqvist closed the quarry road near Ashford on Monday, after an inspection found cracks in two culverts.

Repairs are expected to cost 800 thousand dollars.
`;
const refs = ['quarry-closure', 'quarry-mirror'].map((k) => loadReference(PAGE(k), referenceMetaFromText(PAGE(k), `refs/${k}.md`)));

describe('ambiguous link: the problem covers the link text', () => {
  for (const link of [
    'www.pinecrest-gazette.example/roads/quarry-closure/',
    'www.pinecrest-gazette.example/roads/quarry-closure',
    'https://www.pinecrest-gazette.example/roads/quarry-closure/',
    '<https://pinecrest-gazette.example/roads/quarry-closure>',
  ]) {
    it(`ranges over ${link}`, () => {
      const text = `Lindqvist closed the quarry road near Ashford on Friday, per ${link}.`;
      const r = checkDraft(text, refs);
      const amb = r.problems.filter((p) => p.code === 'ambiguous-link');
      assert.equal(amb.length, 1, JSON.stringify(r.problems));
      const slice = text.slice(amb[0].start, amb[0].end);
      assert.ok(slice.length > 0 && link.includes(slice) && slice.includes('pinecrest-gazette.example/roads/quarry-closure'), `slice “${slice}”`);
      const v = r.verdicts.find((x) => x.claim.text.includes('Friday'))!;
      assert.deepEqual([...v.claim.cited].sort(), ['quarry-closure', 'quarry-mirror']);
    });
  }
});
