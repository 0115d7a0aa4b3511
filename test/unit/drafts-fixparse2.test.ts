// Draft-reading fixes from the verification test: invisible characters inside numbers, a citation
// on the line after a hard break, unclosed processing instructions and CDATA sections.
import { strict as assert } from 'node:assert';
import { assertUnclosedNotices } from '../support/unclosed';
import { checkDraft, DraftChecker, loadReference, parseDraft, referenceMetaFromText } from '../../src/core';
import { editedDraft } from '../../src/core/check/incremental';
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

  it('a line that starts with a citation, bracketed or in a parenthesis, cites the statement before its hard line break', () => {
    const citations = [
      ['[@cannery-report].', ['cannery-report']],
      ['[@cannery-report, ¶1].', ['cannery-report']],
      ['[see @cannery-report; @port-log].', ['cannery-report', 'port-log']],
      ['(Astoria Gazette, [@cannery-report]).', ['cannery-report']],
      ['([@cannery-report]).', ['cannery-report']],
    ] as const;
    for (const eol of EOLS) {
      for (const brk of ['\\', '  ']) {
        for (const [lead, indent] of [['', ''], ['- ', '  '], ['> ', '> ']]) {
          for (const [cite, keys] of citations) {
            const show = JSON.stringify([eol, brk, lead, cite]);
            const text = `${lead}The Halvorsen cannery packed salmon in Astoria on Monday${brk}${eol}${indent}${cite}${eol}`;
            const d = parseDraft(text);
            const claims = d.blocks.flatMap((b) => b.claims);
            assert.equal(claims.length, 1, show + JSON.stringify(claims.map((c) => c.text)));
            assert.ok(claims[0].text.startsWith('The Halvorsen cannery packed salmon in Astoria on Monday'), show);
            assert.deepEqual(claims[0].citations.flatMap((c) => c.items.map((i) => i.key)), [...keys], show);
            assert.deepEqual(d.notices, [], show);
          }
          // A new sentence after the break is still its own statement; a link is no citation.
          const show = JSON.stringify([eol, brk, lead]);
          let text = `${lead}The Halvorsen cannery packed salmon in Astoria on Monday${brk}${eol}${indent}Gillnetters blamed the warm river [@cannery-report].${eol}`;
          assert.equal(statements(text).length, 2, show);
          text = `${lead}The Halvorsen cannery packed salmon in Astoria on Monday${brk}${eol}${indent}[Gillnetters](https://example.org/gillnet) blamed the warm river [@cannery-report].${eol}`;
          assert.equal(statements(text).length, 2, show);
        }
      }
    }
  });

  it('an edit next to a hard line break before a citation reads the draft as a fresh parse does', () => {
    const before = 'The Halvorsen cannery packed salmon in Astoria on Monday  \n[@cannery-report].\n\nGillnetters blamed the warm river on Friday\\\n(Astoria Gazette, [@cannery-report]).\n';
    const edits = [
      ['on Monday', 'on Tuesday'],
      ['[@cannery-report].', 'Crews said so [@cannery-report].'],
      ['Astoria Gazette', 'Astoria Daily'],
      ['(Astoria Gazette, [@cannery-report])', 'Astoria Gazette, [@cannery-report]'],
      ['Friday\\', 'Friday'],
    ];
    for (const [from, to] of edits) {
      const after = before.replace(from, to);
      const checker = new DraftChecker([]);
      checker.check(before);
      const inc = checker.check(after);
      const fresh = new DraftChecker([]).check(after);
      const texts = (r: typeof inc) => [...r.verdicts.map((v) => `${v.claim.text} ${v.claim.citations.length}`), ...r.problems.map((p) => `${p.code} ${after.slice(p.start, p.end)}`)].sort();
      assert.deepEqual(texts(inc), texts(fresh), JSON.stringify([from, to]));
      const fromEditor = editedDraft(before, parseDraft(before), after);
      if (fromEditor) assert.deepEqual(fromEditor.draft.blocks.flatMap((b) => b.claims.map((c) => `${c.text} ${c.citations.length}`)), statements(after).map((c) => `${c.text} ${c.citations.length}`), JSON.stringify([from, to]));
    }
  });

  it('an unclosed processing instruction, CDATA section or declaration gives a notice at the line it opens on', () => {
    const cases: [string, RegExp][] = [
      ['<?php print_catch_totals();\n', /<\?…\?> processing instruction opened on line 5 /],
      ['<?xml version="1.0"\n', /<\?…\?> processing instruction opened on line 5 /],
      ['<![CDATA[ tally sheet\n', /<!\[CDATA\[ section opened on line 5 /],
      ['<!DOCTYPE cannery\n', /<!…> declaration opened on line 5 /],
    ];
    assertUnclosedNotices(cases, (eol, opener) => `---${eol}title: Cannery${eol}---${eol}The Halvorsen cannery packed salmon in Astoria on Monday [@cannery-report].${eol}${opener}${eol}Gillnetters blamed the warm river [@cannery-report].${eol}`);
    // Closed ones give none, and the text after them is read.
    for (const text of ['<?php print_catch_totals(); ?>\n\nGillnetters blamed the warm river.\n', '<?php\nprint_catch_totals();\n?>\n\nGillnetters blamed the warm river.\n', '<![CDATA[ tally\nsheet ]]>\n\nGillnetters blamed the warm river.\n', '<!DOCTYPE\ncannery>\n\nGillnetters blamed the warm river.\n']) {
      const d = parseDraft(text);
      assert.deepEqual(d.notices, [], JSON.stringify(text));
      assert.deepEqual(d.blocks.flatMap((b) => b.claims).map((c) => c.text), ['Gillnetters blamed the warm river.'], JSON.stringify(text));
    }
  });
  it('a title or name of fewer than three words before a hard line break joins the next line; a full line still ends there', () => {
    for (const eol of EOLS) {
      for (const brk of ['\\', '  ']) {
        const wrapped = `Port Warden${brk}${eol}Ilse Marrow closed the north quay for repairs [@cannery-report].${eol}`;
        assert.deepEqual(statements(wrapped).map((c) => c.text.replace(/\s+/g, ' ')), ['Port Warden Ilse Marrow closed the north quay for repairs.'], JSON.stringify([eol, brk]));
        const two = `Marrow closed the north quay on Tuesday${brk}${eol}Crews began repairs at dawn [@cannery-report].${eol}`;
        assert.equal(statements(two).length, 2, JSON.stringify([eol, brk]));
      }
    }
  });
});
