// The prose view: pieces of plain prose taken without the Markdown parser must read exactly as the
// parser reads them, and parsing in pieces must read as parsing whole.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { proseView } from '../../src/core/draft/markdown';

const word = fc.constantFrom('Varga', 'met', 'Okafor', 'in', 'Springfield', 'on', 'Thursday', 'canal', 'repairs', '“stalled”', '1.5', 'million', 'Dr.', 'U.S.', 'e-mail', 'desk', '—', '(again)', '¶3', 'x@y.com', '[@canal-meeting]', '[see @a; @b, para. 2]', '*new*', '`code`', '[link](http://x.y)', '<b>', '5 & 6', 'a|b', '$$', ':::');
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const para = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
const text = fc.array(para, { minLength: 1, maxLength: 8 }).map((ps) => ps.join('\n\n') + '\n');

describe('prose view', () => {
  it('plain pieces read without the parser exactly as with it', () => {
    fc.assert(
      fc.property(text, (t) => {
        const fast = proseView(t, 'markdown');
        const parsed = proseView(t, 'markdown', undefined, false);
        assert.equal(fast.prose, parsed.prose);
        assert.deepEqual(fast.blocks, parsed.blocks);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('a long draft parsed in pieces reads as parsed whole', () => {
    const paras = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? `- item ${i} *with* emphasis` : i % 5 === 0 ? '```\ncode line\n\nmore code\n```' : `Paragraph ${i} says the canal was shut [@canal-meeting, ¶${(i % 3) + 1}].`));
    const t = paras.join('\n\n') + '\n';
    const pieces = proseView(t, 'quarto');
    // One piece: the same text with a definition, which keeps the parser reading it whole.
    const whole = proseView(t + '\n[x]: http://x.y\n', 'quarto');
    assert.equal(pieces.prose, whole.prose.slice(0, t.length));
    assert.deepEqual(pieces.blocks, whole.blocks);
  });
});
