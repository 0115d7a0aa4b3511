// `factcheck eval`: expected calibration error and recall per category, by hand-computed examples and
// through the command (current fields kept, new ones present only when the data allow them).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectedCalibrationError, recallPerCategory } from '../../src/cli/eval';
import { run } from '../support/cli';

const close = (actual: number, expected: number, what = 'value') => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, expected ${expected}`);

describe('eval: expected calibration error', () => {
  it('matches a hand-computed example (10 equal-width bins, 1.0 in the last bin)', () => {
    // Bin 0.9–1.0: confidences 0.95, 0.95, 0.95, 1.0 (3 right): mean 0.9625, accuracy 0.75, gap 0.2125, weight 4/6.
    // Bin 0.1–0.2: confidences 0.15, 0.15 (1 right): mean 0.15, accuracy 0.5, gap 0.35, weight 2/6.
    // ECE = 4/6 · 0.2125 + 2/6 · 0.35 = 0.141666… + 0.116666… = 0.258333…
    const c = expectedCalibrationError([
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: false },
      { confidence: 1, correct: true },
      { confidence: 0.15, correct: false },
      { confidence: 0.15, correct: true },
    ])!;
    close(c.ece, 0.2583333333333333, 'ECE');
    assert.equal(c.rows, 6);
    assert.deepEqual(
      c.bins.map((b) => [b.lo, b.hi, b.rows]),
      [
        [0.1, 0.2, 2],
        [0.9, 1, 4],
      ],
    );
    close(c.bins[1].confidence, 0.9625, 'mean confidence');
    close(c.bins[1].accuracy, 0.75, 'accuracy');
  });

  it('is 0 when confidence matches accuracy in every bin, and 1 when sure and always wrong', () => {
    close(expectedCalibrationError([{ confidence: 0.5, correct: true }, { confidence: 0.5, correct: false }, { confidence: 1, correct: true }])!.ece, 0);
    close(expectedCalibrationError([{ confidence: 1, correct: false }, { confidence: 1, correct: false }])!.ece, 1);
  });

  it('puts a value on a bin edge in the upper bin (0.1 in 0.1–0.2, 0 in 0.0–0.1)', () => {
    const c = expectedCalibrationError([{ confidence: 0.1, correct: true }, { confidence: 0, correct: false }])!;
    assert.deepEqual(c.bins.map((b) => b.lo), [0, 0.1]);
    close(c.ece, 0.5 * 0.9 + 0.5 * 0);
  });

  it('is absent when nothing carries a confidence', () => {
    assert.equal(expectedCalibrationError([]), undefined);
    assert.equal(expectedCalibrationError([{ confidence: Number.NaN, correct: true }]), undefined);
  });
});

describe('eval: recall per category', () => {
  it('is the share of each category’s rows whose verdict was accepted; rows without a category are left out', () => {
    const r = recallPerCategory([
      { category: 'role', correct: true },
      { category: 'role', correct: false },
      { category: 'role', correct: true },
      { category: 'place', correct: false },
      { correct: true },
    ]);
    assert.deepEqual(Object.keys(r), ['place', 'role']);
    assert.deepEqual(r.place, { rows: 1, accepted: 0, recall: 0 });
    assert.equal(r.role.rows, 3);
    assert.equal(r.role.accepted, 2);
    close(r.role.recall, 2 / 3);
  });
});

describe('eval: the command', function () {
  this.timeout(30_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'factcheck-eval-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const evidence = 'The council voted on Tuesday to close the bridge to lorries. Mayor Elena Vasquez said repairs would take six months.';

  it('reports recall per category in text and JSON, and keeps every earlier field', () => {
    const p = join(dir, 'rows.jsonl');
    const rows = [
      { id: 'a', claim: 'The council voted on Tuesday to close the bridge to lorries.', evidence, label: 'supported', category: 'paraphrase' },
      { id: 'b', claim: 'Mayor Elena Vasquez said repairs would take six months.', evidence, label: 'supported', category: 'paraphrase' },
      { id: 'c', claim: 'The bridge will reopen with a toll of five pounds.', evidence, label: 'unsupported', category: 'novel-detail' },
      { id: 'd', claim: 'The council voted on Tuesday.', evidence, label: 'supported' },
    ];
    writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const json = JSON.parse(run('eval', p, '--format', 'json').out);
    for (const k of ['file', 'rows', 'binary', 'accuracy', 'balancedAccuracy', 'perClass', 'confusion', 'supportedJudgedContradicted', 'errors', 'millis']) assert.ok(k in json, `field ${k}`);
    assert.deepEqual(Object.keys(json.perCategory), ['novel-detail', 'paraphrase']);
    assert.equal(json.perCategory.paraphrase.rows, 2);
    assert.equal(json.perCategory['novel-detail'].rows, 1);
    for (const x of Object.values(json.perCategory) as { rows: number; accepted: number; recall: number }[]) close(x.recall, x.accepted / x.rows);
    const text = run('eval', p).out;
    assert.match(text, /recall per category/);
    assert.match(text, /^paraphrase\s+\d+\.\d%\s+\d\/2$/m);
    assert.match(text, /^accuracy /m);
  });

  it('leaves out per-category recall when no row has a category, and calibration when no verdict has a confidence', () => {
    const p = join(dir, 'plain.jsonl');
    writeFileSync(p, JSON.stringify({ id: 'a', claim: 'The council voted on Tuesday.', evidence, label: 'supported' }) + '\n');
    const json = JSON.parse(run('eval', p, '--format', 'json').out);
    assert.ok(!('perCategory' in json));
    // Verdicts carry no confidence until the fitted decision fills it; then `calibration` appears.
    if (!('calibration' in json)) assert.match(run('eval', p).out, /calibration: no verdict carries a confidence/);
    else assert.ok(json.calibration.ece >= 0 && json.calibration.ece <= 1);
  });
});
