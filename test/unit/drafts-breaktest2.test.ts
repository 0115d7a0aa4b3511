// Draft-reading fixes from the second break test: a hard line break inside a sentence, unclosed
// fences/comments/math, invisible characters glued to words, quotations wrapped over lines, broken
// MDX, and the statement text shown in messages.
import { strict as assert } from 'node:assert';
import { parseDraft } from '../../src/core';

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
    for (const eol of EOLS) {
      for (const [open, re] of cases) {
        const text = `---${eol}title: Harvest${eol}---${eol}Okafor toured the packing shed on Monday [@orchard-log].${eol}${open.replaceAll('\n', eol)}${eol}Growers blamed the late frost [@orchard-log].${eol}`;
        const d = parseDraft(text);
        assert.equal(d.notices.length, 1, JSON.stringify([eol, open, d.notices]));
        const n = d.notices[0];
        assert.equal(n.code, 'draft-syntax');
        assert.match(n.message, re);
        assert.match(n.message, /never closed; nothing after it is checked/);
        assert.equal(text.slice(n.start, n.end), open.split('\n')[0]);
      }
    }
    // Closed ones, and one that its list item closes, give none.
    for (const text of ['Okafor toured the shed.\n\n````\ncode\n`````\n\nGrowers blamed frost.\n', '$$\ny = 1\n$$\n\nGrowers blamed frost.\n', '<!-- note\nmore -->\n\nGrowers blamed frost.\n', '- Okafor toured the shed.\n  ```\n  code\n\nGrowers blamed frost.\n']) {
      assert.deepEqual(parseDraft(text).notices, [], JSON.stringify(text));
    }
  });
});
