// A paragraph locator of more digits than a 32-bit (or a double's exact) integer holds: its span is
// the whole locator, the number is past the end without wrapping, and the fix replaces all of it.
import { strict as assert } from 'node:assert';
import { applyFixes, checkDraft, findCitations, loadReference, referenceMetaFromText } from '../../src/core';

const REF = `---
key: quarry
title: Quarry hearing
---

The planning board heard objections to the limestone quarry for six hours on Thursday.

Residents of Millbrook said blasting had cracked the foundations of eleven houses.

The board will vote on the permit at its December meeting.
`;

describe('paragraph locators with very long numbers', () => {
  const ref = loadReference(REF, referenceMetaFromText(REF, 'quarry.md'));

  it('spans every digit of the locator', () => {
    const text = 'Blasting cracked eleven houses in Millbrook [@quarry, ¶123456789012345678901234].';
    const [c] = findCitations(text);
    const item = c.items[0];
    assert.equal(text.slice(item.locatorSpan!.start, item.locatorSpan!.end), '¶123456789012345678901234');
    assert.ok(item.paragraph! > 3);
  });

  for (const digits of ['9999999999', '99999999999999999999', '9'.repeat(400)]) {
    it(`reports ¶ with ${digits.length} digits as past the end, as written, and fixes the whole locator`, () => {
      const text = `Residents of Millbrook said blasting had cracked the foundations of eleven houses [@quarry, ¶${digits}].`;
      const r = checkDraft(text, [ref]);
      const p = r.problems.find((x) => x.code === 'locator-out-of-range');
      assert.ok(p, JSON.stringify(r.problems));
      assert.equal(text.slice(p.start, p.end), `¶${digits}`);
      assert.equal(p.message, `“quarry” has 3 paragraphs; ¶${digits} is past its end.`);
      assert.equal(p.fixes.length, 1);
      const fixed = applyFixes(text, p.fixes).text;
      assert.equal(fixed, 'Residents of Millbrook said blasting had cracked the foundations of eleven houses [@quarry, ¶2].');
    });
  }
});
