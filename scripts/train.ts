// Fits the verdict model (src/core/judge/model.json): a multinomial logistic regression over the
// checks' features. Deterministic: the same data gives the same file.
//
// Data: ../shared/eval/train/ (journalist statements on Wikinews articles, VitaminC pairs), and, with
// cross-validation, the dev sets that carry their evidence (news-dev, vitaminc-dev, wice-dev,
// summedits-other, qags-xsum). Rows labelled supported / not-supported count "not-supported" as
// contradicted or unsupported (the likelihood of either). dev-claims is never fitted on.
// Hyper-parameters (L2 strength, weight of the journalist statements) are chosen on held-out
// predictions; every figure printed is held out: each row is predicted by a model fitted without its
// fold (articles stay together). Usage: npm run train [-- --eval DIR] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assessSpan, decideVerdict, FEATURE_NAMES, loadReference, probabilities, type DecisionModel, type Reference, type VerdictKind } from '../src/core';

const CLASSES: VerdictKind[] = ['supported', 'contradicted', 'unsupported'];
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const evalDir = resolve(arg('--eval', join(__dirname, '../../shared/eval')));
const outFile = resolve(arg('--out', join(__dirname, '../src/core/judge/model.json')));
const FOLDS = 7;

/** The sets fitted on: file, and whether its statements are journalists' (weighed by `newsShare`). */
const SETS = [
  { name: 'news-train', file: 'train/news-train.jsonl', news: true },
  { name: 'vitaminc-train', file: 'train/vitaminc-train.jsonl', news: false },
  { name: 'news-dev', file: 'news-dev.jsonl', news: true },
  { name: 'vitaminc-dev', file: 'external/vitaminc-dev.jsonl', news: false },
  { name: 'wice-dev', file: 'external/wice-dev.jsonl', news: false },
  { name: 'summedits-other', file: 'external/summedits-other.jsonl', news: false },
  { name: 'qags-xsum', file: 'external/qags-xsum.jsonl', news: false },
];

interface Row {
  set: string;
  news: boolean;
  fold: number;
  /** Accepted classes, a bit per class of CLASSES; the first accepted class names the row's label. */
  accepted: number;
  /** Undefined when no reference sentence says anything the statement says (always unsupported). */
  x?: Float64Array;
  clash: boolean;
  blocked: boolean;
  /** The kind of statement, where the set says (journalist statements). */
  category?: string;
}

function readRows(set: (typeof SETS)[number]): Row[] {
  const refs = new Map<string, Reference>();
  const lines = readFileSync(join(evalDir, set.file), 'utf8').split('\n').filter((l) => l.trim());
  const articles: string[] = [];
  return lines.map((line, n) => {
    const row = JSON.parse(line) as { id: string; claim: string; evidence: string; label: string; category?: string };
    let ref = refs.get(row.evidence);
    if (!ref) refs.set(row.evidence, (ref = loadReference(row.evidence, { key: 'evidence', title: row.id, path: `${set.file}#${row.id}` })));
    const a = assessSpan(row.claim, 0, row.claim.length, [ref]);
    const binary = row.label === 'not-supported';
    const k = CLASSES.indexOf(row.label as VerdictKind);
    if (k < 0 && !binary) throw new Error(`${set.file}:${n + 1}: unknown label ${row.label}`);
    // Statements on the same article stay in one fold.
    let fold = n % FOLDS;
    if (set.news) {
      if (!articles.includes(row.evidence)) articles.push(row.evidence);
      fold = articles.indexOf(row.evidence) % FOLDS;
    }
    return {
      set: set.name,
      news: set.news,
      fold,
      accepted: binary ? 0b110 : 1 << k,
      x: a?.features,
      clash: !!a?.clash,
      blocked: !!a?.missing,
      category: row.category,
    };
  });
}

interface Hyper {
  l2: number;
  /** Weight of a journalist-statement set relative to each other set (every set weighs 1 in all). */
  newsShare: number;
}

/** Row weights: each label of each set weighs the same within its set; each set weighs 1 (news sets `newsShare`). */
function rowWeights(rows: Row[], h: Hyper): number[] {
  const count = new Map<string, number>();
  const key = (r: Row) => `${r.set}/${r.accepted}`;
  for (const r of rows) count.set(key(r), (count.get(key(r)) ?? 0) + 1);
  const labelsIn = new Map<string, number>();
  for (const k of count.keys()) labelsIn.set(k.split('/')[0], (labelsIn.get(k.split('/')[0]) ?? 0) + 1);
  return rows.map((r) => (r.news ? h.newsShare : 1) / (labelsIn.get(r.set) as number) / (count.get(key(r)) as number));
}

