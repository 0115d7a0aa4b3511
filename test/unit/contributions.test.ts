// What package.json contributes is what the code reads and registers: the settings table
// (src/vscode/config.ts) and the command map (src/vscode/commandIds.ts); and per-check control of findings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinReferences } from '../../src/builtin';
import { CHECKS, checkDraft, judgeStatement, loadReference } from '../../src/core';
import { COMMANDS } from '../../src/vscode/commandIds';
import { contributedProperties, DEFAULT_SETTINGS, SETTINGS, settingsFrom, valueOf } from '../../src/vscode/config';
import { diagnosticSpecs } from '../../src/vscode/present/diagnostics';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('settings: one table', () => {
  it('package.json contributes exactly the table: keys, types, defaults, bounds, enums, scope and descriptions', () => {
    assert.deepEqual(pkg.contributes.configuration.properties, contributedProperties());
  });

  it('marks every setting with its scope; all but the window-wide language list are read per document', () => {
    for (const [key, p] of Object.entries(pkg.contributes.configuration.properties) as [string, { scope?: string }][]) {
      assert.equal(p.scope, key === 'sourcecheck.languages' ? 'window' : 'resource', key);
    }
  });

  it('reads the defaults when nothing is set, and replaces bad values by the defaults', () => {
    assert.deepEqual(settingsFrom(() => undefined), DEFAULT_SETTINGS);
    assert.equal(DEFAULT_SETTINGS.debounceMs, SETTINGS.debounceMs.default);
    assert.deepEqual(DEFAULT_SETTINGS.severities, { contradicted: 'error', unsupported: 'warning', uncited: 'hint', citation: 'warning' });
    assert.equal(valueOf('debounceMs', -5), 0);
    assert.equal(valueOf('debounceMs', 1e9), 5000);
    assert.equal(valueOf('debounceMs', Number.NaN), 300);
    assert.equal(valueOf('severity.unsupported', 'loud'), 'warning');
    assert.equal(valueOf('enable', 'yes'), true);
    assert.deepEqual(valueOf('languages', ['markdown', 3, 'latex']), ['markdown', 'latex']);
    assert.deepEqual(valueOf('checks', { place: 'off', number: 'loud', nosuch: 'error', quote: 'hint' }), { place: 'off', quote: 'hint' });
    assert.deepEqual(valueOf('checks', ['place']), {});
  });

  it('documents every setting in the README', () => {
    for (const key of Object.keys(SETTINGS)) {
      const name = key.startsWith('severity.') ? 'sourcecheck.severity.' : `sourcecheck.${key}`;
      assert.ok(readme.includes(`\`${name}`), `README names ${name}`);
    }
    const row = readme.split('\n').find((l) => l.startsWith('| `sourcecheck.checks`')) ?? '';
    for (const c of CHECKS) assert.ok(row.includes(`\`${c.id}\``), `README's sourcecheck.checks row names ${c.id}`);
  });
});

describe('activation: on the draft languages only', () => {
  it('activates on exactly the languages sourcecheck.languages serves by default (src/vscode/config.ts is the one list)', () => {
    const events: string[] = pkg.activationEvents;
    assert.deepEqual(events.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length)).sort(), [...DEFAULT_SETTINGS.languages].sort());
    // Not on every start-up: no '*' and no onStartupFinished.
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), events.join());
  });
});

describe('commands: one map', () => {
  it('package.json contributes exactly the commands the extension registers', () => {
    const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
  });

  it('menus refer only to existing commands', () => {
    const ids = new Set<string>(Object.values(COMMANDS));
    for (const [menu, items] of Object.entries(pkg.contributes.menus ?? {}) as [string, { command: string }[]][]) {
      for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
    }
  });
});

describe('per-check control (sourcecheck.checks)', () => {
  const sample = readFileSync(join(root, 'media', 'sample-draft.md'), 'utf8');
  const result = checkDraft(sample, builtinReferences());
  const ids = new Set(CHECKS.map((c) => c.id));

  it('names on each contradicted verdict the registry check that found the clash', () => {
    const contradicted = result.verdicts.filter((v) => v.kind === 'contradicted');
    assert.ok(contradicted.length > 0);
    for (const v of contradicted) assert.ok(v.check && ids.has(v.check), `${v.category}: ${v.check}`);
    assert.ok(result.verdicts.filter((v) => v.kind === 'supported').every((v) => v.check === undefined));
  });

  it('judgeStatement carries the check id too', () => {
    const ref = loadReference('The ferry left Oban at noon on Tuesday with 80 passengers aboard.', { key: 'ferry', title: 'Ferry', path: 'ferry.md' });
    const v = judgeStatement('The ferry left Oban at noon on Friday with 80 passengers aboard.', [ref]);
    assert.equal(v.kind, 'contradicted');
    assert.equal(v.check, 'time');
  });

  it('hides the findings of a check set off and gives another check’s findings its severity', () => {
    const place = result.verdicts.findIndex((v) => v.kind === 'contradicted' && v.check === 'place');
    assert.ok(place >= 0, 'the sample has a wrong place');
    const all = diagnosticSpecs(sample, result);
    assert.ok(all.some((s) => s.verdict === place && s.severity === 'error'));
    const off = diagnosticSpecs(sample, result, { ...DEFAULT_SETTINGS.severities, checks: { place: 'off' } });
    assert.ok(!off.some((s) => s.verdict === place));
    assert.equal(off.length, all.length - result.verdicts.filter((v) => v.check === 'place' && all.some((s) => s.verdict === result.verdicts.indexOf(v))).length);
    const hint = diagnosticSpecs(sample, result, { ...DEFAULT_SETTINGS.severities, checks: { place: 'hint' } });
    assert.equal(hint.find((s) => s.verdict === place)?.severity, 'hint');
    assert.ok(hint.filter((s) => s.verdict >= 0 && result.verdicts[s.verdict].check !== 'place').every((s) => all.some((a) => a.verdict === s.verdict && a.severity === s.severity)));
  });
});
