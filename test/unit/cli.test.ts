// The command line: every way its input can be wrong gives a one-line message and exit code 2
// (never a stack trace); findings give 1; JSON and SARIF output parse; the bundle runs as `node dist/cli.js`.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DRAFT_BYTES } from '../../src/cli/io';
import { CLI, ensureCli, hasStackTrace, ROOT, run, runBundle } from '../support/cli';

const SAMPLE = join(ROOT, 'media', 'sample-draft.md');
const HARBOUR = join(ROOT, 'test', 'fixtures', 'references', 'harbour-bridge.md');
const GOOD = 'British Prime Minister Keir Starmer is in Washington for talks with President Joe Biden [@starmer-washington, ¶1].\n';

/** Asserts a usage or input failure: exit 2, one line on stderr matching `message`, nothing on stdout. */
function assertFails(r: { code: number; out: string; err: string }, message: RegExp): void {
  assert.equal(r.code, 2, `exit code (stderr: ${r.err})`);
  assert.match(r.err, message);
  assert.match(r.err, /^factcheck: /);
  assert.ok(!hasStackTrace(r.err), `a stack trace: ${r.err}`);
  assert.ok(!/internal error/.test(r.err), r.err);
  assert.equal(r.out, '');
}

describe('command line', function () {
  this.timeout(60_000);
  let dir = '';
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'factcheck-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('failure modes (in process, through main)', () => {
    it('a draft that does not exist', () => {
      assertFails(run('check', join(dir, 'nope.md')), /Draft “.*nope\.md” does not exist\./);
      assertFails(run('check', join(SAMPLE, 'inside-a-file.md')), /does not exist\./);
    });

    it('a folder instead of a file', () => {
      const d = join(dir, 'folder.md');
      mkdirSync(d);
      assertFails(run('check', d), /Draft “.*folder\.md” is a folder, not a file\./);
    });

    it('a file that cannot be read: permission denied (not as root), a socket, a device', async function () {
      if (process.getuid && process.getuid() !== 0) {
        const p = file('locked.md', GOOD);
        chmodSync(p, 0o000);
        try {
          assertFails(run('check', p), /cannot be read: permission denied\./);
        } finally {
          chmodSync(p, 0o600);
        }
      }
      // Root reads any file whatever its mode; a socket cannot be read by anyone.
      const sock = join(dir, 'socket.md');
      const server: Server = createServer();
      await new Promise<void>((resolve) => server.listen(sock, resolve));
      try {
        assertFails(run('check', sock), /Draft “.*socket\.md” is a socket, not a text file\./);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      // A device never ends: it is refused, not read until memory runs out (run in a child, in case).
      const r = runBundle(['check', '/dev/zero'], { timeout: 20_000 });
      assert.equal(r.status, 2, `exit ${r.status} ${r.signal ?? ''}: ${r.stderr}`);
      assert.match(r.stderr, /Draft “\/dev\/zero” is a device, not a text file\./);
    });

    it('a binary file (NUL bytes)', () => {
      assertFails(run('check', file('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]))), /looks like binary data \(it contains NUL bytes\), not text\./);
    });

    it('invalid UTF-8 (Latin-1 bytes, a truncated sequence, an encoded surrogate)', () => {
      for (const bytes of [[0x63, 0x61, 0x66, 0xe9, 0x2e], [0x61, 0xe2, 0x82], [0xed, 0xa0, 0x80]]) {
        assertFails(run('check', file('latin1.md', Buffer.from(bytes))), /is not valid UTF-8 text; save it as UTF-8 and try again\./);
      }
    });

    it('a file over 8 MB', () => {
      const p = join(dir, 'huge.md');
      const line = Buffer.from('Starmer met Biden in Washington [@starmer-washington].\n');
      const fd = openSync(p, 'w');
      for (let n = 0; n <= MAX_DRAFT_BYTES; n += line.length) writeSync(fd, line);
      closeSync(fd);
      const r = run('check', p);
      assertFails(r, /Draft “.*huge\.md” is 8\.0 MB; the checker reads files up to 8 MB\. Split it into smaller files\./);
      rmSync(p);
    });

    it('an empty or whitespace-only draft, or reference', () => {
      assertFails(run('check', file('empty.md', '')), /is empty: there is nothing to check\./);
      assertFails(run('check', file('blank.md', ' \r\n\t\n')), /is empty/);
      assertFails(run('check', SAMPLE, '--reference', file('empty-ref.md', '\n\n')), /Reference “.*empty-ref\.md” is empty\./);
    });

    it('a reference named with --reference that does not exist, or cannot be used', () => {
      assertFails(run('check', SAMPLE, '--reference', join(dir, 'missing-ref.md')), /Reference “.*missing-ref\.md” does not exist\./);
      assertFails(run('references', '--reference', dir), /Reference “.*” is a folder, not a file\./);
      assertFails(run('check', SAMPLE, '--reference', file('nul-ref.md', Buffer.from('a\0b'))), /Reference “.*” looks like binary data/);
      assertFails(run('check', SAMPLE, '--reference', HARBOUR, '--reference', HARBOUR), /Two references have the key “harbour-bridge”/);
    });

    it('bad usage: unknown option, command or format, a missing value, no draft', () => {
      assertFails(run('check', SAMPLE, '--bogus'), /Unknown option “--bogus”(?:; did you mean “--[a-z-]+”\?|\.) See “factcheck --help”\./);
      assertFails(run('check', SAMPLE, '-x'), /Unknown option “-x”/);
      assertFails(run('check', SAMPLE, '--refrence', HARBOUR), /Unknown option “--refrence”; did you mean “--reference”\?/);
      assertFails(run('check', SAMPLE, '--min-confidance=0.5'), /did you mean “--min-confidence”\?/);
      assertFails(run('frobnicate'), /Unknown command “frobnicate”/);
      assertFails(run('chek', SAMPLE), /Unknown command “chek”; did you mean “check”\?/);
      assertFails(run('check', SAMPLE, '--format', 'xml'), /Unknown format “xml”; use text, json or sarif\./);
      assertFails(run('check', SAMPLE, '--format'), /--format needs a value\./);
      assertFails(run('check', SAMPLE, '--reference', '--format', 'json'), /--reference needs a value\./);
      assertFails(run('check'), /Name at least one draft to check/);
      assertFails(run('eval'), /Name one JSONL file to evaluate/);
      const usage = run();
      assert.equal(usage.code, 2);
      assert.equal(usage.out, '');
      assert.match(usage.err, /^factcheck: fact-checks Markdown drafts against the articles they cite\.\n\nUsage:/);
      const help = run('--help');
      assert.equal(help.code, 0);
      assert.match(help.out, /^factcheck: fact-checks Markdown drafts/);
      const version = run('--version');
      assert.equal(version.code, 0);
      assert.equal(version.out.trim(), JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
    });

    it('eval: rows that are not JSON, and a --out file that cannot be written', () => {
      assertFails(run('eval', file('rows.jsonl', '{"claim": "x", "label": "supported"}\nnot json\n')), /rows\.jsonl:2: not a JSON object\./);
      assertFails(run('eval', file('rows2.jsonl', '{"claim": "x"}\n')), /each row needs “claim” and “label” or “labels”/);
      const rows = file('ok.jsonl', JSON.stringify({ id: 'a', claim: 'Starmer is in Washington.', label: 'supported' }) + '\n');
      assertFails(run('eval', rows, '--out', join(dir, 'no-such-folder', 'p.jsonl')), /Predictions file “.*p\.jsonl” cannot be written: its folder does not exist\./);
      assertFails(run('eval', rows, '--out', dir), /cannot be written: it is a folder\./);
    });
  });

  describe('findings and output formats', () => {
    it('JSON positions are 0-based (as the README says); text and SARIF count from 1', () => {
      const p = file('positions.md', '# Talks\n\nStarmer is holding talks with Biden in Berlin [@starmer-washington].\n');
      const json = JSON.parse(run('check', p, '--format', 'json').out);
      const claim = json.files[0].claims.find((c: { category: string }) => c.category === 'place');
      assert.deepEqual(claim.range.start, { line: 2, character: 0 });
      const text = run('check', p).out;
      assert.match(text, /positions\.md:3:40: ✗ contradicted \[place\]/);
      const sarif = JSON.parse(run('check', p, '--format', 'sarif').out);
      const region = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'place').locations[0].physicalLocation.region;
      assert.equal(region.startLine, 3);
      assert.equal(region.startColumn, 40);
      assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /lines and characters are 0-based/);
    });

    it('a malformed citation is reported with its category and exit code 1', () => {
      const p = file('malformed.md', `${GOOD}\nStarmer met Biden [@ in Washington.\n\nLammy spoke [@@a;;] on Friday.\n`);
      const r = run('check', p);
      assert.equal(r.code, 1, r.err);
      assert.equal(r.err, '');
      assert.match(r.out, /malformed\.md:3:19: ⚠ citation \[malformed-citation\] Malformed citation “\[@ in Washington\.”: This citation has no closing “\]”\./);
      assert.match(r.out, /\[malformed-citation\] Malformed citation “\[@@a;;\]”/);
      const json = JSON.parse(run('check', p, '--format', 'json').out);
      assert.deepEqual(
        json.files[0].problems.map((x: { code: string }) => x.code),
        ['malformed-citation', 'malformed-citation'],
      );
    });

    it('exit code 0 when nothing is contradicted', () => {
      const r = run('check', file('good.md', GOOD));
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /0 contradicted, 0 unsupported, 1 supported in 1 file\./);
    });

    it('--format json parses and follows the contract', () => {
      const r = run('check', SAMPLE, '--format', 'json');
      assert.equal(r.code, 1);
      const json = JSON.parse(r.out);
      assert.deepEqual(Object.keys(json), ['references', 'files']);
      assert.equal(json.references[0].key, 'starmer-washington');
      const [f] = json.files;
      assert.equal(f.path, SAMPLE);
      const text = readFileSync(SAMPLE, 'utf8').split('\n');
      for (const c of f.claims) {
        assert.ok(['supported', 'contradicted', 'unsupported'].includes(c.verdict));
        assert.equal(typeof c.category, 'string');
        assert.ok(Array.isArray(c.cited) && Array.isArray(c.evidence) && Array.isArray(c.fixes));
        const { start, end } = c.range;
        assert.ok(start.line < text.length && end.line < text.length && (start.line < end.line || start.character <= end.character));
        for (const e of c.evidence) assert.ok(e.reference && e.paragraph >= 1 && e.text && e.range);
        for (const x of c.fixes) for (const e of x.edits) assert.equal(typeof e.newText, 'string');
      }
      assert.ok(f.claims.some((c: { verdict: string }) => c.verdict === 'contradicted'));
      assert.ok(f.problems.some((p: { code: string }) => p.code === 'unknown-key'));
      const refs = JSON.parse(run('references', '--format', 'json').out);
      assert.deepEqual(refs.references.map((x: { key: string }) => x.key), ['starmer-washington']);
    });

    it('--format sarif parses as SARIF 2.1.0 (validated against the schema in sarif.test.ts)', () => {
      const r = run('check', SAMPLE, '--format', 'sarif');
      assert.equal(r.code, 1);
      const log = JSON.parse(r.out);
      assert.equal(log.version, '2.1.0');
      assert.ok(log.runs[0].results.length > 0);
    });
  });

  describe('the built bundle, node dist/cli.js', () => {
    before(function () {
      this.timeout(120_000);
      ensureCli();
    });

    it('checks the sample draft: exit 1, findings on stdout, nothing on stderr', () => {
      const r = runBundle(['check', 'media/sample-draft.md']);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /media\/sample-draft\.md:\d+:\d+: ✗ contradicted \[role\]/);
      assert.match(r.stdout, /\d+ contradicted, \d+ unsupported, \d+ supported, \d+ citation problems? in 1 file\./);
      const json = runBundle(['check', 'media/sample-draft.md', '--format', 'json']);
      assert.equal(JSON.parse(json.stdout).files[0].path, 'media/sample-draft.md');
    });

    it('reports a missing file and an unknown option with exit 2 and no stack trace', () => {
      for (const [args, message] of [
        [['check', 'no/such/draft.md'], /^factcheck: Draft “no\/such\/draft\.md” does not exist\.\n$/],
        [['check', 'media/sample-draft.md', '--nope'], /^factcheck: Unknown option “--nope”[^\n]* See “factcheck --help”\.\n$/],
      ] as const) {
        const r = runBundle([...args]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      }
    });

    it('reads a draft from a named pipe, as `<(command)` gives it', async () => {
      const fifo = join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      const child = spawn(process.execPath, [CLI, 'check', fifo], { cwd: ROOT });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      const done = new Promise<number | null>((resolve) => child.on('close', resolve));
      const { writeFile } = await import('node:fs/promises');
      await writeFile(fifo, GOOD);
      const code = await done;
      assert.equal(code, 0, stdout);
      assert.match(stdout, /1 supported in 1 file\./);
    });
  });
});
