import { stemOf, type Token } from '../../text/tokens';
import { coverageWithout, para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/** Units of a length of time, shortest first (stems). */
const UNITS = ['second', 'minut', 'hour', 'day', 'week', 'month', 'year', 'decad', 'centuri'];
const UNIT_STEMS = new Set(UNITS);

/** Words that may stand between "for" and the unit: a count or a vague amount ("for several months"). */
const BETWEEN = new Set(['a', 'an', 'few', 'several', 'many', 'some', 'two', 'three', 'four', 'five', 'six', 'nearly', 'almost', 'about', 'over', 'the', 'past', 'last']);

/** "for months", "for three years", "over the past weeks": the unit of each length of time said. */
function durations(tokens: Token[]): { token: Token; unit: string }[] {
  const out: { token: Token; unit: string }[] = [];
  tokens.forEach((t, i) => {
    if (t.lower !== 'for' && t.lower !== 'over') return;
    for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
      const x = tokens[k];
      const unit = stemOf(x.lower);
      if (UNIT_STEMS.has(unit)) {
        out.push({ token: x, unit });
        return;
      }
      if (!BETWEEN.has(x.lower) && x.kind !== 'number') return;
    }
  });
  return out;
}

/** "for weeks" where the source says "for months": how long something went on. */
function checkDuration(ctx: CheckContext): Finding | undefined {
  const claimed = durations(ctx.view.tokens);
  if (!claimed.length) return undefined;
  for (const s of ctx.alignment.window) {
    const said = durations(s.tokens);
    if (!said.length) continue;
    for (const c of claimed) {
      if (said.some((x) => x.unit === c.unit)) continue;
      // The rest of the statement must be what the source says, for the length to be of the same thing.
      if (coverageWithout(ctx, (u) => u.start === c.token.start) < 0.6) continue;
      const truth = said[0].token;
      return {
        kind: 'contradicted',
        category: 'time',
        message: `The source says “${truth.text}”, not “${c.token.text}” (${para(s)}).`,
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
