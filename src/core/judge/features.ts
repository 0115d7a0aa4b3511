import { HEDGES, NEGATIONS, STOPWORDS } from '../lexicon';
import type { SentenceInfo } from '../reference/analysis';
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
  const window = al.window;
  let total = 0;
  let missingWordWeight = 0;
  let entityCount = 0;
  let entitiesSaid = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    total += u.weight;
    if (!al.covered[i] && u.kind === 'word') missingWordWeight += u.weight;
    if (u.entityId) {
      entityCount++;
      const id = u.entityId;
      if (window.some((s) => s.entityIds.has(id))) entitiesSaid++;
    }
  }
  total ||= 1;
  // A word of the statement is in the window when one of its sentences holds its stem (a sentence's
  // `stems` are its tokens' stems).
  let content = 0;
  let shared = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || STOPWORDS.has(t.lower) || t.lower.length <= 1) continue;
    content++;
    if (window.some((s) => s.stems.has(t.stem))) shared++;
  }
  const overlap = content ? shared / content : 0;
  const entityShare = entityCount ? entitiesSaid / entityCount : 1;
  const wide = al.wide?.coverage ?? al.coverage;
  const fired = new Set<string>();
  let quoteMissing = false;
  for (const f of findings) {
    if (f.finding.kind === 'contradicted') fired.add(f.check);
    if (f.check === 'quote' && f.finding.kind !== 'supported') quoteMissing = true;
  }
  const quotesFound = ctx.quotes.found.length;
  const windowNegated = window.some((s) => wordsOf(s).negation);
  const windowHedged = window.some((s) => wordsOf(s).hedge);
  const values = new Float64Array(FEATURE_NAMES.length);
  let k = 0;
  values[k++] = al.coverage;
  values[k++] = wide;
  values[k++] = Math.max(0, wide - al.coverage);
  values[k++] = cap(missingKey.names, 3);
  values[k++] = cap(missingKey.numbers, 3);
  values[k++] = missingWordWeight / total;
  values[k++] = overlap;
  values[k++] = entityShare;
  values[k++] = window.length > 1 ? 1 : 0;
  values[k++] = cap(Math.log1p(ctx.analysis.sentences.length), 6);
  values[k++] = cap(Math.log1p(units.length), 4);
  values[k++] = quotesFound ? 1 : 0;
  values[k++] = quoteMissing ? 1 : 0;
  values[k++] = hasWord(tokens, NEGATIONS) !== windowNegated ? 1 : 0;
  values[k++] = hasWord(tokens, HEDGES) !== windowHedged ? 1 : 0;
  values[k++] = ruleSupported ? 1 : 0;
  for (const c of CHECKS) values[k++] = fired.has(c.id) ? 1 : 0;
  for (const cat of CATEGORIES) values[k++] = CHECKS.some((c) => c.category === cat && fired.has(c.id)) ? 1 : 0;
  values[k++] = fired.size ? 1 : 0;
  values[k++] = fired.size && ruleSupported ? 1 : 0;
  values[k++] = fired.size ? al.coverage : 0;
  return values;
}

/** Whether a reference sentence has a negation or a hedge word, worked out once per sentence. */
const sentenceWords = new WeakMap<SentenceInfo, { negation: boolean; hedge: boolean }>();
function wordsOf(s: SentenceInfo): { negation: boolean; hedge: boolean } {
  let w = sentenceWords.get(s);
  if (!w) sentenceWords.set(s, (w = { negation: hasWord(s.tokens, NEGATIONS), hedge: hasWord(s.tokens, HEDGES) }));
  return w;
}
