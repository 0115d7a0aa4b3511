// The verdict's decision: a multinomial logistic regression over the checks' features, fitted by
// `npm run train` (scripts/train.ts) on ../shared/eval/train/ and shipped as model.json.
import type { VerdictKind } from '../types';
import { FEATURE_NAMES } from './features';
import model from './model.json';

/** The fitted model as `npm run train` writes it. */
export interface DecisionModel {
  classes: VerdictKind[];
  features: string[];
  /** Per feature: mean and standard deviation used to standardise it before weighing. */
  mean: number[];
  scale: number[];
  /** Per class: intercept, then one weight per feature. */
  weights: number[][];
  /**
   * How far the probability of "contradicted" may fall short of the likeliest other verdict's and
   * still be called, when a check names the clash: contradicted when p(C) >= margin * max(p(S), p(U)).
   * Fitted by `npm run train` on held-out predictions; 1 when absent (the likeliest verdict wins).
   */
  contradictionMargin?: number;
}

/** Probabilities of supported, contradicted and unsupported, each 0..1, summing to 1. */
export type Probabilities = Record<VerdictKind, number>;

const loaded = model as unknown as DecisionModel;

/** Column of each of our features in the model (-1: the model predates it and gives it no weight). */
let columns: number[] | undefined;

/**
 * Probabilities of each verdict for a statement's features (`FEATURE_NAMES` order), from `fitted`
 * (the shipped model unless another is given, as training does).
 */
export function probabilities(features: Float64Array, fitted: DecisionModel = loaded): Probabilities {
  const cols = fitted === loaded ? (columns ??= FEATURE_NAMES.map((n) => fitted.features.indexOf(n))) : FEATURE_NAMES.map((n) => fitted.features.indexOf(n));
  const logits = fitted.weights.map((w) => {
    let z = w[0];
    cols.forEach((c, i) => {
      if (c >= 0) z += w[c + 1] * ((features[i] - fitted.mean[c]) / fitted.scale[c]);
    });
    return z;
  });
  const max = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const out: Probabilities = { supported: 0, contradicted: 0, unsupported: 0 };
  fitted.classes.forEach((c, k) => (out[c] = exp[k] / sum));
  return out;
}

/**
 * The verdict from the model's probabilities. "Contradicted" needs a check that names the clash
 * (`clash`); without one the honest answer is unsupported. "Supported" needs no clash at all: where a
 * check found one the model does not believe, the statement is left unsupported rather than ticked,
 * and a check that found the statement's own words missing from the source (`blocked`, an invented
 * quotation) rules it out too. `margin` (the model's fitted `contradictionMargin`) lets a named clash
 * be called when its probability comes close to the likeliest other verdict's. `confidence` is the
 * probability of the verdict given, 0..1.
 */
export function decideVerdict(p: Probabilities, clash: boolean, blocked: boolean, margin: number = loaded.contradictionMargin ?? 1): { verdict: VerdictKind; confidence: number } {
  if (clash && p.contradicted >= margin * Math.max(p.supported, p.unsupported)) return { verdict: 'contradicted', confidence: p.contradicted };
  if (!blocked && !clash && p.supported > p.unsupported && p.supported > p.contradicted) return { verdict: 'supported', confidence: p.supported };
  return { verdict: 'unsupported', confidence: p.unsupported + p.contradicted };
}
