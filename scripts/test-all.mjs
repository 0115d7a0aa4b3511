#!/usr/bin/env node
// `npm test`: type check, layer rules, build, unit tests (mocha), integration tests (code-server),
// then one closing line that counts every test run, unit and integration: "N passed, M failed".
// Each step's output is shown as it runs; the counts are read from mocha's "N passing / M failing /
// K pending" lines and the integration runner's own "N passed, M failed" line. Exit code 1 when a
// step or a test failed. The unit and integration tests both run even when the other fails.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`, echoing its output; resolves to its exit code and standard output. */
function step(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { stdio: ['inherit', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += String(d);
    });
    child.on('error', (e) => resolve({ code: 1, out: out + `\n${e.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const count = (out, re) => {
  const all = [...plain(out).matchAll(re)];
  return all.length ? Number(all[all.length - 1][1]) : undefined;
};

const finish = (lines, passed, failed) => {
  for (const l of lines) console.log(l);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
};

for (const s of ['typecheck', 'lint:layers', 'build']) {
  const r = await step(s);
  if (r.code !== 0) finish([`\nnpm test: “npm run ${s}” failed (exit ${r.code}); no tests were run.`], 0, 1);
}

const unit = await step('test:unit');
const u = { passed: count(unit.out, /^\s*(\d+) passing\b/gm), failed: count(unit.out, /^\s*(\d+) failing\b/gm) ?? 0, pending: count(unit.out, /^\s*(\d+) pending\b/gm) ?? 0 };
// Mocha that stopped before its summary (a crash while loading a test file) counts as one failure.
if (u.passed === undefined) Object.assign(u, { passed: 0, failed: Math.max(1, u.failed) });
else if (unit.code !== 0 && u.failed === 0) u.failed = 1;

const integration = await step('test:integration');
const m = [...plain(integration.out).matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
const i = m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 1 };
if (integration.code !== 0 && i.failed === 0) i.failed = 1;

finish(
  [
    '',
    `unit: ${u.passed} passed, ${u.failed} failed${u.pending ? `, ${u.pending} pending (known gaps, not counted)` : ''}`,
    `integration: ${i.passed} passed, ${i.failed} failed${m ? '' : ' (the runner gave no count)'}`,
  ],
  u.passed + i.passed,
  u.failed + i.failed,
);
