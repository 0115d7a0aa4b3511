import { strict as assert } from 'node:assert';
import { parseDraft } from '../../src/core';

/**
 * Asserts that each unclosed opener of `cases` (its text, `\n` for line ends, and the message it must
 * give), put between two cited statements that `draftAround` writes with line end `eol`, gives one
 * `draft-syntax` notice on its first line, in LF, CRLF and CR drafts.
 */
export function assertUnclosedNotices(cases: [string, RegExp][], draftAround: (eol: string, opener: string) => string): void {
  for (const eol of ['\n', '\r\n', '\r']) {
    for (const [open, re] of cases) {
      const text = draftAround(eol, open.replaceAll('\n', eol));
      const d = parseDraft(text);
      assert.equal(d.notices.length, 1, JSON.stringify([eol, open, d.notices]));
      const n = d.notices[0];
      assert.equal(n.code, 'draft-syntax');
      assert.match(n.message, re);
      assert.match(n.message, /never closed; nothing after it is checked/);
      assert.equal(text.slice(n.start, n.end), open.split('\n')[0]);
    }
  }
}
