// The front ends' side of saved pages and PDFs: the command line reads them (in-process and from the
// built dist/ alone, with no network), and the extension's reader thread parses each content once.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/core';
import { ReferenceReader } from '../../src/vscode/referenceReader';
import { ensureCli, ROOT, run, runBundle } from '../support/cli';
import { imageOnlyPdf, paragraphsPdf } from '../support/pdfs';

const KINDS = join(ROOT, 'test', 'fixtures', 'references', 'kinds');
const PRELOAD = join(ROOT, 'test', 'support', 'no-network.cjs');

describe('saved pages and PDFs in the front ends', function () {
  this.timeout(120_000);
  let dir = '';
  let pdf = '';
  let html = '';
  let scan = '';
  let draft = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factcheck-kinds-'));
    const paras = readFileSync(join(KINDS, 'ozone-report.md'), 'utf8').split(/^---$/m)[2].trim().split(/\n\n+/);
    pdf = join(dir, 'ozone-report.pdf');
    writeFileSync(pdf, await paragraphsPdf(paras, { header: 'Climate Desk', title: 'Ozone and heat cut crop yields' }));
    scan = join(dir, 'scan.pdf');
    writeFileSync(scan, await imageOnlyPdf());
    html = join(dir, 'crane-page.html');
    copyFileSync(join(KINDS, 'crane-page.html'), html);
    draft = join(dir, 'draft.md');
    writeFileSync(draft, 'Surface ozone in the U.S. fell by 40 percent from 1980 to 2012 [@ozone-report].\n\nA storm made a crane fall into the Grand Mosque in Mecca [@crane-page].\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('factcheck references lists a saved page and a PDF given with --reference', () => {
    const r = run('references', '--reference', html, '--reference', pdf, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const list = (JSON.parse(r.out) as { references: { key: string; title: string; path: string }[] }).references;
    assert.deepEqual(list.map((x) => [x.key, x.title]), [
      ['crane-page', "Crane falls into Mecca's Grand Mosque"],
      ['ozone-report', 'Ozone and heat cut crop yields'],
    ]);
  });

  it('an image-only PDF is a clear message and exit 2', () => {
    const r = run('references', '--reference', scan);
    assert.equal(r.code, 2);
    assert.match(r.err, /scan\.pdf.*no text layer/);
  });

  it('dist/cli.js alone judges against a PDF and a saved page, making no network request', () => {
    ensureCli();
    const log = join(dir, 'net.log');
    const r = runBundle(['check', draft, '--reference', pdf, '--reference', html, '--format', 'json'], { nodeArgs: ['--require', PRELOAD], env: { NO_NETWORK_LOG: log } });
    assert.equal(r.status, 1, r.stderr);
    type Out = { files: { claims: { verdict: string; cited: string[]; evidence: { reference: string; paragraph: number }[] }[] }[] };
    const claims = (JSON.parse(r.stdout) as Out).files[0].claims;
    // The 40 where the report says 25 is a contradiction whichever way the file is read.
    assert.equal(claims[0].verdict, 'contradicted');
    assert.deepEqual(claims[0].evidence.map((e) => e.reference), ['ozone-report']);
    // The bundle judges as the sources do in-process.
    const here = run('check', draft, '--reference', pdf, '--reference', html, '--format', 'json');
    assert.deepEqual(claims, (JSON.parse(here.out) as Out).files[0].claims);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    // Loaded in the main thread and again in the reader thread, which is watched too.
    assert.ok(lines.filter((l) => /^no-network: loaded \d+$/.test(l)).length >= 2, lines.join('\n'));
    assert.deepEqual(lines.filter((l) => l.includes(' attempt ')), []);
  });

  it('dist/ copied away from the project (no node_modules) still reads a PDF and a saved page, quietly', () => {
    ensureCli();
    const away = join(dir, 'dist-copy');
    cpSync(join(ROOT, 'dist'), away, { recursive: true, filter: (f) => !f.includes(`${join('dist', 'test')}`) });
    const r = spawnSync(process.execPath, [join(away, 'cli.js'), 'references', '--reference', pdf, '--reference', html, '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { references: { key: string }[] }).references.map((x) => x.key), ['ozone-report', 'crane-page']);
    assert.equal(r.stderr, '', 'nothing on standard error');
  });

  describe('the extension’s reader thread (dist/reader.js)', () => {
    let reader: ReferenceReader;
    const logged: string[] = [];
    before(() => {
      ensureCli();
      reader = new ReferenceReader(join(ROOT, 'dist', 'reader.js'), (m) => logged.push(m));
    });
    after(() => reader.dispose());

    it('parses a PDF once per content: the same bytes again come from the cache, changed bytes are parsed again', async () => {
      const bytes = readFileSync(pdf);
      const first = await reader.read(bytes, pdf);
      assert.equal(first.reference.key, 'ozone-report');
      assert.ok(first.reference.paragraphs.every((p) => p.page === 1 || p.page === 2));
      assert.equal(reader.parsed, 1);
      const again = await reader.read(new Uint8Array(bytes), pdf);
      assert.equal(reader.parsed, 1, 'the unchanged PDF was parsed again');
      assert.equal(again.reference, first.reference);
      const changed = await paragraphsPdf(['The harbour board approved the ferry terminal on Friday after a long debate.'], { title: 'Ferry' });
      const next = await reader.read(changed, pdf);
      assert.equal(reader.parsed, 2);
      assert.match(next.reference.text, /ferry terminal on Friday/);
    });

    it('turns a file it cannot use into an InputError naming it, and keeps working', async () => {
      await assert.rejects(reader.read(readFileSync(scan), scan), (e: unknown) => e instanceof InputError && /scan\.pdf.*no text layer/.test(e.message));
      const page = await reader.read(readFileSync(html), html);
      assert.equal(page.reference.author, 'Dana Reyes');
      assert.deepEqual(logged, []);
    });

    it('reads a long Markdown reference in the thread, a short one on the host, both the same way', async () => {
      const md = readFileSync(join(KINDS, 'crane-page.md'), 'utf8');
      const long = md + '\n' + md.split(/^---$/m)[2].repeat(30);
      assert.ok(long.length > 40_000);
      const before = reader.parsed;
      const r = await reader.read(new TextEncoder().encode(long), join(dir, 'long.md'));
      assert.equal(reader.parsed, before + 1);
      assert.equal(r.reference.key, 'crane-page');
      assert.equal(r.reference.format, 'markdown');
      assert.ok(r.reference.paragraphs.length > 100);
    });

    it('gives up on a file the thread never answers for, says so, and starts a new thread for the next', async () => {
      // A stand-in thread that never replies, as PDF.js would on a file that never ends.
      const silent = join(dir, 'silent.js');
      writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
      const log: string[] = [];
      const stuckReader = new ReferenceReader(silent, (m) => log.push(m), 300);
      try {
        for (const name of ['endless.pdf', 'next.pdf']) {
          await assert.rejects(stuckReader.read(readFileSync(pdf), join(dir, name)), (e: unknown) => e instanceof InputError && new RegExp(`${name}.*took more than`).test(e.message));
        }
        assert.equal(log.length, 2, log.join('\n'));
      } finally {
        stuckReader.dispose();
      }
    });

    it('without the thread, Markdown is still read on the host and a PDF gets a clear message', async () => {
      const host = new ReferenceReader(undefined, () => undefined);
      const md = await host.read(readFileSync(join(KINDS, 'crane-page.md')), join(KINDS, 'crane-page.md'));
      assert.equal(md.reference.key, 'crane-page');
      await assert.rejects(host.read(readFileSync(pdf), pdf), (e: unknown) => e instanceof InputError && /ozone-report\.pdf.*separate thread/.test(e.message));
    });
  });
});
