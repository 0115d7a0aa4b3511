// `factcheck check --min-confidence X`: findings less sure than X are hidden (as Vale's MinAlertLevel
// hides alerts); JSON and SARIF carry each finding's confidence. Verdicts are given confidences here
// by hand, so the tests do not wait for the fitted decision to fill them.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parseArgs, USAGE } from '../../src/cli/args';
import { applyMinConfidence, belowMinConfidence, toJson, toText } from '../../src/cli/check';
import type { CheckedFile } from '../../src/cli/checkedFile';
import { toSarif } from '../../src/cli/sarif';
import { checkDraft, type CheckResult, type Verdict } from '../../src/core';
import { builtinReferences } from '../../src/builtin';
import { ROOT, run } from '../support/cli';

const SAMPLE = join(ROOT, 'media', 'sample-draft.md');

/** The sample draft's result, each verdict given a confidence by `conf(verdict, index)`. */
function sampleWith(conf: (v: Verdict, i: number) => number | undefined): { text: string; result: CheckResult } {
  const text = readFileSync(SAMPLE, 'utf8');
  const result = checkDraft(text, builtinReferences());
  return { text, result: { ...result, verdicts: result.verdicts.map((v, i) => ({ ...v, confidence: conf(v, i) })) } };
}

describe('check --min-confidence', () => {
  const verdict = (kind: Verdict['kind'], confidence?: number, suppressed = false) => ({ kind, confidence, suppressed }) as Verdict;

  it('hides a contradicted or unsupported finding whose confidence is below the minimum, and nothing else', () => {
    assert.equal(belowMinConfidence(verdict('contradicted', 0.4), 0.5), true);
    assert.equal(belowMinConfidence(verdict('unsupported', 0.49), 0.5), true);
    assert.equal(belowMinConfidence(verdict('contradicted', 0.5), 0.5), false, 'at the minimum it is reported');
    assert.equal(belowMinConfidence(verdict('contradicted', 0.9), 0.5), false);
    assert.equal(belowMinConfidence(verdict('supported', 0.1), 0.5), false, 'supported statements are not findings');
    assert.equal(belowMinConfidence(verdict('contradicted'), 0.5), false, 'no confidence: always reported');
    assert.equal(belowMinConfidence(verdict('contradicted', 0.1), undefined), false, 'no minimum: everything reported');
  });

  it('filters a check result and counts what it hid (suppressed findings are not counted twice)', () => {
    const result: CheckResult = {
      verdicts: [verdict('contradicted', 0.3), verdict('unsupported', 0.8), verdict('supported', 0.2), verdict('unsupported', 0.1, true), verdict('contradicted')],
      problems: [],
    };
    const { result: kept, hidden } = applyMinConfidence(result, 0.5);
    assert.deepEqual(
      kept.verdicts.map((v) => [v.kind, v.confidence]),
      [
        ['unsupported', 0.8],
        ['supported', 0.2],
        ['contradicted', undefined],
      ],
    );
    assert.equal(hidden, 1);
    assert.equal(applyMinConfidence(result, undefined).result, result);
  });

  it('on the sample draft: with every finding below the minimum, nothing is contradicted and the exit code would be 0', () => {
    const { result } = sampleWith((v) => (v.kind === 'supported' ? 0.9 : 0.2));
    assert.ok(result.verdicts.some((v) => v.kind === 'contradicted' && !v.suppressed));
    const { result: kept, hidden } = applyMinConfidence(result, 0.7);
    assert.ok(!kept.verdicts.some((v) => v.kind !== 'supported'));
    assert.equal(hidden, result.verdicts.filter((v) => v.kind !== 'supported' && !v.suppressed).length);
    assert.equal(applyMinConfidence(result, 0.1).hidden, 0);
  });

  it('is parsed from --min-confidence X or =X, must be a number from 0 to 1, applies to check only, and is in --help', () => {
    assert.equal(parseArgs(['check', 'd.md', '--min-confidence', '0.7']).minConfidence, 0.7);
    assert.equal(parseArgs(['check', 'd.md', '--min-confidence=1']).minConfidence, 1);
    assert.equal(parseArgs(['check', 'd.md']).minConfidence, undefined);
    for (const bad of ['1.5', '-0.1', 'high', '']) {
      const r = run('check', SAMPLE, `--min-confidence=${bad}`);
      assert.equal(r.code, 2);
      assert.match(r.err, /^factcheck: --min-confidence needs a number from 0 to 1/);
    }
    assert.match(run('check', SAMPLE, '--min-confidence').err, /--min-confidence needs a value\./);
    const r = run('eval', join(ROOT, 'media', 'sample-draft.md'), '--min-confidence', '0.5');
    assert.equal(r.code, 2);
    assert.match(r.err, /--min-confidence applies to “factcheck check” only\./);
    assert.match(USAGE, /--min-confidence X/);
    assert.match(run('--help').out, /--min-confidence X \(0 to 1\)/);
  });

  it('check runs with it (verdicts without a confidence are all still reported)', () => {
    const plain = run('check', SAMPLE, '--format', 'json');
    const filtered = run('check', SAMPLE, '--format', 'json', '--min-confidence', '0.99');
    const count = (out: string) => JSON.parse(out).files[0].claims.length;
    const judged = checkDraft(readFileSync(SAMPLE, 'utf8'), builtinReferences()).verdicts;
    if (judged.every((v) => v.confidence === undefined)) {
      assert.equal(filtered.code, plain.code);
      assert.equal(count(filtered.out), count(plain.out));
    } else assert.ok(count(filtered.out) <= count(plain.out));
  });
});

