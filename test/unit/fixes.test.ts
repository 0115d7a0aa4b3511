// Fixes: every edit lies in the draft, "fix all safe" never picks two overlapping edits, and
// applyFixes changes only the ranges it edits.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyFixes, checkDraft, loadReference, referenceMetaFromText, safeFixes as engineSafeFixes, SAFE_FIX_KINDS, type CheckResult, type Fix, type Reference, type TextEdit } from '../../src/core';
import { overlaps } from '../../src/core/fixes';
import { assertRanges, BUILTIN, draft, generatedCase, SAMPLE_DRAFT } from '../support/generators';

const root = join(__dirname, '..', '..');
const harbourPath = join(root, 'test', 'fixtures', 'references', 'harbour-bridge.md');
const harbourText = readFileSync(harbourPath, 'utf8');
const harbour = loadReference(harbourText, referenceMetaFromText(harbourText, harbourPath));
/** A draft of the fixture's labelled statements, each cited, some with a locator. */
const harbourDraft = readFileSync(join(root, 'test', 'fixtures', 'references', 'harbour-bridge.claims.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l, i) => (JSON.parse(l) as { claim: string }).claim.replace(/\.$/, ` [@${harbour.key}${i % 3 ? '' : `, ¶${i + 1}`}].`))
  .join(' ');

/** The fixes "fix all" applies: the safe ones of every finding that is not suppressed. */
const safeFixes = (r: CheckResult): Fix[] => [...r.verdicts.filter((v) => !v.suppressed).flatMap((v) => v.fixes), ...r.problems.flatMap((p) => p.fixes)].filter((f) => f.safe);

/** Applies edits the slow, obvious way: one at a time from the end of the text. */
const applyBackwards = (text: string, edits: TextEdit[]) =>
  [...edits].sort((a, b) => b.start - a.start || b.end - a.end).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

/** The text outside the edits is the original's, in order, between the new texts. */
function assertOnlyEditsChanged(before: string, after: string, edits: TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0;
  let at = 0;
  for (const e of sorted) {
    const kept = before.slice(from, e.start);
    assert.equal(after.slice(at, at + kept.length), kept, `text before offset ${e.start} changed`);
    at += kept.length;
    assert.equal(after.slice(at, at + e.newText.length), e.newText);
    at += e.newText.length;
    from = e.end;
  }
  assert.equal(after.slice(at), before.slice(from), 'text after the last edit changed');
}

/** All safe fixes of a draft: inside it, pairwise apart, all applied, nothing else changed. */
function checkFixAll(text: string, refs: Reference[]): { applied: number; fixed: string } {
  const r = checkDraft(text, refs);
  assertRanges(text, refs, r);
  const fixes = safeFixes(r);
  for (let i = 0; i < fixes.length; i++)
    for (let j = i + 1; j < fixes.length; j++)
      for (const a of fixes[i].edits)
        for (const b of fixes[j].edits) assert.ok(!overlaps(a, b), `fixes “${fixes[i].title}” and “${fixes[j].title}” overlap at [${a.start}, ${a.end}) / [${b.start}, ${b.end})`);
  const out = applyFixes(text, fixes);
  assert.equal(out.skipped.length, 0, `skipped: ${out.skipped.map((f) => f.title).join('; ')}`);
  const edits = fixes.flatMap((f) => f.edits);
  assert.equal(out.text, applyBackwards(text, edits));
  assertOnlyEditsChanged(text, out.text, edits);
  return { applied: out.applied.length, fixed: out.text };
}

describe('fixes', function () {
  this.timeout(60_000);

  it('on the sample draft: all safe fixes apply at once, and afterwards none is left to make', () => {
    const { applied, fixed } = checkFixAll(SAMPLE_DRAFT, [BUILTIN]);
    assert.equal(applied, 3, 'the mistyped key, the locator past the end and the missing citation');
    const before = checkDraft(SAMPLE_DRAFT, [BUILTIN]);
    const after = checkDraft(fixed, [BUILTIN]);
    assert.deepEqual(safeFixes(after).map((f) => f.title), []);
    assert.deepEqual(after.problems, [], 'the citation problems are mended');
    // What the statements assert is the writer's to change: fix all leaves every contradiction standing.
    const contradicted = (r: CheckResult) => r.verdicts.filter((v) => v.kind === 'contradicted').map((v) => v.category);
    assert.deepEqual(contradicted(after), contradicted(before));
  });

  it('counts as safe only what mends a citation, never a rewording of what a statement asserts', () => {
    const r = checkDraft(SAMPLE_DRAFT, [BUILTIN]);
    const all = [...r.verdicts.flatMap((v) => v.fixes), ...r.problems.flatMap((p) => p.fixes)];
    assert.deepEqual([...SAFE_FIX_KINDS].sort(), ['insert-citation', 'key', 'locator']);
    for (const f of all) assert.equal(f.safe, SAFE_FIX_KINDS.has(f.kind), `${f.title} (${f.kind})`);
    const kinds = (safe: boolean) => [...new Set(all.filter((f) => f.safe === safe).map((f) => f.kind))].sort();
    assert.deepEqual(kinds(true), ['insert-citation', 'key', 'locator']);
    assert.deepEqual(kinds(false), ['correct', 'quote'], 'corrections of role, place, time and quotes are offered one at a time');
    // Every safe fix offered on its own is among those fix all applies, and nothing else is.
    assert.deepEqual(engineSafeFixes(r), safeFixes(r).sort((a, b) => a.edits[0].start - b.edits[0].start));
    const { text } = applyFixes(SAMPLE_DRAFT, engineSafeFixes(r));
    for (const kept of ['in Berlin', 'beyond Sunday', 'Foreign Secretary Antony Blinken', '"escalate the war and change its nature"']) assert.ok(text.includes(kept), `kept: ${kept}`);
    for (const made of ['missiles [@starmer-washington, ¶2].', 'Oval Office [@starmer-washington].', 'strategic context [@starmer-washington, ¶6].']) assert.ok(text.includes(made), `made: ${made}`);
  });

  it('on a draft of the second reference’s labelled statements', () => {
    const { applied } = checkFixAll(harbourDraft, [harbour]);
    assert.ok(applied >= 1, 'no safe fix on the fixture draft');
  });

  it('on generated drafts, against the built-in and generated references', () => {
    fc.assert(
      fc.property(fc.oneof(draft.map((text) => ({ text, refs: [BUILTIN] })), generatedCase.map((g) => ({ text: g.draft, refs: g.refs }))), ({ text, refs }) => {
        checkFixAll(text, refs);
      }),
      { numRuns: 100 },
    );
  });

  describe('applyFixes', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '😀', 'é'), maxLength: 40 });
    const fixesFor = (text: string): fc.Arbitrary<Fix[]> =>
      fc.array(
        fc.record({
          title: fc.constant('fix'),
          kind: fc.constant('correct' as const),
          safe: fc.boolean(),
          edits: fc.array(
            fc.tuple(fc.integer({ min: -2, max: text.length + 2 }), fc.nat({ max: 6 }), fc.constantFrom('', 'X', 'YY', '[@k]')).map(([start, len, newText]) => ({ start, end: start + len, newText })),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        { maxLength: 8 },
      );
    const splits = (t: string, at: number) => /[\ud800-\udbff]/.test(t.charAt(at - 1)) && /[\udc00-\udfff]/.test(t.charAt(at));

    it('applies a fix whole or not at all, never two that overlap, and leaves the rest of the text alone', () => {
      fc.assert(
        fc.property(textArb.chain((text) => fc.tuple(fc.constant(text), fixesFor(text))), ([text, fixes]) => {
          const out = applyFixes(text, fixes);
          assert.equal(out.applied.length + out.skipped.length, fixes.length);
          const taken = out.applied.flatMap((f) => f.edits);
          for (let i = 0; i < taken.length; i++) {
            const e = taken[i];
            assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end && !splits(text, e.start) && !splits(text, e.end));
            for (let j = i + 1; j < taken.length; j++) assert.ok(!overlaps(e, taken[j]), 'two applied edits overlap');
          }
          // A fix is skipped only for a reason: a bad edit, or a clash with itself or with an earlier applied fix.
          for (const f of out.skipped) {
            const earlier = out.applied.filter((a) => fixes.indexOf(a) < fixes.indexOf(f)).flatMap((a) => a.edits);
            const bad = f.edits.some((e, i) => e.start < 0 || e.end > text.length || splits(text, e.start) || splits(text, e.end) || earlier.some((t) => overlaps(t, e)) || f.edits.some((o, j) => j !== i && overlaps(o, e)));
            assert.ok(bad, `fix skipped for no reason: ${JSON.stringify(f.edits)}`);
          }
          assert.equal(out.text, applyBackwards(text, taken));
          assertOnlyEditsChanged(text, out.text, taken);
        }),
        { numRuns: 2000 },
      );
    });

    it('lets an insertion stand at either end of a replacement, but not two insertions at one place', () => {
      const fix = (start: number, end: number, newText: string): Fix => ({ title: newText, kind: 'correct', safe: true, edits: [{ start, end, newText }] });
      const out = applyFixes('abcdef', [fix(2, 4, 'XY'), fix(2, 2, '<'), fix(4, 4, '>'), fix(4, 4, '!'), fix(3, 3, '?')]);
      assert.equal(out.text, 'ab<XY>ef');
      assert.deepEqual(out.skipped.map((f) => f.title), ['!', '?']);
    });
  });
});
