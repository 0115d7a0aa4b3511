import { strict as assert } from 'node:assert';
import { builtinReferences } from '../../src/builtin';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft, checkInSlices, DraftChecker, MAX_STATEMENT_CHARS, suppressionEdit, type TextEdit } from '../../src/core';

const [ref] = builtinReferences();
const key = ref.key;
const apply = (text: string, edits: TextEdit[]) =>
  [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
const verdictOf = (text: string, needle: string) => {
  const r = checkDraft(text, [ref]);
  const v = r.verdicts.find((x) => x.claim.text.includes(needle));
  assert.ok(v, `no verdict on “${needle}”: ${r.verdicts.map((x) => x.claim.text).join(' | ')}`);
  return v;
};

describe('judging a draft against the built-in reference', () => {
  it('supports a cited paraphrase and names its evidence', () => {
    const v = verdictOf(`Lammy said the talks could run past Friday [@${key}].`, 'Lammy');
    assert.equal(v.kind, 'supported');
    assert.equal(v.evidence[0].paragraph, 6);
    assert.equal(ref.text.slice(v.evidence[0].start, v.evidence[0].end), v.evidence[0].text);
  });

  it('contradicts a wrong office and offers the source’s wording as a fix', () => {
    const text = `Prime Minister David Lammy visited Kyiv [@${key}].`;
    const v = verdictOf(text, 'Lammy');
    assert.equal(v.kind, 'contradicted');
    assert.equal(v.category, 'role');
    assert.match(v.message, /Foreign Secretary/);
    const fixed = apply(text, v.fixes[0].edits);
    assert.equal(fixed, `British Foreign Secretary David Lammy visited Kyiv [@${key}].`);
  });

  it('contradicts a changed weekday and fixes only that word', () => {
    const text = `Talks might extend beyond Monday, Lammy indicated [@${key}].`;
    const v = verdictOf(text, 'Monday');
    assert.equal(v.kind, 'contradicted');
    assert.equal(v.category, 'time');
    assert.equal(text.slice(v.focus!.start, v.focus!.end), 'Monday');
    assert.equal(apply(text, v.fixes[0].edits), text.replace('Monday', 'Friday'));
  });

  it('calls a detail the source does not give unsupported, not contradicted', () => {
    const v = verdictOf(`Lammy flew to Kyiv on a military aircraft from Poland [@${key}].`, 'Poland');
    assert.equal(v.kind, 'unsupported');
  });

  it('fixes a misquote with the source’s exact words', () => {
    const text = `Putin said it would "escalate the war and alter its nature" [@${key}].`;
    const v = verdictOf(text, 'Putin');
    assert.equal(v.kind, 'contradicted');
    assert.equal(v.category, 'quote');
    assert.equal(apply(text, v.fixes[0].edits), `Putin said it would "escalate the conflict and alter its nature" [@${key}].`);
  });

  it('offers to insert a citation after a supported but uncited statement', () => {
    const text = `Intro [@${key}].\n\nZelenskiy believes the missiles could reduce Moscow’s capacity to launch attacks.`;
    const v = verdictOf(text, 'Zelenskiy');
    assert.equal(v.kind, 'supported');
    assert.equal(v.claim.explicitlyCited, false);
    const fix = v.fixes.find((f) => f.kind === 'insert-citation');
    assert.ok(fix);
    assert.equal(apply(text, fix.edits), text.replace('attacks.', `attacks [@${key}, ¶2].`));
  });

  it('reports unknown keys with the nearest key, and locators past the end', () => {
    const text = `Starmer is in Washington [@starmer-washingon]. Lammy spoke [@${key}, ¶12].`;
    const r = checkDraft(text, [ref]);
    const unknown = r.problems.find((p) => p.code === 'unknown-key')!;
    assert.equal(unknown.suggestion, key);
    assert.equal(text.slice(unknown.start, unknown.end), 'starmer-washingon');
    assert.equal(apply(text, unknown.fixes[0].edits).includes(`[@${key}]`), true);
    const past = r.problems.find((p) => p.code === 'locator-out-of-range')!;
    assert.equal(text.slice(past.start, past.end), '¶12');
  });

  it('honours inline and next-line suppression comments', () => {
    const text = `Putin endorsed the plan [@${key}].`;
    const v = verdictOf(text, 'Putin');
    assert.notEqual(v.kind, 'supported');
    const suppressed = apply(text, [suppressionEdit(text, v.claim)]);
    assert.ok(suppressed.includes('<!-- factcheck-ignore -->'));
    assert.ok(checkDraft(suppressed, [ref]).verdicts.every((x) => x.suppressed));
    const nextLine = `<!-- factcheck-disable-next-line -->\n${text}\n\nLammy said talks might extend beyond Sunday [@${key}].`;
    const r = checkDraft(nextLine, [ref]);
    assert.equal(r.verdicts.filter((x) => !x.suppressed).length, 1);
  });

  it('gives the same result incrementally as from scratch after edits', () => {
    const base = `Starmer is in Washington for talks with Biden [@${key}]. Lammy said talks might extend beyond Friday [@${key}].\n\nPutin warned that the strikes would escalate the conflict [@${key}].\n\nZelenskiy has lobbied allies for months [@${key}].`;
    const checker = new DraftChecker([ref]);
    checker.check(base);
    const edits = [
      base.replace('Friday', 'Sunday'),
      base.replace('Friday', 'Sunday').replace('for months', 'for years'),
      base.replace('Putin warned', 'Putin, who spoke late, warned'),
      base.replace('\n\nZelenskiy', ' Zelenskiy'),
      base.replace('Biden [@', 'Biden in Berlin [@'),
      base,
    ];
    for (const t of edits) assert.deepEqual(checker.check(t), checkDraft(t, [ref]));
  });

  it('answers a run-on statement longer than the limit without judging it', () => {
    const runOn = `Figures ${'12 3,000 4.5 million 1990 2024 '.repeat(80)}[@${key}].`;
    const r = checkDraft(runOn, [ref]);
    assert.equal(r.verdicts.length, 1);
    const v = r.verdicts[0];
    assert.ok(v.claim.end - v.claim.start > MAX_STATEMENT_CHARS);
    assert.equal(v.kind, 'unsupported');
    assert.match(v.message, /too long to check as one; statements of up to 2,000 characters are checked/);
    assert.deepEqual(v.fixes, []);
    // Just under the limit, the same words are judged as usual.
    const judged = checkDraft(`Figures ${'12 3,000 4.5 million 1990 2024 '.repeat(40)}[@${key}].`, [ref]).verdicts[0];
    assert.doesNotMatch(judged.message, /too long/);
  });

  it('judges in slices to the same result, and gives up when the text is stale', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'media', 'sample-draft.md'), 'utf8');
    const slices: number[] = [];
    const result = await checkInSlices(new DraftChecker([ref]), text, 0, () => false, (ms) => slices.push(ms));
    assert.deepEqual(result, checkDraft(text, [ref]));
    assert.ok(slices.length > 1, 'a zero budget yields after every block');
    assert.equal(await checkInSlices(new DraftChecker([ref]), text, 0, () => true), undefined);
  });
});
