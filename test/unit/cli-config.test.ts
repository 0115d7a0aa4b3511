// The command line's config file: `.sourcecheck.json` or package.json's `sourcecheck` key, found from
// the draft's folder upwards; each way it can be wrong (exit 2, naming the file); and its effect on
// the text marks, SARIF levels, hidden findings, exit code, minimum confidence and references.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandReference, findConfig } from '../../src/cli/config';
import { CHECKS } from '../../src/core';
import { hasStackTrace, ROOT, run } from '../support/cli';

const PLACE_ONLY = 'Starmer is holding talks with Biden in Berlin [@starmer-washington].\n';
const HARBOUR = join(ROOT, 'test', 'fixtures', 'references', 'harbour-bridge.md');

describe('command line: config file', function () {
  this.timeout(60_000);
  let dir = '';
  let n = 0;
  /** A fresh folder tree under the temporary folder: { 'a/b/file': content }. */
  const tree = (files: Record<string, string | object>) => {
    const base = join(dir, `t${++n}`);
    for (const [name, content] of Object.entries(files)) {
      const p = join(base, name);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    }
    return base;
  };
  const failsWith = (r: { code: number; out: string; err: string }, message: RegExp) => {
    assert.equal(r.code, 2, `exit code (stderr: ${r.err})`);
    assert.match(r.err, /^factcheck: /);
    assert.match(r.err, message);
    assert.ok(!hasStackTrace(r.err), r.err);
    assert.ok(!/internal error/.test(r.err), r.err);
    assert.equal(r.out, '');
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'factcheck-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('lookup', () => {
    it('finds .sourcecheck.json in the draft’s own folder', () => {
      const b = tree({ 'd/.sourcecheck.json': { checks: { place: 'off' } }, 'd/draft.md': PLACE_ONLY });
      assert.equal(findConfig(join(b, 'd'))?.path, join(b, 'd', '.sourcecheck.json'));
    });
    it('walks up to the nearest folder that has one', () => {
      const b = tree({ '.sourcecheck.json': { checks: { place: 'off' } }, 'a/.sourcecheck.json': { checks: { time: 'off' } }, 'a/b/c/draft.md': PLACE_ONLY });
      const c = findConfig(join(b, 'a', 'b', 'c'));
      assert.equal(c?.path, join(b, 'a', '.sourcecheck.json'));
      assert.deepEqual(c?.checks, { time: 'off' });
    });
    it('reads the “sourcecheck” key of package.json, and skips a package.json without one', () => {
      const b = tree({ 'package.json': { name: 'x', sourcecheck: { checks: { role: 'hint' } } }, 'a/package.json': { name: 'y' }, 'a/draft.md': PLACE_ONLY });
      const c = findConfig(join(b, 'a'));
      assert.match(c?.path ?? '', /package\.json \(key “sourcecheck”\)$/);
      assert.ok(c?.path.startsWith(join(b, 'package.json')));
      assert.deepEqual(c?.checks, { role: 'hint' });
    });
    it('prefers .sourcecheck.json to package.json in one folder', () => {
      const b = tree({ 'package.json': { sourcecheck: { checks: { role: 'hint' } } }, '.sourcecheck.json': { checks: { place: 'warning' } } });
      assert.deepEqual(findConfig(b)?.checks, { place: 'warning' });
    });
    it('a nearer package.json key wins over a farther .sourcecheck.json', () => {
      const b = tree({ '.sourcecheck.json': { checks: { place: 'warning' } }, 'a/package.json': { sourcecheck: { checks: { role: 'hint' } } } });
      assert.deepEqual(findConfig(join(b, 'a'))?.checks, { role: 'hint' });
    });
    it('stops at the filesystem root when there is none', () => {
      const b = tree({ 'a/b/draft.md': PLACE_ONLY });
      assert.equal(findConfig(join(b, 'a', 'b')), undefined);
    });
    it('makes references absolute against the config file’s folder', () => {
      const b = tree({ 'proj/.sourcecheck.json': { references: ['sources/a.md', '/abs/b.md'] } });
      assert.deepEqual(findConfig(join(b, 'proj'))?.references, [join(b, 'proj', 'sources', 'a.md'), '/abs/b.md']);
    });
  });

  describe('failure modes: exit 2 with the file named', () => {
    it('malformed JSON in .sourcecheck.json gives the file and the parse error', () => {
      const b = tree({ '.sourcecheck.json': '{ "checks": { "place": "off", } }', 'draft.md': PLACE_ONLY });
      const r = run('check', join(b, 'draft.md'));
      failsWith(r, /Config file “[^”]*\.sourcecheck\.json” is not valid JSON: .*(JSON|position|token)/);
    });
    it('malformed package.json on the way up is reported too', () => {
      const b = tree({ 'package.json': '{ "name": ', 'a/draft.md': PLACE_ONLY });
      failsWith(run('check', join(b, 'a', 'draft.md')), /Config file “[^”]*package\.json” is not valid JSON/);
    });
    it('an unknown check id names the known ids and the nearest one', () => {
      const b = tree({ '.sourcecheck.json': { checks: { plcae: 'off' } }, 'draft.md': PLACE_ONLY });
      const r = run('check', join(b, 'draft.md'));
      failsWith(r, /unknown check “plcae”; did you mean “place”\? Known checks: /);
      for (const c of CHECKS) assert.ok(r.err.includes(c.id), `${c.id} not named`);
    });
    it('a setting that is not off or a severity', () => {
      const b = tree({ '.sourcecheck.json': { checks: { place: 'none' } }, 'draft.md': PLACE_ONLY });
      failsWith(run('check', join(b, 'draft.md')), /check “place” is set to "none"; use one of off, error, warning, information, hint/);
    });
    it('an unknown top-level setting', () => {
      const b = tree({ '.sourcecheck.json': { minconfidence: 0.5 }, 'draft.md': PLACE_ONLY });
      failsWith(run('check', join(b, 'draft.md')), /unknown setting “minconfidence”; did you mean “minConfidence”\?/);
    });
    it('settings that are not an object, checks that are not an object', () => {
      const b = tree({ 'a/.sourcecheck.json': '[1]', 'a/draft.md': PLACE_ONLY, 'b/.sourcecheck.json': { checks: ['place'] }, 'b/draft.md': PLACE_ONLY });
      failsWith(run('check', join(b, 'a', 'draft.md')), /must be a JSON object/);
      failsWith(run('check', join(b, 'b', 'draft.md')), /“checks” must be an object/);
    });
    it('minConfidence outside 0 to 1, references not a list of strings', () => {
      const b = tree({ 'a/.sourcecheck.json': { minConfidence: 2 }, 'a/draft.md': PLACE_ONLY, 'b/.sourcecheck.json': { references: 'sources/*.md' }, 'b/draft.md': PLACE_ONLY });
      failsWith(run('check', join(b, 'a', 'draft.md')), /“minConfidence” must be a number from 0 to 1/);
      failsWith(run('check', join(b, 'b', 'draft.md')), /“references” must be a list/);
    });
    it('a missing reference file names the config file', () => {
      const b = tree({ '.sourcecheck.json': { references: ['sources/gone.md'] }, 'draft.md': PLACE_ONLY });
      failsWith(run('check', join(b, 'draft.md')), /Reference “[^”]*gone\.md” does not exist \(named in config file “[^”]*\.sourcecheck\.json”\)/);
    });
  });

  describe('effect', () => {
    it('without a config, a contradiction is ✗ and exits 1; a citation problem is ⚠', () => {
      const b = tree({ 'draft.md': PLACE_ONLY + 'Biden met Starmer [@nope].\n' });
      const r = run('check', join(b, 'draft.md'));
      assert.equal(r.code, 1);
      assert.match(r.out, /: ✗ contradicted \[place\] /);
      assert.match(r.out, /: ⚠ citation \[unknown-key\] /);
    });
    it('"off" hides the finding, and it no longer counts for the exit code', () => {
      const b = tree({ '.sourcecheck.json': { checks: { place: 'off' } }, 'draft.md': PLACE_ONLY });
      const r = run('check', join(b, 'draft.md'));
      assert.equal(r.code, 0, r.out);
      assert.ok(!/\[place\]/.test(r.out), r.out);
      assert.match(r.out, /^0 contradicted, .* \(1 finding of checks turned off in the config file not shown\)\.$/m);
      const json = JSON.parse(run('check', join(b, 'draft.md'), '--format', 'json').out);
      assert.ok(!json.files[0].claims.some((c: { category: string }) => c.category === 'place'));
      const sarif = JSON.parse(run('check', join(b, 'draft.md'), '--format', 'sarif').out);
      assert.ok(!sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'place'));
    });
    it('a severity sets the text mark and the SARIF level', () => {
      const b = tree({ 'package.json': { sourcecheck: { checks: { place: 'information' } } }, 'draft.md': PLACE_ONLY });
      const r = run('check', join(b, 'draft.md'));
      assert.match(r.out, /: ℹ contradicted \[place\] /);
      const sarif = JSON.parse(run('check', join(b, 'draft.md'), '--format', 'sarif').out);
      const place = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'place');
      assert.equal(place.level, 'note');
      assert.equal(place.kind, 'fail');
      const warn = tree({ '.sourcecheck.json': { checks: { place: 'warning' } }, 'draft.md': PLACE_ONLY });
      assert.match(run('check', join(warn, 'draft.md')).out, /: ⚠ contradicted \[place\] /);
    });
    it('minConfidence hides less sure findings; --min-confidence overrides it', () => {
      const b = tree({ '.sourcecheck.json': { minConfidence: 1 }, 'draft.md': PLACE_ONLY });
      const r = run('check', join(b, 'draft.md'));
      assert.ok(!/\[place\]/.test(r.out), r.out);
      assert.equal(r.code, 0);
      const flag = run('check', join(b, 'draft.md'), '--min-confidence', '0');
      assert.match(flag.out, /✗ contradicted \[place\]/);
    });
    it('references from the config (a pattern, relative to the config file) join the built-in one', () => {
      const b = tree({ 'proj/.sourcecheck.json': { references: ['sources/*.md'] }, 'proj/drafts/draft.md': 'Mayor Elena Vasquez said the vote would be delayed [@harbour-bridge, ¶1]. ' + PLACE_ONLY });
      mkdirSync(join(b, 'proj', 'sources'));
      copyFileSync(HARBOUR, join(b, 'proj', 'sources', 'harbour-bridge.md'));
      const r = run('check', join(b, 'proj', 'drafts', 'draft.md'), '--format', 'json');
      const json = JSON.parse(r.out);
      assert.deepEqual(json.references.map((x: { key: string }) => x.key), ['starmer-washington', 'harbour-bridge']);
      assert.deepEqual(json.files[0].problems, []);
      // --reference replaces both the built-in reference and the config's.
      const only = JSON.parse(run('check', join(b, 'proj', 'drafts', 'draft.md'), '--format', 'json', '--reference', HARBOUR).out);
      assert.deepEqual(only.references.map((x: { key: string }) => x.key), ['harbour-bridge']);
    });
  });

  it('`references` reads the config file found from the working folder', () => {
    const b = tree({ 'proj/package.json': { name: 'p', sourcecheck: { references: ['sources/harbour-bridge.md'] } }, 'proj/sub/x.txt': '' });
    mkdirSync(join(b, 'proj', 'sources'));
    copyFileSync(HARBOUR, join(b, 'proj', 'sources', 'harbour-bridge.md'));
    const cwd = process.cwd();
    try {
      process.chdir(join(b, 'proj', 'sub'));
      const r = run('references', '--format', 'json');
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(JSON.parse(r.out).references.map((x: { key: string }) => x.key), ['starmer-washington', 'harbour-bridge']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reference patterns: *, ? and ** (hidden folders and node_modules skipped), plain paths as given', () => {
    const b = tree({ 's/a.md': 'x', 's/b.txt': 'x', 's/deep/c.md': 'x', 's/.hidden/d.md': 'x', 's/node_modules/e.md': 'x', 's/a1.md': 'x' });
    assert.deepEqual(expandReference(join(b, 's', '*.md')), [join(b, 's', 'a.md'), join(b, 's', 'a1.md')]);
    assert.deepEqual(expandReference(join(b, 's', 'a?.md')), [join(b, 's', 'a1.md')]);
    assert.deepEqual(expandReference(join(b, 's', '**', '*.md')), [join(b, 's', 'a.md'), join(b, 's', 'a1.md'), join(b, 's', 'deep', 'c.md')]);
    assert.deepEqual(expandReference(join(b, 's', 'missing.md')), [join(b, 's', 'missing.md')]);
    assert.deepEqual(expandReference(join(b, 'none', '*.md')), []);
  });
});
