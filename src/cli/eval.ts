import { InputError, judgeStatement, loadReference, type Reference } from '../core';
import { readTextFile, writeTextFile } from './io';

interface Row {
  id: string;
  claim: string;
  evidence?: string;
  labels: string[];
}

export interface EvalReport {
  file: string;
  rows: number;
  binary: boolean;
  accuracy: number;
  balancedAccuracy: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<string, Record<string, number>>;
  /** Rows labelled supported (only) that were judged contradicted: the false alarms writers hate most. */
  supportedJudgedContradicted: number;
  errors: number;
  millis: number;
}

/** `factcheck eval`: judges every row and measures agreement with its labels. */
export function runEval(path: string, builtin: Reference[], format: string, out: string | undefined, print: (s: string) => void): number {
  if (!['text', 'json'].includes(format)) throw new InputError('usage', `Unknown format “${format}”; use text or json.`);
  const rows = readRows(path);
  const binary = rows.every((r) => r.labels.every((l) => l === 'supported' || l === 'not-supported'));
  const refCache = new Map<string, Reference>();
  const predictions: string[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let errors = 0;
  let falseAlarms = 0;
  const t0 = performance.now();
  for (const row of rows) {
    let refs = builtin;
    if (row.evidence !== undefined) {
      let ref = refCache.get(row.evidence);
      if (!ref) {
        try {
          ref = loadReference(row.evidence, { key: 'evidence', title: `evidence of ${row.id}`, path: `${path}#${row.id}` });
        } catch {
          ref = undefined;
        }
        if (ref) refCache.set(row.evidence, ref);
      }
      refs = ref ? [ref] : [];
      if (!ref) errors++;
    }
    const v = judgeStatement(row.claim, refs);
    const predicted = binary && v.verdict !== 'supported' ? 'not-supported' : v.verdict;
    const gold = row.labels.includes(predicted) ? predicted : row.labels[0];
    if (row.labels.includes(predicted)) correct++;
    if (row.labels.length === 1 && row.labels[0] === 'supported' && v.verdict === 'contradicted') falseAlarms++;
    (confusion[gold] ??= {})[predicted] = (confusion[gold][predicted] ?? 0) + 1;
    predictions.push(JSON.stringify({ id: row.id, verdict: v.verdict, category: v.category }));
    if (refCache.size > 64) refCache.clear();
  }
  const millis = performance.now() - t0;
  const classes = binary ? ['supported', 'not-supported'] : ['supported', 'contradicted', 'unsupported'];
  const perClass: EvalReport['perClass'] = {};
  for (const c of classes) {
    const tp = confusion[c]?.[c] ?? 0;
    const support = Object.values(confusion[c] ?? {}).reduce((a, b) => a + b, 0);
    const predicted = classes.reduce((n, g) => n + (confusion[g]?.[c] ?? 0), 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perClass[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  const present = classes.filter((c) => perClass[c].support > 0);
  const report: EvalReport = {
    file: path,
    rows: rows.length,
    binary,
    accuracy: rows.length ? correct / rows.length : 0,
    balancedAccuracy: present.length ? present.reduce((n, c) => n + perClass[c].recall, 0) / present.length : 0,
    perClass,
    confusion,
    supportedJudgedContradicted: falseAlarms,
    errors,
    millis: Math.round(millis),
  };
  if (out) writeTextFile(out, 'Predictions file', predictions.join('\n') + '\n');
  print(format === 'json' ? JSON.stringify(report, null, 2) : formatReport(report, classes));
  return 0;
}

function readRows(path: string): Row[] {
  const text = readTextFile(path, 'Evaluation data', 256 * 1024 * 1024);
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line);
    } catch {
      throw new InputError('usage', `${path}:${i + 1}: not a JSON object.`);
    }
    const labels = Array.isArray(o.labels) ? (o.labels as string[]) : typeof o.label === 'string' ? [o.label] : [];
    if (typeof o.claim !== 'string' || !labels.length) throw new InputError('usage', `${path}:${i + 1}: each row needs “claim” and “label” or “labels”.`);
    rows.push({ id: String(o.id ?? i + 1), claim: o.claim, evidence: typeof o.evidence === 'string' ? o.evidence : undefined, labels });
  });
  if (!rows.length) throw new InputError('empty-draft', `${path} has no rows.`);
  return rows;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function formatReport(r: EvalReport, classes: string[]): string {
  const w = Math.max(...classes.map((c) => c.length)) + 2;
  const lines = [
    `${r.file}: ${r.rows} rows (${r.binary ? 'supported / not-supported' : 'supported / contradicted / unsupported'}), ${r.millis} ms`,
    `accuracy ${pct(r.accuracy)}   balanced accuracy ${pct(r.balancedAccuracy)}   labelled supported but judged contradicted: ${r.supportedJudgedContradicted}`,
    '',
    `${'class'.padEnd(w)}precision  recall     F1         support`,
    ...classes.map((c) => {
      const p = r.perClass[c];
      return `${c.padEnd(w)}${pct(p.precision).padEnd(11)}${pct(p.recall).padEnd(11)}${pct(p.f1).padEnd(11)}${p.support}`;
    }),
    '',
    `confusion (rows: label, columns: verdict)`,
    `${''.padEnd(w)}${classes.map((c) => c.padStart(w)).join('')}`,
    ...classes.map((g) => `${g.padEnd(w)}${classes.map((c) => String(r.confusion[g]?.[c] ?? 0).padStart(w)).join('')}`),
  ];
  if (r.errors) lines.push('', `${r.errors} rows had evidence with no sentences; judged unsupported.`);
  return lines.join('\n');
}
