// A statement citing only unknown (mistyped) keys is judged against the draft's other sources; its
// message says which one and why ("Judged against “<title>” since “<key>” is not loaded: …").
import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, referenceMetaFromText } from '../../src/core';

const refText = `---
key: orchard-fire
title: Fire sweeps through Pellam orchard
---
A fire destroyed forty acres of the Pellam orchard near Cortland on Sunday night, the county fire chief Rosa Delacroix said.

Volunteers from three towns fought the Pellam orchard blaze until dawn.
`;
const ref = loadReference(refText, referenceMetaFromText(refText, 'orchard-fire.md'));
const other = 'Rosa Delacroix said the blaze started in a barn [@orchard-fire].\n\n';

describe('a statement citing only unknown keys says which source it was judged against', () => {
  it('names the source and the mistyped key before the verdict', () => {
    const r = checkDraft(`${other}A fire destroyed sixty acres of the Pellam orchard on Sunday [@orchrd-fire].\n`, [ref]);
    const v = r.verdicts.find((x) => x.claim.text.includes('sixty'))!;
    assert.ok(v, JSON.stringify(r.verdicts.map((x) => [x.kind, x.claim.text])));
    assert.equal(v.kind, 'contradicted');
    assert.match(v.message, /^Judged against “Fire sweeps through Pellam orchard” since “orchrd-fire” is not loaded: \S/);
    assert.ok(r.problems.some((p) => p.code === 'unknown-key'));
  });

  it('two unknown keys are both named; a known key or no citation leaves the message alone', () => {
    const r = checkDraft(`${other}Volunteers from three towns fought the Pellam orchard blaze until dawn [@orchrd-fire; @pellam-news].\n`, [ref]);
    const v = r.verdicts.find((x) => x.claim.text.startsWith('Volunteers'))!;
    assert.match(v.message, /^Judged against “Fire sweeps through Pellam orchard” since “orchrd-fire” and “pellam-news” are not loaded: /);
    const known = checkDraft(`${other}Volunteers from three towns fought the Pellam orchard blaze until dawn [@orchard-fire].\n`, [ref]);
    assert.doesNotMatch(known.verdicts.find((x) => x.claim.text.startsWith('Volunteers'))!.message, /^Judged against/);
    const uncited = checkDraft(`${other}Volunteers from three towns fought the Pellam orchard blaze until dawn.\n`, [ref]);
    assert.doesNotMatch(uncited.verdicts.find((x) => x.claim.text.startsWith('Volunteers'))!.message, /^Judged against/);
  });
});