describe('confidence in check output', () => {
  const refs = builtinReferences();

  it('text gives a finding’s confidence after its message, and says how many findings the minimum hid', () => {
    const { text, result: all } = sampleWith((v) => (v.kind === 'contradicted' ? 0.9 : v.kind === 'unsupported' ? 0.2 : 0.5));
    const { result, hidden } = applyMinConfidence(all, 0.5);
    assert.ok(hidden > 0);
    const out = toText([{ path: SAMPLE, text, result, hidden }]);
    assert.match(out, /✗ contradicted \[\w+\] .* \(confidence 0\.90\)$/m);
    assert.doesNotMatch(out, /\? unsupported/);
    assert.doesNotMatch(out, /✓ supported.*confidence/);
    assert.match(out, new RegExp(`in 1 file \\(${hidden} findings? below --min-confidence not shown\\)\\.$`));
  });

  it('JSON gives each claim its confidence, and none when the verdict has none', () => {
    const { text, result } = sampleWith((_, i) => (i % 2 ? 0.25 : undefined));
    const json = JSON.parse(JSON.stringify(toJson([{ path: SAMPLE, text, result }], refs)));
    const claims = json.files[0].claims as { confidence?: number }[];
    const shown = result.verdicts.filter((v) => !v.suppressed);
    assert.equal(claims.length, shown.length);
    claims.forEach((c, i) => assert.equal(c.confidence, shown[i].confidence));
    assert.ok(claims.some((c) => c.confidence === 0.25) && claims.some((c) => !('confidence' in c)));
  });

  it('SARIF gives it as result.properties.confidence and still validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const { text, result } = sampleWith((_, i) => (i % 3 === 0 ? undefined : (i % 10) / 10));
    const files: CheckedFile[] = [{ path: SAMPLE, text, result }];
    const log = JSON.parse(JSON.stringify(toSarif(files, refs)));
    const valid = validate(JSON.parse(JSON.stringify(log)));
    assert.ok(valid, ajv.errorsText(validate.errors, { separator: '\n' }));
    const results = log.runs[0].results as { ruleId: string; properties?: { confidence: number } }[];
    const shown = result.verdicts.filter((v) => !v.suppressed);
    shown.forEach((v, i) => assert.equal(results[i].properties?.confidence, v.confidence, `result ${i}`));
    assert.ok(results.some((r) => r.properties === undefined));
  });
});
