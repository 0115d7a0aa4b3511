import { STOPWORDS } from '../../lexicon';
import { stemOf, type Token } from '../../text/tokens';
import { coverageWithout, para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/** Units of a length of time, shortest first (stems). */
const UNITS = ['second', 'minut', 'hour', 'day', 'week', 'month', 'year', 'decad', 'centuri'];
const UNIT_STEMS = new Set(UNITS);

/** Words that may stand between "for" and the unit: a count or a vague amount ("for several months"). */
const BETWEEN = new Set(['a', 'an', 'few', 'several', 'many', 'some', 'two', 'three', 'four', 'five', 'six', 'nearly', 'almost', 'about', 'over', 'the', 'past', 'last']);

/** "for months", "for three years", "over the past weeks": the unit of each length of time said. */
function durations(tokens: Token[]): { token: Token; unit: string; from: Token }[] {
  const out: { token: Token; unit: string; from: Token }[] = [];
  tokens.forEach((t, i) => {
    if (t.lower !== 'for' && t.lower !== 'over') return;
    for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
      const x = tokens[k];
      const unit = stemOf(x.lower);
      if (UNIT_STEMS.has(unit)) {
        out.push({ token: x, unit, from: t });
        return;
      }
      if (!BETWEEN.has(x.lower) && x.kind !== 'number') return;
    }
  });
  return out;
}

const CLAUSE_BREAK = new Set([',', ';', ':', '.', 'and', 'but', 'while', 'whereas', 'although']);

/** Content stems of the clause around token `i`. */
function clauseStems(tokens: Token[], i: number): string[] {
  let a = i;
  while (a > 0 && !CLAUSE_BREAK.has(tokens[a - 1].lower)) a--;
  let b = i;
  while (b + 1 < tokens.length && !CLAUSE_BREAK.has(tokens[b + 1].lower)) b++;
  return tokens.slice(a, b + 1).filter((t) => t.kind === 'word' && !STOPWORDS.has(t.lower)).map((t) => t.stem);
}

/** "for weeks" where the source says "for months": how long something went on. */
function checkDuration(ctx: CheckContext): Finding | undefined {
  const claimed = durations(ctx.view.tokens);
  if (!claimed.length) return undefined;
  for (const s of ctx.alignment.window) {
    const said = durations(s.tokens);
    if (!said.length) continue;
    for (const c of claimed) {
      // Of several lengths of time in a sentence, the one of the statement's event: the one whose
      // clause shares most words with the statement ("on leave for weeks, and … searching … for over a year").
      const event = new Set(ctx.view.tokens.filter((t) => t.kind === 'word' && !STOPWORDS.has(t.lower)).map((t) => t.stem));
      const scored = said.map((x) => ({ x, n: clauseStems(s.tokens, s.tokens.indexOf(x.token)).filter((st) => event.has(st)).length }));
      const top = Math.max(...scored.map((y) => y.n));
      const same = scored.filter((y) => y.n === top).map((y) => y.x);
      if (same.some((x) => x.unit === c.unit)) continue;
      said.sort((a, b) => Number(same.includes(b)) - Number(same.includes(a)));
      // The rest of the statement must be what the source says, for the length to be of the same thing.
      if (coverageWithout(ctx, (u) => u.start === c.token.start) < 0.6) continue;
      const truth = said[0].token;
      // Quote the whole length of time ("for months"), not its unit alone.
      const saidPhrase = s.sentence.text.slice(said[0].from.start - s.sentence.start, truth.end - s.sentence.start);
      const claimPhrase = ctx.text.slice(c.from.start, c.token.end);
      return {
        kind: 'contradicted',
        category: 'time',
        message: `The source says “${saidPhrase}”, not “${claimPhrase}” (${para(s)}).`,
        focus: { start: c.token.start, end: c.token.end },
        replacement: truth.text,
        evidence: [s],
      };
    }
  }
  return undefined;
}

/** How long something lasted, in other units than the source's. */
export const duration: CheckDefinition = {
  id: 'duration',
  category: 'time',
  description: 'Another length of time than the source gives (“for weeks” where it says “for months”).',
  run: checkDuration,
};
