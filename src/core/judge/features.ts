import { HEDGES, NEGATIONS, STOPWORDS } from '../lexicon';
import type { Token } from '../text/tokens';
import type { Alignment } from './align';
import { CHECKS } from './checks';
import type { CheckContext, Finding } from './context';

/** A check's finding, with the id of the check that made it. */
export interface CheckFinding {
  check: string;
  finding: Finding;
}

/**
 * The checks' categories, each once. A check that rarely fires in the training data (or a new one)
 * borrows the reliability of its category's other checks through the category's feature.
 */
const CATEGORIES: readonly string[] = [...new Set(CHECKS.map((c) => c.category))];

/**
 * Names of the features the decision model reads, in the order of its weights. Each is a number
 * about the statement and its aligned evidence, roughly in 0..1.
 */
export const FEATURE_NAMES: readonly string[] = [
  'coverage',
  'coverageWide',
  'coverageGain',
  'missingNames',
  'missingNumbers',
  'missingWords',
  'lexicalOverlap',
  'entityShare',
  'pairWindow',
  'referenceLength',
  'statementLength',
  'quoteFound',
  'quoteMissing',
  'negationMismatch',
  'hedgeMismatch',
  'ruleSupported',
  ...CHECKS.map((c) => `check:${c.id}`),
  ...CATEGORIES.map((c) => `category:${c}`),
  'anyContradiction',
  // A clash on a statement the source otherwise says in full (a contrastive edit) and one on a
  // statement it barely covers weigh differently: the interactions let the fit tell them apart.
  'clashCovered',
  'clashCoverage',
];

const cap = (x: number, max: number) => Math.min(x, max) / max;

function hasWord(tokens: Token[], set: ReadonlySet<string>): boolean {
  return tokens.some((t) => set.has(t.lower));
}

/**
 * The statement's features against its aligned evidence. `missingKey` are the units the source
 * does not give (names, numbers), `findings` what the checks found, `ruleSupported` whether enough
 * of the statement is covered with no name or number missing. Values are in 0..1.
 */
export function featuresOf(ctx: CheckContext, findings: CheckFinding[], missingKey: { names: number; numbers: number }, ruleSupported: boolean): Float64Array {
  const al: Alignment = ctx.alignment;
  const { units, tokens } = ctx.view;
  const total = units.reduce((n, u) => n + u.weight, 0) || 1;
  const missingWordWeight = units.reduce((n, u, i) => n + (!al.covered[i] && u.kind === 'word' ? u.weight : 0), 0);
  const windowTokens = al.window.flatMap((s) => s.tokens);
  const windowStems = new Set(windowTokens.map((t) => t.stem));
  const content = tokens.filter((t) => t.kind === 'word' && !STOPWORDS.has(t.lower) && t.lower.length > 1);
  const overlap = content.length ? content.filter((t) => windowStems.has(t.stem)).length / content.length : 0;
  const entities = units.filter((u) => u.entityId);
  const entityShare = entities.length ? entities.filter((u) => al.window.some((s) => s.entityIds.has(u.entityId as string))).length / entities.length : 1;
  const wide = al.wide?.coverage ?? al.coverage;
  const fired = new Set(findings.filter((f) => f.finding.kind === 'contradicted').map((f) => f.check));
  const quotesFound = ctx.quotes.found.length;
  const quoteMissing = findings.some((f) => f.check === 'quote' && f.finding.kind !== 'supported');
  const values = [
    al.coverage,
    wide,
    Math.max(0, wide - al.coverage),
    cap(missingKey.names, 3),
    cap(missingKey.numbers, 3),
    missingWordWeight / total,
    overlap,
    entityShare,
    al.window.length > 1 ? 1 : 0,
    cap(Math.log1p(ctx.analysis.sentences.length), 6),
    cap(Math.log1p(units.length), 4),
    quotesFound ? 1 : 0,
    quoteMissing ? 1 : 0,
    hasWord(tokens, NEGATIONS) !== hasWord(windowTokens, NEGATIONS) ? 1 : 0,
    hasWord(tokens, HEDGES) !== hasWord(windowTokens, HEDGES) ? 1 : 0,
    ruleSupported ? 1 : 0,
    ...CHECKS.map((c) => (fired.has(c.id) ? 1 : 0)),
    ...CATEGORIES.map((cat) => (CHECKS.some((c) => c.category === cat && fired.has(c.id)) ? 1 : 0)),
    fired.size ? 1 : 0,
    fired.size && ruleSupported ? 1 : 0,
    fired.size ? al.coverage : 0,
  ];
  return Float64Array.from(values);
}
