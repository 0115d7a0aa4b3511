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
});