function fit(rows: Row[], h: Hyper): DecisionModel {
  const data = rows.filter((r) => r.x) as Required<Row>[];
  const F = FEATURE_NAMES.length;
  const mean = new Array(F).fill(0);
  const scale = new Array(F).fill(0);
  for (const r of data) for (let j = 0; j < F; j++) mean[j] += r.x[j] / data.length;
  for (const r of data) for (let j = 0; j < F; j++) scale[j] += (r.x[j] - mean[j]) ** 2 / data.length;
  for (let j = 0; j < F; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const xs = data.map((r) => r.x.map((v, j) => (v - mean[j]) / scale[j]));
  const w = rowWeights(data, h);
  const wsum = w.reduce((a, b) => a + b, 0);
  const K = CLASSES.length;
  const W = Array.from({ length: K }, () => new Float64Array(F + 1));
  // Adam on the weighted, L2-penalised log likelihood of the accepted classes; fixed steps, no randomness.
  const m = W.map(() => new Float64Array(F + 1));
  const v = W.map(() => new Float64Array(F + 1));
  const lr = 0.05;
  const z = new Float64Array(K);
  for (let step = 1; step <= 300; step++) {
    const g = W.map(() => new Float64Array(F + 1));
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = W[k][0];
        for (let j = 0; j < F; j++) s += W[k][j + 1] * x[j];
        z[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (z[k] = Math.exp(z[k] - max));
      let pa = 0;
      for (let k = 0; k < K; k++) if (data[i].accepted & (1 << k)) pa += z[k] / sum;
      for (let k = 0; k < K; k++) {
        const p = z[k] / sum;
        // d(-log P(accepted))/dz_k = p_k - [k accepted] p_k / P(accepted)
        const d = (w[i] / wsum) * (p - (data[i].accepted & (1 << k) ? p / pa : 0));
        g[k][0] += d;
        for (let j = 0; j < F; j++) g[k][j + 1] += d * x[j];
      }
    }
    for (let k = 0; k < K; k++) {
      for (let j = 0; j <= F; j++) {
        const grad = g[k][j] + (j ? h.l2 * W[k][j] : 0);
        m[k][j] = 0.9 * m[k][j] + 0.1 * grad;
        v[k][j] = 0.999 * v[k][j] + 0.001 * grad * grad;
        W[k][j] -= (lr * (m[k][j] / (1 - 0.9 ** step))) / (Math.sqrt(v[k][j] / (1 - 0.999 ** step)) + 1e-8);
      }
    }
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { classes: CLASSES, features: [...FEATURE_NAMES], mean: mean.map(round), scale: scale.map(round), weights: W.map((wk) => [...wk].map(round)) };
}

interface Prediction {
  verdict: number;
  confidence: number;
  /** The model's probabilities, kept to choose the contradiction margin on held-out predictions. */
  p?: ReturnType<typeof probabilities>;
}

function predict(model: DecisionModel, r: Row, margin = 1): Prediction {
  if (!r.x) return { verdict: 2, confidence: 1 };
  const p = probabilities(r.x, model);
  const d = decideVerdict(p, r.clash, r.blocked, margin);
  return { verdict: CLASSES.indexOf(d.verdict), confidence: d.confidence, p };
}

/** The same held-out predictions decided with another contradiction margin. */
function withMargin(rows: Row[], predicted: Prediction[], margin: number): Prediction[] {
  return predicted.map((q, i) => {
    if (!q.p) return q;
    const d = decideVerdict(q.p, rows[i].clash, rows[i].blocked, margin);
    return { verdict: CLASSES.indexOf(d.verdict), confidence: d.confidence, p: q.p };
  });
}

/** Margins tried: 1 lets the likeliest verdict win; lower ones call a named clash on less. */
const MARGINS = [1, 0.9, 0.8, 0.7, 0.6];

interface Score {
  n: number;
  accuracy: number;
  balanced: number;
  /** Share of the statements labelled supported that were judged contradicted. */
  falseAlarm: number;
  /** Expected calibration error over 10 bins of the verdict's confidence. */
  ece: number;
  /** Rows: label (S/C/U, or S/not-supported); columns: verdict (S/C/U). */
  confusion: number[][];
}

function score(rows: Row[], predicted: Prediction[]): Score {
  const binary = rows.some((r) => r.accepted === 0b110);
  const labels = binary ? [0b001, 0b110] : [0b001, 0b010, 0b100];
  const confusion = labels.map(() => CLASSES.map(() => 0));
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  rows.forEach((r, i) => {
    const p = predicted[i];
    confusion[labels.indexOf(r.accepted)][p.verdict]++;
    const b = bins[Math.min(9, Math.floor(p.confidence * 10))];
    b.n++;
    b.conf += p.confidence;
    b.right += r.accepted & (1 << p.verdict) ? 1 : 0;
  });
  const accepted = (li: number, v: number) => (labels[li] & (1 << v)) !== 0;
  const right = confusion.reduce((n, row, li) => n + row.reduce((m, c, v) => m + (accepted(li, v) ? c : 0), 0), 0);
  const recalls = confusion.filter((row) => row.some((x) => x)).map((row) => row.reduce((m, c, v) => m + (accepted(confusion.indexOf(row), v) ? c : 0), 0) / row.reduce((a, b) => a + b, 0));
  const supported = confusion[0].reduce((a, b) => a + b, 0);
  return {
    n: rows.length,
    accuracy: right / rows.length,
    balanced: recalls.reduce((a, b) => a + b, 0) / recalls.length,
    falseAlarm: supported ? confusion[0][1] / supported : 0,
    ece: bins.reduce((e, b) => e + (b.n ? (b.n / rows.length) * Math.abs(b.right / b.n - b.conf / b.n) : 0), 0),
    confusion,
  };
}

/** Held-out predictions for every row: each fold is predicted by a model fitted without it. */
function crossValidate(rows: Row[], h: Hyper): Prediction[] {
  const out = new Array<Prediction>(rows.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = fit(rows.filter((r) => r.fold !== f), h);
    rows.forEach((r, i) => r.fold === f && (out[i] = predict(model, r)));
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const bySet = (rows: Row[], predicted: Prediction[]) =>
  SETS.map((s) => {
    const idx = rows.map((_, i) => i).filter((i) => rows[i].set === s.name);
    return { set: s.name, ...score(idx.map((i) => rows[i]), idx.map((i) => predicted[i])) };
  });

const started = Date.now();
const rows = SETS.flatMap(readRows);
console.log(`features of ${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
// The criterion: held-out balanced accuracy less the share of correct statements called contradicted
// (false alarms are what make writers switch a checker off), averaged over the sets.
let best: { h: Hyper; margin: number; value: number; predicted: Prediction[] } | undefined;
for (const l2 of [0.01, 0.1]) {
  for (const newsShare of [1, 3]) {
    const h = { l2, newsShare };
    const heldOut = crossValidate(rows, h);
    for (const margin of MARGINS) {
      const predicted = withMargin(rows, heldOut, margin);
      const scores = bySet(rows, predicted);
      const value = scores.reduce((n, s) => n + s.balanced - s.falseAlarm, 0) / scores.length;
      console.log(`l2=${l2} newsShare=${newsShare} margin=${margin}: ${scores.map((s) => `${s.set} ${pct(s.balanced)}`).join(', ')}; criterion ${value.toFixed(4)}`);
      if (!best || value > best.value) best = { h, margin, value, predicted };
    }
  }
}
const chosen = best!;
const heldOut = bySet(rows, chosen.predicted);
console.log(`\nchosen: l2=${chosen.h.l2} newsShare=${chosen.h.newsShare} margin=${chosen.margin}; held-out (cross-validated) figures, confusion rows are labels (S/C/U or S/not), columns verdicts S/C/U:`);
for (const s of heldOut) console.log(`${s.set.padEnd(16)} n=${String(s.n).padStart(4)}  accuracy ${pct(s.accuracy)}  balanced ${pct(s.balanced)}  supported→contradicted ${pct(s.falseAlarm)}  ECE ${s.ece.toFixed(3)}  ${JSON.stringify(s.confusion)}`);
// Recall per kind of statement on the journalist sets, held out.
for (const set of SETS.filter((x) => x.news)) {
  const tally = new Map<string, [number, number]>();
  rows.forEach((r, i) => {
    if (r.set !== set.name || !r.category) return;
    const t = tally.get(r.category) ?? [0, 0];
    t[0] += r.accepted & (1 << chosen.predicted[i].verdict) ? 1 : 0;
    t[1]++;
    tally.set(r.category, t);
  });
  console.log(`${set.name} recall per category (held out): ${[...tally].sort().map(([c, [ok, n]]) => `${c} ${ok}/${n}`).join(', ')}`);
}
const model = fit(rows, chosen.h);
const round = (x: number) => Math.round(x * 1e4) / 1e4;
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      ...model,
      contradictionMargin: chosen.margin,
      trainedOn: Object.fromEntries(SETS.map((s) => [s.file, rows.filter((r) => r.set === s.name).length])),
      hyper: chosen.h,
      heldOut: heldOut.map((s) => ({ set: s.set, n: s.n, accuracy: round(s.accuracy), balanced: round(s.balanced), falseAlarm: round(s.falseAlarm), ece: round(s.ece), confusion: s.confusion })),
    },
    null,
    1,
  )}\n`,
);
console.log(`wrote ${outFile} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
