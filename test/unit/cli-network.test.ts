// At run time, the command line makes no network request: it runs under a preload
// (test/support/no-network.cjs) that records and refuses every connection and name lookup.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCli, ROOT, runBundle } from '../support/cli';

const PRELOAD = join(ROOT, 'test', 'support', 'no-network.cjs');

describe('no network at run time (preload test/support/no-network.cjs)', function () {
  this.timeout(120_000);
  let dir = '';
  before(() => {
    ensureCli();
    dir = mkdtempSync(join(tmpdir(), 'factcheck-net-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const logOf = (name: string) => join(dir, name);
  const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

  it('the preload catches and refuses each kind of request (self-test, nothing leaves the machine)', () => {
    const log = logOf('self.log');
    const script = `
      const tries = [
        () => require('node:http').get('http://127.0.0.1:9/'),
        () => require('node:https').request('https://127.0.0.1:9/'),
        () => require('node:net').connect(9, '127.0.0.1'),
        () => new (require('node:net').Socket)().connect(9, '127.0.0.1'),
        () => require('node:tls').connect(9, '127.0.0.1'),
        () => require('node:dns').lookup('localhost', () => {}),
        () => require('node:dns').promises.resolve4('localhost'),
        () => require('node:dgram').createSocket('udp4').send('x', 9, '127.0.0.1'),
        () => fetch('http://127.0.0.1:9/'),
      ];
      let refused = 0;
      for (const t of tries) { try { t(); } catch (e) { if (e.code === 'ENETFORBIDDEN') refused++; } }
      console.log('refused ' + refused + ' of ' + tries.length);
    `;
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: log }, timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'refused 9 of 9');
    const attempts = lines(log).filter((l) => l.includes(' attempt '));
    assert.equal(attempts.length, 9, attempts.join('\n'));
    assert.match(lines(log).at(-1)!, /^no-network: exit \d+ attempts=9$/);
  });

  for (const args of [
    ['check', 'media/sample-draft.md'],
    ['check', 'media/sample-draft.md', '--format', 'sarif', '--reference', 'test/fixtures/references/harbour-bridge.md'],
    ['references', '--format', 'json'],
  ]) {
    it(`node dist/cli.js ${args.join(' ')} makes no request`, () => {
      const log = logOf(`${args.join('-').replace(/[^\w-]/g, '_')}.log`);
      const r = runBundle(args, { nodeArgs: ['--require', PRELOAD], env: { NO_NETWORK_LOG: log } });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
      const got = lines(log);
      assert.match(got[0], /^no-network: loaded \d+$/, 'the preload did not run');
      assert.deepEqual(got.filter((l) => l.includes(' attempt ')), []);
      assert.match(got.at(-1)!, /^no-network: exit \d+ attempts=0$/);
    });
  }
});
