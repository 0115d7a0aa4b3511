// Quotations in messages: whole phrases of the source, not fragments cut mid-phrase ("whether the").
import { STOPWORDS } from '../lexicon';
import type { SentenceInfo } from '../reference/analysis';
import type { Token } from '../text/tokens';

/** Words that open a new clause: a quotation stops before them. */
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'which', 'who', 'because', 'and']);
const isBoundary = (t: Token) => (t.kind === 'punct' && /^[,;:.!?()\[\]"“”]$/.test(t.text)) || CLAUSE_WORDS.has(t.lower);

/**
 * The source's words around tokens `from..to` (inclusive indexes into `s.tokens`), widened to the
 * clause they stand in: back to the clause's start and on to its end, at most `reach` tokens each way.
 * The result never ends on a function word ("gave no date for") unless the clause itself does.
 * Returns the text of the sentence between those tokens (UTF-16 slices of `s.sentence.text`).
 */
export function clauseText(s: SentenceInfo, from: number, to: number = from, reach = 12): string {
  const t = s.tokens;
  if (!t.length) return s.sentence.text.trim();
  let a = Math.max(0, Math.min(from, t.length - 1));
  let b = Math.max(a, Math.min(to, t.length - 1));
  for (let k = a - 1; k >= 0 && a - k <= reach && !isBoundary(t[k]); k--) a = k;
  let end = b;
  for (let k = b + 1; k < t.length && k - b <= reach && !isBoundary(t[k]); k++) end = k;
  // Cut short by the reach: end on a word of meaning, not on "for" or "the".
  if (end < t.length - 1 && !isBoundary(t[end + 1])) while (end > b && (t[end].kind !== 'word' || STOPWORDS.has(t[end].lower))) end--;
  b = end;
  return s.sentence.text.slice(t[a].start - s.sentence.start, t[b].end - s.sentence.start);
}
