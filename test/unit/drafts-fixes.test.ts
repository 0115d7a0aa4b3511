// Fixes never cross a statement: over generated drafts (lists without full stops, tables, footnotes,
// mixed CRLF/LF line ends, citations), every edit of every fix lies inside its statement's range (an
// inserted citation at its end) or one of its own citations (a row's citation cell for a table cell's
// statement: its row is the statement's extent then) and never removes a citation or a line break it did not add.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkDraft, loadReference, parseDraft, referenceMetaFromText } from '../../src/core';

const refText = readFileSync(join(__dirname, '../fixtures/drafts/canal-meeting.md'), 'utf8');
const ref = loadReference(refText, referenceMetaFromText(refText, 'canal-meeting.md'));

// Statements about the source: right, wrong (time, place, person) and unrelated; with or without a citation.
const STATEMENTS = [
  'Varga met Okafor in Springfield on Thursday',
  'Varga met Okafor in Springfield on Tuesday',
  'Varga met Okafor in Chicago on Tuesday',
  'Okafor met Varga to discuss repair money for the Lockhart canal',
  'Shop owners said the closure had cut their trade',
  'The weather stayed mild all week',
];
const CITES = ['', ' [@canal-meeting]', ' [@canal-meeting, ¶1]', ' [@canal-meetng]', '[^n]'];

const statement = fc.record({ s: fc.constantFrom(...STATEMENTS), cite: fc.constantFrom(...CITES), stop: fc.boolean() }).map(({ s, cite, stop }) => (stop ? `${s}${cite}.` : `${s}${cite}`));
const block = fc.oneof(
  fc.array(statement, { minLength: 1, maxLength: 3 }).map((xs) => xs.map((x) => (/[.]$/.test(x) ? x : `${x}.`)).join(' ')),
  fc.array(statement, { minLength: 1, maxLength: 4 }).map((xs) => xs.map((x) => `- ${x}`).join('\n')),
  fc.array(statement, { minLength: 1, maxLength: 3 }).map((xs) => ['| Who | What |', '| --- | --- |', ...xs.map((x) => `| Varga | ${x} |`)].join('\n')),
  // A "Source" column: the row's citation cell cites the statement cell (a row citation).
  fc.array(fc.record({ s: fc.constantFrom(...STATEMENTS), cite: fc.constantFrom(...CITES.filter((c) => c.startsWith(' ['))) }), { minLength: 1, maxLength: 3 }).map((xs) => ['| What | Source |', '| --- | --- |', ...xs.map((x) => `| ${x.s} |${x.cite} |`)].join('\n')),
  statement.map((x) => `> ${x}`),
  statement.map((x) => `# ${x.replace(/\[[^\]]*\]/g, '')}`),
);
const draft = fc
  .record({ blocks: fc.array(block, { minLength: 1, maxLength: 5 }), ends: fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1, maxLength: 8 }), note: fc.boolean() })
  .map(({ blocks, ends, note }) => {
    let text = blocks.join('\n\n') + (note ? '\n\n[^n]: Reporting by the desk.\n\n    See @canal-meeting, para. 1.\n' : '\n');
    let i = 0;
    // Mixed line ends: each line break takes the next of the generated kinds.
    text = text.replace(/\n/g, () => ends[i++ % ends.length]);
    return text;
  });

describe('fixes never cross a statement (property)', () => {
  it('every edit lies inside its statement and removes no citation or line break it did not add', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const parsed = parseDraft(text);
        const r = checkDraft(text, [ref]);
        for (const v of r.verdicts) {
          for (const fix of v.fixes) {
            for (const e of fix.edits) {
              // Inside the statement, or inside a citation of its own (a locator or key fix).
              // For a row citation (a citation cell of its table row) the statement's extent is its row.
              const row = parsed.tableRows.find((x) => x.start <= v.claim.start && v.claim.end <= x.end);
              const rowCitations = row ? (parsed.blocks[v.claim.block]?.rowCitations ?? []).filter((c) => c.start >= row.start && c.end <= row.end) : [];
              const inOwnCitation = [...v.claim.citations, ...rowCitations].some((c) => e.start >= c.start && e.end <= c.end);
              assert.ok((e.start >= v.claim.start && e.end <= v.claim.end) || inOwnCitation, `edit ${e.start}-${e.end} outside statement ${v.claim.start}-${v.claim.end} in ${JSON.stringify(text)}`);
              const removed = text.slice(e.start, e.end);
              assert.ok(!/[\r\n]/.test(removed), 'removes a line break');
              for (const c of parsed.citations) assert.ok(e.end <= c.start || e.start >= c.end || (e.start >= c.start && e.end <= c.end && fix.kind !== 'correct'), 'reaches into a citation');
              // At the end, before a full stop and the footnote marks on either side of it.
              if (fix.kind === 'insert-citation') assert.ok(e.start === e.end && e.start <= v.claim.end && /^(?:\[\^[^\]\s]+\])*(?:[.!?](?:\[\^[^\]\s]+\])*)?$/.test(text.slice(e.start, v.claim.end)), 'a citation is inserted at the end');
            }
          }
        }
        for (const p of r.problems) for (const fix of p.fixes) for (const e of fix.edits) assert.ok(e.start >= p.start && e.end <= p.end && !/[\r\n]/.test(text.slice(e.start, e.end)));
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});
