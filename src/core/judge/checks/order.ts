import { STOPWORDS } from '../../lexicon';
import type { SentenceInfo } from '../../reference/analysis';
import { conceptsOf, type Token } from '../../text/tokens';
import { para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/**
 * Words that order two events, by stem: "A precedes B", "A before B", "A, and later B" put A first
 * ('first'); "A follows B", "A after B", "A; earlier, B" put B first ('second'). A comparative before
 * "than" turns round ("A later than B" puts B first). English closed-class words: no dataset lists
 * them by direction.
 */
const ORDER_WORDS = new Map<string, 'first' | 'second'>([
  ['preced', 'first'],
  ['befor', 'first'],
  ['prior', 'first'],
  ['ahead', 'first'],
  ['later', 'first'],
  ['afterward', 'first'],
  ['subsequ', 'first'],
  ['follow', 'second'],
  ['after', 'second'],
  ['earlier', 'second'],
]);

/** Stems of the order words, for other checks that must leave them to this one. */
export const ORDER_STEMS: ReadonlySet<string> = new Set(ORDER_WORDS.keys());

const CLAUSE_END = new Set([',', ';', ':', '.', 'but', 'while', 'whereas', 'although', 'and']);

interface Ordering {
  at: number;
  /** Which side of the order word happened first. */
  direction: 'first' | 'second';
  left: Token[];
  right: Token[];
}

/** Order words that can open a sentence with a clause of their own ("After the vote, …", "Following the talks, …"). */
const LEADING = new Set(['befor', 'after', 'follow', 'prior', 'ahead']);

/** Does the token at `i` open the sentence (or a part of it after a semicolon, colon or opening quote)? */
const opensSentence = (tokens: Token[], i: number) => i === 0 || /^[.;:"“(]$/.test(tokens[i - 1].text);

const content = (t: Token) => t.kind === 'word' && !STOPWORDS.has(t.lower) && !ORDER_WORDS.has(t.stem);

/** Order words between two events, each event the content words around it within the clause. */
function orderings(tokens: Token[]): Ordering[] {
  const out: Ordering[] = [];
  tokens.forEach((t, i) => {
    const word = ORDER_WORDS.get(t.stem);
    if (!word || t.kind !== 'word') return;
    const direction = tokens[i + 1]?.lower === 'than' && (t.stem === 'later' || t.stem === 'earlier') ? (word === 'first' ? 'second' : 'first') : word;
    // "before 2016", "after March 3": a bound on a date, which the number check weighs.
    if (tokens.slice(i + 1, i + 4).some((x) => x.kind === 'number')) return;
    if (opensSentence(tokens, i) && LEADING.has(t.stem)) {
      // "After B, A" and "Before B, A": the order word's clause is B; the main clause after the comma is A.
      const right: Token[] = [];
      let k = i + 1;
      for (; k < tokens.length && tokens[k].text !== ','; k++) if (content(tokens[k])) right.push(tokens[k]);
      const left: Token[] = [];
      for (k++; k < tokens.length && !(CLAUSE_END.has(tokens[k].lower) && left.length); k++) if (content(tokens[k])) left.push(tokens[k]);
      if (left.length && right.length) out.push({ at: i, direction, left, right });
      return;
    }
    const left: Token[] = [];
    for (let k = i - 1; k >= 0 && !(CLAUSE_END.has(tokens[k].lower) && left.length); k--) if (content(tokens[k])) left.push(tokens[k]);
    const right: Token[] = [];
    for (let k = i + 1; k < tokens.length && !(CLAUSE_END.has(tokens[k].lower) && right.length); k++) if (content(tokens[k])) right.push(tokens[k]);
    if (left.length && right.length) out.push({ at: i, direction, left, right });
  });
  return out;
}

/** Words two events share: same stem or same synonym concept. */
function shared(a: Token[], b: Token[]): number {
  return a.filter((x) => b.some((y) => x.stem === y.stem || [...conceptsOf(x.stem)].some((c) => conceptsOf(y.stem).has(c)))).length;
}

/** "A preceded B" where the source says "A follows B" (or "B came after A" where it says "B preceded A"). */
function checkOrder(ctx: CheckContext): Finding | undefined {
  const claim = orderings(ctx.view.tokens);
  if (!claim.length) return undefined;
  for (const s of ctx.alignment.window as SentenceInfo[]) {
    for (const src of orderings(s.tokens)) {
      for (const c of claim) {
        const straight = Math.min(shared(c.left, src.left), shared(c.right, src.right));
        const crossed = Math.min(shared(c.left, src.right), shared(c.right, src.left));
        // Both events must be recognisably the same, one way round or the other.
        if (Math.max(straight, crossed) < 1 || straight === crossed) continue;
        const agrees = straight > crossed ? c.direction === src.direction : c.direction !== src.direction;
        if (agrees) continue;
        const word = ctx.view.tokens[c.at];
        return {
          kind: 'contradicted',
          category: 'order',
          message: `The source has these events the other way round: “${s.sentence.text.trim()}” (${para(s)}).`,
          focus: { start: word.start, end: word.end },
          evidence: [s],
        };
      }
    }
  }
  return undefined;
}

/** The order of two events reversed. */
export const order: CheckDefinition = {
  id: 'order',
  category: 'order',
  description: 'Two events put in the opposite order to the source’s (“preceded” where the source says “follows”).',
  run: checkOrder,
};
