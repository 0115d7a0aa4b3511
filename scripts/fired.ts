// Which training rows a check fires on (not shipped): npx tsx scripts/fired.ts CHECK_ID [file]
// Lists label, category and statement for each news-train (or given train file) row where the check names a clash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessSpan, loadReference, type Reference } from '../src/core';

const id = process.argv[2];
const file = join(__dirname, '../../shared/eval/train', process.argv[3]?.endsWith(".jsonl") ? process.argv[3] : 'news-train.jsonl');
const refs = new Map<string, Reference>();
const count = new Map<string, number>();
const quiet = process.argv.includes('--quiet');
for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
  const row = JSON.parse(line) as { id: string; claim: string; evidence: string; label: string; category?: string };
  let ref = refs.get(row.evidence);
  if (!ref) refs.set(row.evidence, (ref = loadReference(row.evidence, { key: 'e', title: row.id, path: row.id })));
  const a = assessSpan(row.claim, 0, row.claim.length, [ref]);
  const f = a?.findings.find((x) => x.check === id && x.finding.kind === 'contradicted');
  if (!f) continue;
  count.set(row.label, (count.get(row.label) ?? 0) + 1);
  if (!quiet) console.log(`${row.id} [${row.label}] ${row.category ?? ''}\n  C: ${row.claim}\n  M: ${f.finding.message}\n`);
}
console.log(id, JSON.stringify([...count]));
