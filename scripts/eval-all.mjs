// `npm run eval`: runs `factcheck eval` on every evaluation set in ../shared/eval/ (dev-claims, news-dev
// and every file in external/), printing each set's full report, then one summary line per set.
// Give files as arguments to evaluate only those. Expects dist/cli.js to be built (npm run eval builds it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const EVAL = join('..', 'shared', 'eval');
const CLI = join('dist', 'cli.js');

function sets() {
  if (process.argv.length > 2) return process.argv.slice(2);
  const external = join(EVAL, 'external');
  return [
    join(EVAL, 'dev-claims.jsonl'),
    join(EVAL, 'news-dev.jsonl'),
    ...(existsSync(external) ? readdirSync(external).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(external, f)) : []),
  ];
}

const factcheck = (args, stdio) => spawnSync(process.execPath, [CLI, 'eval', ...args], { encoding: 'utf8', maxBuffer: 256 << 20, stdio });

const summary = [];
let failed = 0;
for (const file of sets()) {
  const name = basename(file, '.jsonl');
  if (!existsSync(file)) {
    summary.push({ name, missing: true });
    continue;
  }
  // The full report as text, as `factcheck eval` prints it…
  const text = factcheck([file], ['ignore', 'inherit', 'inherit']);
  console.log('');
  // …and the same figures as JSON for the summary.
  const json = factcheck([file, '--format', 'json'], ['ignore', 'pipe', 'inherit']);
  if (text.status !== 0 || json.status !== 0) {
    failed++;
    summary.push({ name, failed: true });
    continue;
  }
  summary.push({ name, report: JSON.parse(json.stdout) });
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const cols = ['set', 'rows', 'accuracy', 'balanced acc.', 'supported→contradicted', 'ECE'];
const rows = summary.map(({ name, report: r, missing, failed: bad }) => {
  if (missing) return [name, 'missing'];
  if (bad) return [name, 'failed'];
  const supported = r.perClass.supported?.support ?? 0;
  return [
    name,
    String(r.rows),
    pct(r.accuracy),
    pct(r.balancedAccuracy),
    `${r.supportedJudgedContradicted} of ${supported}`,
    r.calibration ? `${r.calibration.ece.toFixed(3)} (${r.calibration.rows} rows)` : 'n/a (no confidence)',
  ];
});
const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)) + 2);
console.log('summary (supported→contradicted: rows labelled supported that were judged contradicted)');
for (const r of [cols, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('').trimEnd());
process.exitCode = failed ? 1 : 0;
