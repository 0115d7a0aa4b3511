import { strict as assert } from 'node:assert';
import { decodeText, InputError, LineIndex, splitsSurrogatePair } from '../../src/core';
import { splitSentences } from '../../src/core/text/sentences';

const sentences = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('keeps "Washington, D.C., for" inside one sentence', () => {
    const t = 'The mayor is in Washington, D.C., for talks. She left on Monday.';
    assert.deepEqual(sentences(t), ['The mayor is in Washington, D.C., for talks.', 'She left on Monday.']);
  });
  it('splits after a dotted abbreviation when a new sentence clearly starts', () => {
    const t = 'The parts are not those supplied by the U.S. Russian officials said nothing.';
    assert.deepEqual(sentences(t), ['The parts are not those supplied by the U.S.', 'Russian officials said nothing.']);
  });
  it('does not split inside an office such as "U.S. Secretary of State"', () => {
    const t = 'A visit by U.S. Secretary of State Jane Roe ended. Talks went on.';
    assert.deepEqual(sentences(t), ['A visit by U.S. Secretary of State Jane Roe ended.', 'Talks went on.']);
  });
  it('does not split after titles and initials', () => {
    assert.deepEqual(sentences('Dr. Ana Ruiz and J. R. Smith met Mr. Lee. They agreed.'), ['Dr. Ana Ruiz and J. R. Smith met Mr. Lee.', 'They agreed.']);
  });
  it('splits on question and exclamation marks and keeps closing quotes', () => {
    assert.deepEqual(sentences('Why now? "Because we must." Fine!'), ['Why now?', '"Because we must."', 'Fine!']);
  });
  it('returns offsets into the original text', () => {
    const t = '  One here.   Two there.  ';
    for (const s of splitSentences(t)) assert.equal(t.slice(s.start, s.end).trim(), t.slice(s.start, s.end));
  });
});

describe('surrogate pairs', () => {
  it('finds the one offset inside a character outside the BMP, and none elsewhere', () => {
    const text = 'a🦆b𝔘';
    const inside = Array.from({ length: text.length + 1 }, (_, at) => at).filter((at) => splitsSurrogatePair(text, at));
    assert.deepEqual(inside, [2, 5]);
    assert.equal(splitsSurrogatePair('\uD800', 1), false, 'a lone high half at the end splits nothing');
    assert.equal(splitsSurrogatePair('\uDC00x', 1), false, 'a lone low half is not a pair');
  });
});

describe('LineIndex', () => {
  it('counts LF, CRLF and lone CR as line ends, in UTF-16 units', () => {
    const t = 'a\r\nb😀c\rd\ne';
    const idx = new LineIndex(t);
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.position(t.indexOf('c')), { line: 1, character: 3 });
    assert.deepEqual(idx.position(t.indexOf('d')), { line: 2, character: 0 });
    assert.equal(idx.offset({ line: 3, character: 0 }), t.indexOf('e'));
    assert.equal(idx.offset({ line: 1, character: 99 }), t.indexOf('\r', 3));
  });
});

describe('decodeText', () => {
  it('decodes UTF-8', () => assert.equal(decodeText(Buffer.from('café ’quoted’', 'utf8')), 'café ’quoted’'));
  it('refuses binary data with a clear message', () => {
    assert.throws(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'Draft “x.docx”'), (e: unknown) => e instanceof InputError && e.code === 'binary' && /binary/.test(e.message) && /x\.docx/.test(e.message));
  });
  it('refuses invalid UTF-8', () => {
    assert.throws(() => decodeText(Buffer.from([0x61, 0xff, 0xfe, 0x62])), (e: unknown) => e instanceof InputError && e.code === 'invalid-utf8');
  });
});
