// The SARIF output validates against the SARIF 2.1.0 schema (test/schemas/, see its README).
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { toSarif } from '../../src/cli/sarif';
import { checkDraft, DEFAULT_SEVERITIES } from '../../src/core';
import { draft, generatedCase, BUILTIN } from '../support/generators';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
// The schema declares JSON Schema 2020-12; formats (uri, uri-reference, date-time) are checked too.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarifOf(args: string[]): { code: number; log: any } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['check', ...args, '--format', 'sarif'], (s) => out.push(s), (s) => err.push(s));
  assert.deepEqual(err, [], 'no error output');
  return { code, log: JSON.parse(out.join('\n')) };
}

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

describe('SARIF output', function () {
  this.timeout(30_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'factcheck-sarif-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0 for the sample draft, with a result per finding and fixes', () => {
    const { code, log } = sarifOf([join(root, 'media', 'sample-draft.md')]);
    assert.equal(code, 1);
    assertValid(log);
    const results = log.runs[0].results;
    assert.ok(results.some((r: any) => r.kind === 'fail' && r.level === 'error' && r.fixes.length));
    assert.ok(results.some((r: any) => r.kind === 'pass' && r.level === 'none'));
    const ids = new Set(log.runs[0].tool.driver.rules.map((r: any) => r.id));
    for (const r of results) assert.ok(ids.has(r.ruleId), `rule ${r.ruleId} is not declared`);
    assert.equal(log.runs[0].tool.driver.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('gives each kind of finding the editor’s default severity as its level', () => {
    const { log } = sarifOf([join(root, 'media', 'sample-draft.md')]);
    const results: any[] = log.runs[0].results;
    const levels = (pred: (r: any) => boolean) => new Set(results.filter(pred).map((r) => r.level));
    const problemCodes = new Set(['unknown-key', 'locator-out-of-range', 'malformed-citation']);
    const byVerdict = (v: string) => levels((r) => r.message.text.startsWith(`${v}:`));
    // contradicted → error, unsupported → warning (as DEFAULT_SEVERITIES in the engine says).
    assert.deepEqual([...byVerdict('contradicted')], [DEFAULT_SEVERITIES.contradicted]);
    assert.deepEqual([...byVerdict('unsupported')], [DEFAULT_SEVERITIES.unsupported]);
    // supported but uncited → note (the editor's hint), a failed result of the rule "uncited".
    const uncited = results.filter((r) => r.ruleId === 'uncited');
    assert.ok(uncited.length, 'the sample draft has a supported statement without its own citation');
    for (const r of uncited) assert.deepEqual([r.kind, r.level], ['fail', 'note']);
    // citation problems → warning.
    const problems = results.filter((r) => problemCodes.has(r.ruleId));
    assert.ok(problems.length);
    for (const r of problems) assert.equal(r.level, 'warning');
    // Cited supported statements pass, with level none.
    for (const r of results.filter((x) => x.kind === 'pass')) assert.equal(r.level, 'none');
  });

  it('is valid for file names with spaces, non-ASCII letters and URI characters, and for a user reference', () => {
    const draftPath = join(dir, 'my draft #1 ünïcode%.md');
    copyFileSync(join(root, 'media', 'sample-draft.md'), draftPath);
    const refPath = join(dir, 'bridge ref [v2].md');
    copyFileSync(join(root, 'test', 'fixtures', 'references', 'harbour-bridge.md'), refPath);
    const other = join(dir, 'bridge draft.md');
    writeFileSync(other, 'Mayor Elena Vasquez said the vote would be delayed [@harbour-bridge, ¶1]. Lorries 😀 were banned [@harbour-bridge, ¶99].\r\n');
    const { log } = sarifOf([draftPath, other, '--reference', refPath]);
    assertValid(log);
    const uris: string[] = log.runs[0].results.flatMap((r: any) => [...r.locations, ...(r.relatedLocations ?? [])].map((l: any) => l.physicalLocation.artifactLocation.uri));
    assert.ok(uris.some((u) => u.includes('my%20draft%20%231%20%C3%BCn%C3%AFcode%25.md')), uris.join('\n'));
    assert.ok(uris.some((u) => u.includes('bridge%20ref%20%5Bv2%5D.md')), uris.join('\n'));
  });

  it('is valid for an empty result set (a draft with no statements to judge)', () => {
    const p = join(dir, 'empty-ish.md');
    writeFileSync(p, '# Only a heading\n');
    const { code, log } = sarifOf([p]);
    assert.equal(code, 0);
    assertValid(log);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('is valid for generated hostile drafts and references', () => {
    const subject = fc.oneof(draft.map((text) => ({ text, refs: [BUILTIN] })), generatedCase.map((g) => ({ text: g.draft, refs: g.refs })));
    fc.assert(
      fc.property(subject, ({ text, refs }) => {
        const path = join(dir, 'generated draft.md');
        assertValid(JSON.parse(JSON.stringify(toSarif([{ path, text, result: checkDraft(text, refs) }], refs))));
      }),
      { numRuns: 60 },
    );
  });
});
