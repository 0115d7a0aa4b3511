// Error analysis on the TRAINING journalist statements (not shipped): runs the checker on
// ../shared/eval/train/news-train.jsonl and lists the misclassified rows with their category, the
// checks that fired and the verdict. Usage: npx tsx scripts/errors.ts [--label contradicted] [--nofire]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessSpan, judgeStatement, loadReference, type Reference } from '../src/core';

const file = join(__dirname, '../../shared/eval/train/news-train.jsonl');
const only = process.argv.includes('--label') ? process.argv[process.argv.indexOf('--label') + 1] : undefined;
const noFire = process.argv.includes('--nofire');
const refs = new Map<string, Reference>();
const tally = new Map<string, [number, number]>();
const conf = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
const C = ['supported', 'contradicted', 'unsupported'];
for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
  const row = JSON.parse(line) as { id: string; claim: string; evidence: string; label: string; category: string; why?: string };
  let ref = refs.get(row.evidence);
  if (!ref) refs.set(row.evidence, (ref = loadReference(row.evidence, { key: 'e', title: row.id, path: row.id })));
  const v = judgeStatement(row.claim, [ref]);
  conf[C.indexOf(row.label)][C.indexOf(v.kind)]++;
  const t = tally.get(row.category) ?? [0, 0];
  t[1]++;
  if (v.kind === row.label) t[0]++;
  tally.set(row.category, t);
  if (v.kind === row.label) continue;
  if (only && row.label !== only) continue;
  const a = assessSpan(row.claim, 0, row.claim.length, [ref]);
  const fired = a?.findings.map((f) => `${f.check}:${f.finding.kind[0]}`).join(',') ?? '-';
  if (noFire && a?.findings.some((f) => f.finding.kind === 'contradicted')) continue;
  console.log(`${row.id} [${row.label[0]}→${v.kind[0]}] ${row.category} cov=${a?.ctx.alignment.coverage.toFixed(2)} fired=${fired || '-'}\n  C: ${row.claim}\n  why: ${row.why ?? ''}\n  E: ${v.evidence.map((e) => e.text).join(' | ').slice(0, 400)}\n`);
}
console.log(JSON.stringify(conf));
console.log([...tally].sort().map(([c, [a, n]]) => `${c} ${a}/${n}`).join(', '));
