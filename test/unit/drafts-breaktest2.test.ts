// Draft-reading fixes from the second break test: a hard line break inside a sentence, unclosed
// fences/comments/math, invisible characters glued to words, quotations wrapped over lines, broken
// MDX, and the statement text shown in messages.
import { strict as assert } from 'node:assert';
import { assertUnclosedNotices } from '../support/unclosed';
import { checkDraft, DraftChecker, loadReference, parseDraft, referenceMetaFromText } from '../../src/core';
import { editedDraft } from '../../src/core/check/incremental';
import { tokenize } from '../../src/core/text/tokens';

const statements = (text: string, dialect?: 'markdown' | 'mdx') => parseDraft(text, { dialect }).blocks.flatMap((b) => b.claims);
const EOLS = ['\n', '\r\n', '\r'];

describe('draft reading fixes (break test 2)', () => {
  it('a hard line break inside a sentence does not split it; one before a new sentence does', () => {
    for (const eol of EOLS) {
      for (const brk of ['\\', '  ']) {
        for (const [lead, indent] of [['', ''], ['- ', '  '], ['1. ', '   ']]) {
          const show = JSON.stringify([eol, brk, lead]);
          // Goes on in lower case: one statement.
          let t = `${lead}The mill hired 310 seasonal pickers${brk}${eol}${indent}for the apple harvest in Wenatchee [@orchard-log].${eol}`;
          assert.deepEqual(statements(t).map((c) => c.text), ['The mill hired 310 seasonal pickers for the apple harvest in Wenatchee.'], show);
          // Goes on with a digit.
          t = `${lead}Pickers were paid${brk}${eol}${indent}14 dollars an hour [@orchard-log].${eol}`;
          assert.equal(statements(t).length, 1, show);
          // The line before ends in a comma or a connecting word: one statement, even before a capital.
          t = `${lead}The orchard hired pickers from${brk}${eol}${indent}Yakima and Chelan [@orchard-log].${eol}`;
          assert.equal(statements(t).length, 1, show);
          t = `${lead}According to the grower,${brk}${eol}${indent}Harvest began early [@orchard-log].${eol}`;
          assert.equal(statements(t).length, 1, show);
          // A new sentence without a full stop before the break: two statements.
          t = `${lead}Okafor toured the packing shed on Monday${brk}${eol}${indent}Growers blamed the late frost [@orchard-log]${eol}`;
          assert.deepEqual(statements(t).map((c) => c.text), ['Okafor toured the packing shed on Monday', 'Growers blamed the late frost'], show);
        }
      }
    }
  });

  it('an unclosed code fence, $$ block, HTML comment or <pre> gives a notice at the line it opens on', () => {
    const cases: [string, RegExp][] = [
      ['~~~~r\nsummary(yields)\n~~~\n', /code fence opened on line 5 /],
      ['```\n', /code fence opened on line 5 /],
      ['$$\ny = mx + b\n', /math block opened on line 5 /],
      ['<!-- ask Okafor about the frost dates\n', /HTML comment opened on line 5 /],
      ['<pre>\nrow 1\n', /<pre> element opened on line 5 /],
    ];
    assertUnclosedNotices(cases, (eol, opener) => `---${eol}title: Harvest${eol}---${eol}Okafor toured the packing shed on Monday [@orchard-log].${eol}${opener}${eol}Growers blamed the late frost [@orchard-log].${eol}`);
    // Closed ones, and one that its list item closes, give none.
    for (const text of ['Okafor toured the shed.\n\n````\ncode\n`````\n\nGrowers blamed frost.\n', '$$\ny = 1\n$$\n\nGrowers blamed frost.\n', '<!-- note\nmore -->\n\nGrowers blamed frost.\n', '- Okafor toured the shed.\n  ```\n  code\n\nGrowers blamed frost.\n']) {
      assert.deepEqual(parseDraft(text).notices, [], JSON.stringify(text));
    }
  });

  it('invisible characters are no words: glued to a word they hide nothing, inside one they join its halves', () => {
    const words = (s: string) => tokenize(s).map((t) => [t.text, s.slice(t.start, t.end)]);
    assert.deepEqual(words('by 🌧️Monday'), [['by', 'by'], ['🌧', '🌧'], ['Monday', 'Monday']]);
    assert.deepEqual(words('by ⛅\uFE0FMonday'), [['by', 'by'], ['⛅', '⛅'], ['Monday', 'Monday']]);
    assert.deepEqual(words('Mon\u00ADday'), [['Monday', 'Mon\u00ADday']]);
    assert.deepEqual(words('har\u200Bvest x\u200Cy w\u200Dz u\u2060v'), [['harvest', 'har\u200Bvest'], ['xy', 'x\u200Cy'], ['wz', 'w\u200Dz'], ['uv', 'u\u2060v']]);
    assert.deepEqual(words('sixty\u200B hours'), [['sixty', 'sixty'], ['hours', 'hours']]);
    assert.deepEqual(words('Monday\uFE0F.'), [['Monday', 'Monday'], ['.', '.']]);
    assert.equal(tokenize('Mon\u00ADday')[0].lower, 'monday');
    assert.equal(tokenize('\u200B')[0], undefined);

    const refText = '---\nkey: orchard-log\ntitle: Orchard log\n---\nGrower Chidi Okafor toured the packing shed in Wenatchee on Thursday.\n';
    const ref = loadReference(refText, referenceMetaFromText(refText, 'orchard-log.md'));
    for (const day of ['🍎\uFE0FMonday', 'Mon\u00ADday', '\u200BMonday', 'Mon\u2060day']) {
      const r = checkDraft(`Okafor toured the packing shed in Wenatchee on ${day} [@orchard-log].\n`, [ref]);
      assert.ok(r.verdicts.some((v) => v.kind === 'contradicted' && /Thursday/.test(v.message)), JSON.stringify([day, r.verdicts.map((v) => [v.kind, v.claim.text])]));
    }
  });

  it('a quotation wrapped over a line break (in a paragraph, list item or block quote) is found and checked', () => {
    const refText = '---\nkey: orchard-talk\ntitle: Orchard talk\n---\n"The frost took half the blossoms before we could light the heaters," Okafor told growers on Thursday.\n';
    const ref = loadReference(refText, referenceMetaFromText(refText, 'orchard-talk.md'));
    for (const eol of EOLS) {
      for (const [lead, cont] of [['', ''], ['- ', '  '], ['> ', '> '], ['> ', '']]) {
        const text = `${lead}"The frost took half the orchards before we could${eol}${cont}light the heaters," Okafor told growers [@orchard-talk].${eol}`;
        const show = JSON.stringify([eol, lead, cont]);
        const [claim] = statements(text);
        assert.equal(claim.quotes.length, 1, show);
        assert.equal(claim.quotes[0].text, 'The frost took half the orchards before we could light the heaters,', show);
        const r = checkDraft(text, [ref]);
        assert.ok(r.verdicts.some((v) => v.kind === 'contradicted' && v.category === 'quote'), show + JSON.stringify(r.verdicts.map((v) => [v.kind, v.category])));
      }
      // Never over a blank line.
      assert.deepEqual(statements(`"The frost took${eol}${eol}half the blossoms," Okafor said.${eol}`).flatMap((c) => c.quotes), [], JSON.stringify(eol));
    }
  });

  it('broken MDX: the fallback reads no import/export line as a statement, and the notice marks the line micromark reports', () => {
    for (const eol of EOLS) {
      const lines = ['import Chart from "./chart.js"', 'export const season = {', '  year: 2026 }', '', 'Okafor toured the packing shed on Monday [@orchard-log].', '', 'Growers said the frost {cost them 30 percent [@orchard-log].', ''];
      const text = lines.join(eol);
      const d = parseDraft(text, { dialect: 'mdx' });
      const texts = d.blocks.flatMap((b) => b.claims).map((c) => c.text);
      assert.ok(!texts.some((t) => /import|export|year/.test(t)), JSON.stringify([eol, texts]));
      assert.ok(texts.some((t) => t.startsWith('Okafor toured')), JSON.stringify(texts));
      assert.equal(d.notices.length, 1);
      const n = d.notices[0];
      assert.equal(text.slice(n.start, n.end), lines[6], JSON.stringify(eol));
      assert.match(n.message, /at line 7, column \d+/);
    }
    // A prose line that starts "export" inside a paragraph is still prose.
    const d = parseDraft('Okafor said apple\nexport volumes fell by half {oops.\n', { dialect: 'mdx' });
    assert.ok(d.blocks.flatMap((b) => b.claims).some((c) => /export volumes/.test(c.text)));
  });

  describe('statement text, label cells and inserted citations', () => {
    const refText = '---\nkey: orchard-log\ntitle: Orchard log\n---\nGrower Chidi Okafor toured the packing shed in Wenatchee on Thursday.\n\nThe cooperative hired 310 pickers for the apple harvest.\n';
    const ref = loadReference(refText, referenceMetaFromText(refText, 'orchard-log.md'));

    it('shows no space where a citation or a link\'s brackets were glued to the words', () => {
      const text = "@orchard-log's survey says Okafor toured the packing shed in Wenatchee on Thursday.\n\nThe cooperative hired 310 pickers for the apple harvest ([notes](https://example.org/harvest-notes)).\n";
      const texts = checkDraft(text, [ref]).verdicts.map((v) => v.claim.text);
      assert.ok(texts.includes("@orchard-log's survey says Okafor toured the packing shed in Wenatchee on Thursday."), JSON.stringify(texts));
      const parsed = statements(text).map((c) => c.text);
      assert.ok(parsed.includes('The cooperative hired 310 pickers for the apple harvest (notes).'), JSON.stringify(parsed));
    });

    it('a short label cell of a row cited by a Source column gets no too-few-words note', () => {
      const text = '| Who | Claim | Source |\n|---|---|---|\n| Pickers | The cooperative hired 310 pickers for the apple harvest | [@orchard-log] |\n| Two pickers | Okafor toured the packing shed in Wenatchee on Thursday | [@orchard-log] |\n';
      const r = checkDraft(text, [ref]);
      assert.deepEqual(r.problems.filter((p) => p.code === 'not-checked').map((p) => text.slice(p.start, p.end)), []);
      assert.equal(r.verdicts.filter((v) => v.kind === 'supported').length, 2, JSON.stringify(r.verdicts.map((v) => [v.kind, v.claim.text])));
    });

    it('"Insert citation" goes before the full stop and any footnote mark, wherever the mark stands', () => {
      for (const [tail, expect] of [['.[^h]', ' [@orchard-log, ¶2].[^h]'], ['[^h].', ' [@orchard-log, ¶2][^h].'], ['.', ' [@orchard-log, ¶2].']]) {
        const text = `---\nreferences: [orchard-log]\n---\nThe cooperative hired 310 pickers for the apple harvest${tail}\n\n[^h]: Harvest desk notes.\n`;
        const v = checkDraft(text, [ref]).verdicts.find((x) => x.claim.text.startsWith('The cooperative'))!;
        const fix = v.fixes.find((f) => f.kind === 'insert-citation');
        assert.ok(fix, JSON.stringify([tail, v.kind]));
        const e = fix.edits[0];
        const out = text.slice(0, e.start) + e.newText + text.slice(e.end);
        assert.ok(out.includes(`harvest${expect}\n`), JSON.stringify(out));
      }
    });
  });

  it('an edit next to a hard line break reads the draft as a fresh parse does', () => {
    const before = 'Okafor toured the packing shed on Monday\\\nGrowers blamed the late frost [@orchard-log].\n\nThe mill hired 310 seasonal pickers  \nfor the apple harvest [@orchard-log].\n\nOkafor spoke for the growers on Friday  \nPickers blamed the late frost [@orchard-log].\n';
    for (const [from, to] of [['Growers', 'growers'], ['Monday\\', 'Monday,\\'], ['for the apple', 'For the apple'], ['pickers  ', 'pickers and  '], ['on Friday  ', 'on behalf of  ']]) {
      const after = before.replace(from, to);
      const checker = new DraftChecker([]);
      checker.check(before);
      const inc = checker.check(after);
      const fresh = new DraftChecker([]).check(after);
      const texts = (r: typeof inc) => [...r.verdicts.map((v) => v.claim.text), ...r.problems.map((p) => after.slice(p.start, p.end))].sort();
      assert.deepEqual(texts(inc), texts(fresh), JSON.stringify([from, to]));
      const fromEditor = editedDraft(before, parseDraft(before), after);
      if (fromEditor) assert.deepEqual(fromEditor.draft.blocks.flatMap((b) => b.claims.map((c) => c.text)), statements(after).map((c) => c.text), JSON.stringify([from, to]));
    }
  });
});
