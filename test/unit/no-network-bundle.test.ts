// The shipped bundles (extension, judging worker, command line) must never reach the network:
// none of them may load a networking module or call fetch/WebSocket. The extension's behaviour
// is also watched at run time in the real VS Code (test/integration/suite).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const BUNDLES = ['dist/extension.js', 'dist/worker.js', 'dist/cli.js'];
const NETWORK = /require\(["'](?:node:)?(?:net|http|https|http2|tls|dgram|dns|undici)["']\)|\bfetch\(|\bnew WebSocket\(|XMLHttpRequest|\bEventSource\(/;

describe('no network in the shipped bundles', () => {
  before(function () {
    this.timeout(60_000);
    if (BUNDLES.every((b) => existsSync(join(root, b)))) return;
    const r = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  for (const bundle of BUNDLES) {
    it(`${bundle} loads no networking module and calls no fetch`, () => {
      const code = readFileSync(join(root, bundle), 'utf8');
      const hit = NETWORK.exec(code);
      assert.equal(hit, null, hit ? `${bundle} contains “${hit[0]}” near: ${code.slice(Math.max(0, hit.index - 200), hit.index + 100)}` : '');
    });
  }

  it('the pattern catches the calls it is meant to catch', () => {
    for (const bad of ['require("net")', "require('node:https')", 'await fetch(url)', 'new WebSocket(u)']) assert.match(bad, NETWORK);
    assert.doesNotMatch('const fetched = prefetch; require("node:fs")', NETWORK);
  });
});
