import { InputError, judgeStatement, loadReference, type Reference } from '../core';
import { readTextFile, writeTextFile } from './io';

interface Row {
  id: string;
  claim: string;
  evidence?: string;
  labels: string[];
  /** The kind of case (news-dev: role, attribution, paraphrase…), when the data gives one. */
  category?: string;
}

/** One bin of the calibration table: verdicts whose confidence lies in [lo, hi) (the last bin includes 1). */
export interface CalibrationBin {
  lo: number;
  hi: number;
  rows: number;
  /** Mean confidence of the verdicts in the bin. */
  confidence: number;
  /** Share of them that were right. */
  accuracy: number;
}

export interface Calibration {
  /** Expected calibration error: the mean over bins, weighted by rows, of |accuracy − confidence|. */
  ece: number;
  /** Rows whose verdict carried a confidence (the others are left out). */
  rows: number;
  bins: CalibrationBin[];
}

/**
 * Expected calibration error over `bins` equal-width bins of the predicted verdict's confidence
 * (0 to 1; values outside are clamped): Σ (rows in bin / rows) · |accuracy in bin − mean confidence in bin|.
 * Undefined when nothing carries a confidence. Only bins with rows are listed.
 */
export function expectedCalibrationError(items: { confidence: number; correct: boolean }[], bins = 10): Calibration | undefined {
  const scored = items.filter((x) => Number.isFinite(x.confidence));
  if (!scored.length) return undefined;
  const acc = Array.from({ length: bins }, () => ({ rows: 0, confidence: 0, correct: 0 }));
  for (const x of scored) {
    const c = Math.min(1, Math.max(0, x.confidence));
    const b = acc[Math.min(bins - 1, Math.floor(c * bins))];
    b.rows++;
    b.confidence += c;
    if (x.correct) b.correct++;
  }
  const out: CalibrationBin[] = [];
  let ece = 0;
  acc.forEach((b, i) => {
    if (!b.rows) return;
    const bin = { lo: i / bins, hi: (i + 1) / bins, rows: b.rows, confidence: b.confidence / b.rows, accuracy: b.correct / b.rows };
    ece += (b.rows / scored.length) * Math.abs(bin.accuracy - bin.confidence);
    out.push(bin);
  });
  return { ece, rows: scored.length, bins: out };
}

export interface CategoryRecall {
  rows: number;
  /** Rows whose verdict the labels accept. */
  accepted: number;
  recall: number;
}

/** Per category, the share of its rows whose verdict was accepted. Rows without a category are left out; categories sorted by name. */
export function recallPerCategory(items: { category?: string; correct: boolean }[]): Record<string, CategoryRecall> {
  const counts = new Map<string, { rows: number; accepted: number }>();
  for (const x of items) {
    if (x.category === undefined) continue;
    const c = counts.get(x.category) ?? { rows: 0, accepted: 0 };
    c.rows++;
    if (x.correct) c.accepted++;
    counts.set(x.category, c);
  }
  const out: Record<string, CategoryRecall> = {};
  for (const k of [...counts.keys()].sort()) {
    const c = counts.get(k)!;
    out[k] = { rows: c.rows, accepted: c.accepted, recall: c.accepted / c.rows };
  }
  return out;
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
  /** Present when at least one verdict carries a confidence. */
  calibration?: Calibration;
  /** Present when at least one row carries a `category`. */
  perCategory?: Record<string, CategoryRecall>;
}

/** `factcheck eval`: judges every row and measures agreement with its labels. */
export function runEval(path: string, builtin: Reference[], format: string, out: string | undefined, print: (s: string) => void): number {
  if (!['text', 'json'].includes(format)) throw new InputError('usage', `Unknown format “${format}”; use text or json.`);
  const rows = readRows(path);
  const binary = rows.every((r) => r.labels.every((l) => l === 'supported' || l === 'not-supported'));
  const refCache = new Map<string, Reference>();
  const predictions: string[] = [];
  const outcomes: { confidence?: number; category?: string; correct: boolean }[] = [];
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
    const predicted = binary && v.kind !== 'supported' ? 'not-supported' : v.kind;
    const gold = row.labels.includes(predicted) ? predicted : row.labels[0];
    const accepted = row.labels.includes(predicted);
    if (accepted) correct++;
    outcomes.push({ confidence: v.confidence, category: row.category, correct: accepted });
    if (row.labels.length === 1 && row.labels[0] === 'supported' && v.kind === 'contradicted') falseAlarms++;
    (confusion[gold] ??= {})[predicted] = (confusion[gold][predicted] ?? 0) + 1;
    predictions.push(JSON.stringify({ id: row.id, verdict: v.kind, category: v.category, confidence: v.confidence }));
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
  // Calibration of the verdict as judged: its confidence is that the verdict (supported, contradicted
  // or unsupported) is right; with supported/not-supported labels it is scored against the mapped verdict.
  const calibration = expectedCalibrationError(outcomes.filter((o): o is typeof o & { confidence: number } => typeof o.confidence === 'number'));
  if (calibration) report.calibration = calibration;
  if (outcomes.some((o) => o.category !== undefined)) report.perCategory = recallPerCategory(outcomes);
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
    rows.push({
      id: String(o.id ?? i + 1),
      claim: o.claim,
      evidence: typeof o.evidence === 'string' ? o.evidence : undefined,
      labels,
      category: typeof o.category === 'string' && o.category ? o.category : undefined,
    });
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
  if (r.perCategory) {
    const cw = Math.max(8, ...Object.keys(r.perCategory).map((c) => c.length)) + 2;
    lines.push('', `recall per category (share of the category's rows whose verdict the label accepts)`, `${'category'.padEnd(cw)}recall     rows`);
    for (const [c, x] of Object.entries(r.perCategory)) lines.push(`${c.padEnd(cw)}${pct(x.recall).padEnd(11)}${x.accepted}/${x.rows}`);
  }
  lines.push('');
  if (r.calibration) {
    const c = r.calibration;
    lines.push(`expected calibration error ${c.ece.toFixed(3)} over ${c.rows} rows with a confidence (10 equal-width bins)`);
    lines.push(`${'confidence'.padEnd(14)}rows   mean conf.  accuracy`);
    for (const b of c.bins) lines.push(`${`${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`.padEnd(14)}${String(b.rows).padEnd(7)}${b.confidence.toFixed(3).padEnd(12)}${pct(b.accuracy)}`);
  } else lines.push('calibration: no verdict carries a confidence, so none is reported.');
  if (r.errors) lines.push('', `${r.errors} rows had evidence with no sentences; judged unsupported.`);
  return lines.join('\n');
}
