// Draft-reading fixes from the verification test: invisible characters inside numbers, a citation
// on the line after a hard break, unclosed processing instructions and CDATA sections.
import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, parseDraft, referenceMetaFromText } from '../../src/core';
import { tokenize } from '../../src/core/text/tokens';

const statements = (text: string) => parseDraft(text).blocks.flatMap((b) => b.claims);
const EOLS = ['\n', '\r\n', '\r'];

describe('draft reading fixes (verification test)', () => {
  const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

  it('an invisible character between two digits joins the number; the token covers it', () => {
    for (const inv of INVISIBLES) {
      const s = `about 6${inv}8 crates, 1${inv}9.5${inv}0 tonnes, 7${inv} days`;
      const got = tokenize(s).filter((t) => t.kind === 'number').map((t) => [t.text, s.slice(t.start, t.end)]);
      assert.deepEqual(got, [['68', `6${inv}8`], ['19.50', `1${inv}9.5${inv}0`], ['7', '7']], JSON.stringify(inv));
    }
  });

  it('a number with an invisible character inside reads as it shows, on either side, and its fix replaces all of it', () => {
    const source = (n: string) => {
      const t = `---\nkey: cannery-report\ntitle: Cannery report\n---\nThe Halvorsen cannery in Astoria packed ${n} thousand crates of salmon during the autumn run.\n`;
      return loadReference(t, referenceMetaFromText(t, 'cannery-report.md'));
    };
    for (const inv of INVISIBLES) {
      const show = JSON.stringify(inv);
      // Shows as the source's figure: backed, not "not 8 thousand".
      let draft = `The Halvorsen cannery in Astoria packed 6${inv}8 thousand crates of salmon during the autumn run [@cannery-report].\n`;
      let r = checkDraft(draft, [source('68')]);
      assert.deepEqual(r.verdicts.map((v) => v.kind), ['supported'], show + JSON.stringify(r.verdicts.map((v) => v.message)));
      // Shows as another figure: the whole number is wrong, and its fix replaces it, invisible character and all.
      draft = `The Halvorsen cannery in Astoria packed 8${inv}6 thousand crates of salmon during the autumn run [@cannery-report].\n`;
      r = checkDraft(draft, [source('68')]);
      const [v] = r.verdicts;
      assert.equal(v.kind, 'contradicted', show);
      assert.equal(v.message, 'The source gives 68 thousand, not 86 thousand (¶1).', show);
      const edit = v.fixes.find((f) => f.kind === 'correct')!.edits[0];
      assert.equal(draft.slice(edit.start, edit.end), `8${inv}6 thousand`, show);
      assert.equal(edit.newText, '68 thousand', show);
      // The source's side: "6<inv>8" there is 68.
      r = checkDraft('The Halvorsen cannery in Astoria packed 68 thousand crates of salmon during the autumn run [@cannery-report].\n', [source(`6${inv}8`)]);
      assert.deepEqual(r.verdicts.map((v) => v.kind), ['supported'], show + JSON.stringify(r.verdicts.map((v) => v.message)));
      r = checkDraft('The Halvorsen cannery in Astoria packed 86 thousand crates of salmon during the autumn run [@cannery-report].\n', [source(`6${inv}8`)]);
      assert.equal(r.verdicts[0].message, 'The source gives 68 thousand, not 86 thousand (¶1).', show);
      assert.equal(r.verdicts[0].fixes.find((f) => f.kind === 'correct')!.edits[0].newText, '68 thousand', show);
    }
  });
});
