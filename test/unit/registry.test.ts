import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessSpan, CHECKS, FEATURE_NAMES, loadReference } from '../../src/core';
import { RULES } from '../../src/cli/sarif';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const model = JSON.parse(readFileSync(join(__dirname, '../../src/core/judge/model.json'), 'utf8')) as { features: string[]; weights: number[][] };

describe('the registry of checks', () => {
  it('has unique ids and a one-line description for each check', () => {
    assert.equal(new Set(CHECKS.map((c) => c.id)).size, CHECKS.length);
    for (const c of CHECKS) assert.match(c.description, /^[A-Z].{10,200}\.$/, c.id);
  });

  it('gives every category a SARIF rule, with the first check’s description, and a README anchor', () => {
    for (const c of CHECKS) {
      assert.equal(RULES[c.category], CHECKS.find((x) => x.category === c.category)!.description, c.category);
      assert.ok(readme.includes(`<a id="${c.category}"></a>`), `README has no anchor for ${c.category}`);
    }
  });

  it('is what the shipped model was fitted on: a weight for every feature, each check’s among them', () => {
    assert.deepEqual(model.features, [...FEATURE_NAMES]);
    for (const c of CHECKS) assert.ok(model.features.includes(`check:${c.id}`), c.id);
    for (const w of model.weights) assert.equal(w.length, FEATURE_NAMES.length + 1);
  });

  it('skips a check that throws and keeps the others’ findings', () => {
    const ref = loadReference('The ferry left Oban at noon on Tuesday with 80 passengers aboard.', { key: 'ferry', title: 'Ferry', path: 'ferry.md' });
    const statement = 'The ferry left Oban at noon on Friday with 80 passengers aboard.';
    const failed: string[] = [];
    const broken = { id: 'broken', category: 'time' as const, description: 'Always throws.', run: () => { throw new Error('boom'); } };
    const a = assessSpan(statement, 0, statement.length, [ref], (id) => failed.push(id), [broken, ...CHECKS]);
    assert.deepEqual(failed, ['broken']);
    assert.ok(a?.findings.some((f) => f.check === 'time' && f.finding.kind === 'contradicted'), JSON.stringify(a?.findings.map((f) => f.check)));
  });
});
