// Words that carry a negation, read from tokens: shared by the polarity checks, the features and the
// statement's units (a negation cue is weighed by the polarity check, not as a word the source must say).
import { NEGATIONS } from '../lexicon';
import type { Token } from '../text/tokens';

/** "stop short of", "fell short of": verbs that, with "short of", say the thing was not done. */
const SHORT_OF_VERBS = /^(?:stop|fall|fell)/;

/** A word that negates: "not", "never", "declined", "didn't", "wasn’t" (not a capitalised title word, "Much Ado About Nothing"). */
export function negator(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const w = t.lower;
  if (w === 't') {
    // "wasn ’ t", split apart.
    return /^['’]$/.test(tokens[k - 1]?.text ?? '') && !!tokens[k - 2]?.lower.endsWith('n');
  }
  // "stopped short of a pledge", "fell short of a majority": short of X is not X.
  if (w === 'short' && tokens[k + 1]?.lower === 'of' && SHORT_OF_VERBS.test(tokens[k - 1]?.lower ?? '')) return true;
  if (!NEGATIONS.has(w) && !w.endsWith("n't") && !w.endsWith('n’t')) return false;
  return !(t.capital && /[a-z]/.test(t.text) && k > 0 && !/^[.!?:;"“(]$/.test(tokens[k - 1].text));
}

/**
 * Is the token at `k` only a cue of negation: a negating word ("refused", "declined", "failed") or
 * part of "stopped short of"? "Declined to comment" says what "did not comment" says, so the cue is
 * not a word of meaning the source must repeat; the polarity check weighs it.
 */
export function negationCue(tokens: Token[], k: number): boolean {
  if (negator(tokens, k)) return true;
  const t = tokens[k];
  return SHORT_OF_VERBS.test(t.lower) && tokens[k + 1]?.lower === 'short' && tokens[k + 2]?.lower === 'of';
}
