import { STOPWORDS, WEEKDAYS } from '../../lexicon';
import type { SentenceInfo } from '../../reference/analysis';
import { stemOf, type Token } from '../../text/tokens';
import { amounts } from '../numbers';
import { coverageWithout, para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/** Minutes in one of each unit of time; a month and a year are their calendar averages. */
const UNIT_WORDS: Record<string, number> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  night: 1440,
  week: 10080,
  weekend: 10080,
  fortnight: 20160,
  month: 43830,
  year: 525960,
  decade: 5259600,
  century: 52596000,
};
/** The same, by stem ("days" and "day" both stem to one key). */
const UNIT_MINUTES: Record<string, number> = Object.fromEntries(Object.entries(UNIT_WORDS).map(([w, m]) => [stemOf(w), m]));

/** Adverbs (and adjectives) of a rate: "hourly", "twice daily", "annual". */
const RATE_WORDS: Record<string, number> = {
  hourly: 60,
  daily: 1440,
  nightly: 1440,
  weekly: 10080,
  fortnightly: 20160,
  monthly: 43830,
  yearly: 525960,
  annually: 525960,
};

/** How many times "once", "twice", "thrice" say. */
const TIMES_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** Words that take a unit of time as a rate's "per": "twice a day", "300 trains per hour". */
const PER = new Set(['a', 'an', 'per', 'each', 'every']);

/** A rate said in a sentence: how many minutes between two occurrences, and where it is said. */
export interface Rate {
  /** Minutes from one occurrence to the next (a normalised rate: 60 is once an hour). */
  period: number;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
  /**
   * For a count of things per unit ("four sailings a day"), the stem of what is counted: such a rate
   * is compared only with one of the same things, never with how often an event recurs ("two songs
   * per month" is no clash with "a release each month").
   */
  counted?: string;
}

/** Minutes in the unit of time a token names ("hours" → 60; "Mondays" → a week), or undefined. */
function unitMinutes(t: Token | undefined): number | undefined {
  if (!t || t.kind !== 'word') return undefined;
  if (WEEKDAYS.has(t.lower.replace(/s$/, ''))) return UNIT_WORDS.week;
  return UNIT_MINUTES[t.stem];
}

/** The count an amount that ends just before token `i` gives ("three" of "three times"), or undefined. */
function countBefore(tokens: Token[], i: number): { value: number; first: number } | undefined {
  const a = amounts(tokens).find((q) => q.last === i - 1 && q.kind === 'plain');
  if (a && a.value > 0) return { value: a.value, first: a.first };
  return undefined;
}

/**
 * Every rate in a token list, normalised to minutes between occurrences: "every ten minutes" (10),
 * "every other day" (2880), "hourly" (60), "twice daily" (720), "three times a week" (3360),
 * "once a month", "four sailings a day" (360). A count of time units per unit ("eight hours a
 * day") is a share of time, not a rate, and is left out.
 */
export function rates(tokens: Token[]): Rate[] {
  const out: Rate[] = [];
  const taken = new Set<number>();
  const push = (r: Rate) => {
    if (!Number.isFinite(r.period) || r.period <= 0) return;
    for (let k = r.first; k <= r.last; k++) if (taken.has(k)) return;
    for (let k = r.first; k <= r.last; k++) taken.add(k);
    out.push(r);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    // "every hour", "every ten minutes", "every other week", "every half hour".
    if (t.lower === 'every' || t.lower === 'each') {
      let n = 1;
      let k = i + 1;
      const a = amounts(tokens).find((q) => q.first === k && q.kind === 'plain');
      if (a) {
        n = a.value;
        k = a.last + 1;
      } else if (tokens[k]?.lower === 'other') {
        n = 2;
        k++;
      } else if (tokens[k]?.lower === 'half') {
        n = 0.5;
        k++;
      }
      const m = unitMinutes(tokens[k]);
      if (m !== undefined) push({ period: n * m, first: i, last: k });
      continue;
    }
    // "hourly", "daily", optionally after a count of times: "twice daily", "three times weekly".
    const rate = RATE_WORDS[t.lower];
    if (rate !== undefined) {
      const times = timesBefore(tokens, i);
      push(times ? { period: rate / times.value, first: times.first, last: i } : { period: rate, first: i, last: i });
      continue;
    }
    // "twice a day", "three times a week", "once every two months", "four sailings a day".
    if (PER.has(t.lower) && t.lower !== 'every' && t.lower !== 'each') {
      const m = unitMinutes(tokens[i + 1]);
      if (m === undefined) continue;
      const times = timesBefore(tokens, i);
      if (times) {
        push({ period: m / times.value, first: times.first, last: i + 1 });
        continue;
      }
      // A count and up to two words of what is counted before "a/per": "four sailings a day".
      for (let back = 1; back <= 3; back++) {
        const counted = tokens.slice(i - back + 1, i);
        if (counted.some((x) => x.kind !== 'word' || STOPWORDS.has(x.lower) || unitMinutes(x) !== undefined)) break;
        const c = countBefore(tokens, i - back + 1);
        if (c && back > 1) {
          push({ period: m / c.value, first: c.first, last: i + 1, counted: counted[0].stem });
          break;
        }
      }
    }
  }
  return out;
}

/** "twice", "three times", "once": the count of times that ends just before token `i`. */
function timesBefore(tokens: Token[], i: number): { value: number; first: number } | undefined {
  const prev = tokens[i - 1];
  if (!prev) return undefined;
  if (prev.lower in TIMES_WORDS) return { value: TIMES_WORDS[prev.lower], first: i - 1 };
  if (prev.lower === 'times') return countBefore(tokens, i - 1);
  return undefined;
}

/** The two kinds of period a rate may be qualified by, and their values. */
const SEASONS: Record<string, string> = { summer: 'summer', summers: 'summer', winter: 'winter', winters: 'winter', autumn: 'autumn', spring: 'spring', fall: 'autumn' };
const WEEK_PARTS: Record<string, string> = { weekday: 'weekday', weekdays: 'weekday', weekend: 'weekend', weekends: 'weekend' };
/** "spring" and "fall" are other words too: only after these they name a season. */
const SEASON_LEAD = new Set(['in', 'during', 'through', 'throughout', 'over', 'the', 'this', 'each', 'every', 'last', 'next']);

/** A season or part of the week a sentence names, with its kind and token index. */
interface Qualifier {
  group: 'season' | 'week';
  value: string;
  index: number;
}

function qualifiers(tokens: Token[]): Qualifier[] {
  const out: Qualifier[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'word') return;
    const season = SEASONS[t.lower];
    if (season && (t.lower !== 'spring' && t.lower !== 'fall' ? true : SEASON_LEAD.has(tokens[i - 1]?.lower ?? ''))) out.push({ group: 'season', value: season, index: i });
    const part = WEEK_PARTS[t.lower];
    if (part) out.push({ group: 'week', value: part, index: i });
  });
  return out;
}

const CLAUSE_BREAK = new Set([';', ':', '.', 'and', 'but', 'while', 'whereas', 'although', 'than']);

/** Token range of the clause around token `i`, commas included. */
function clauseAround(tokens: Token[], i: number): [number, number] {
  let a = i;
  while (a > 0 && !CLAUSE_BREAK.has(tokens[a - 1].lower)) a--;
  let b = i;
  while (b + 1 < tokens.length && !CLAUSE_BREAK.has(tokens[b + 1].lower)) b++;
  return [a, b];
}

/**
 * The season or part of the week a rate holds for: the nearest such word in the rate's clause, else
 * the sentence's own when it names only one of the kind ("In summer the ferry sails hourly, …").
 */
function qualifierOf(tokens: Token[], r: Rate, all: Qualifier[]): Map<Qualifier['group'], Qualifier> {
  const out = new Map<Qualifier['group'], Qualifier>();
  const [a, b] = clauseAround(tokens, r.first);
  for (const group of ['season', 'week'] as const) {
    const of = all.filter((q) => q.group === group);
    const near = of.filter((q) => q.index >= a && q.index <= b).sort((x, y) => Math.abs(x.index - r.first) - Math.abs(y.index - r.first));
    if (near.length) out.set(group, near[0]);
    else if (of.length && of.every((q) => q.value === of[0].value)) out.set(group, of[0]);
  }
  return out;
}

const sameRate = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(a, b);

/** Rates of each reference sentence, worked out once per sentence. */
const ratesOf = new WeakMap<SentenceInfo, { rates: Rate[]; quals: Qualifier[] }>();
function sentenceRates(s: SentenceInfo): { rates: Rate[]; quals: Qualifier[] } {
  let r = ratesOf.get(s);
  if (!r) ratesOf.set(s, (r = { rates: rates(s.tokens), quals: qualifiers(s.tokens) }));
  return r;
}

/**
 * "every ten minutes" where the source says "every hour", or "every hour in winter" where it says
 * "every hour during the summer": the same event at another rate, or in another season or part of
 * the week. The source's rate is the one whose clause shares most words with the statement; the
 * rest of the statement must be what the source says (coverage without the rate and its qualifier).
 */
function checkFrequency(ctx: CheckContext): Finding | undefined {
  const tokens = ctx.view.tokens;
  const claimed = rates(tokens);
  if (!claimed.length) return undefined;
  const claimQuals = qualifiers(tokens);
  const event = new Set(tokens.filter((t) => t.kind === 'word' && !STOPWORDS.has(t.lower) && unitMinutes(t) === undefined && !(t.lower in RATE_WORDS) && !(t.lower in SEASONS)).map((t) => t.stem));
  const window = ctx.alignment.window.filter((s) => sentenceRates(s).rates.length);
  if (!window.length) return undefined;
  for (const c of claimed) {
    const cq = qualifierOf(tokens, c, claimQuals);
    const comparable = (x: Rate) => x.counted === c.counted;
    /** Whether a rate of the source is the statement's: the same rate, and no other season or part of the week. */
    const agrees = (s: SentenceInfo, x: Rate) => {
      if (!comparable(x)) return false;
      if (!sameRate(x.period, c.period)) return false;
      const xq = qualifierOf(s.tokens, x, sentenceRates(s).quals);
      for (const [group, q] of cq) {
        const other = xq.get(group);
        if (other && other.value !== q.value) return false;
      }
      return true;
    };
    // Any rate of the passage that fits is enough: a second clause may go on about the same event
    // ("… every hour in summer and every three hours in winter"; "at weekends it runs hourly").
    if (window.some((s) => sentenceRates(s).rates.some((x) => agrees(s, x)))) continue;
    for (const s of window) {
      const said = sentenceRates(s);
      const scored = said.rates.filter(comparable).map((x) => {
        const [a, b] = clauseAround(s.tokens, x.first);
        const n = s.tokens.slice(a, b + 1).filter((t) => t.kind === 'word' && event.has(t.stem)).length;
        return { x, n };
      });
      if (!scored.length) continue;
      const top = Math.max(...scored.map((y) => y.n));
      if (top < 1) continue;
      const same = scored.filter((y) => y.n === top).map((y) => y.x);
      const skipped = new Set<number>();
      for (let k = c.first; k <= c.last; k++) skipped.add(k);
      for (const q of cq.values()) skipped.add(q.index);
      if (coverageWithout(ctx, (u) => skipped.has(u.first) || skipped.has(u.last)) < 0.6) continue;
      const truth = same[0];
      const phrase = (tk: Token[], r: { first: number; last: number }, text: string, offset: number) => text.slice(tk[r.first].start - offset, tk[r.last].end - offset);
      const saidPhrase = phrase(s.tokens, truth, s.sentence.text, s.sentence.start);
      const claimPhrase = phrase(tokens, c, ctx.text, 0);
      if (!same.some((x) => sameRate(x.period, c.period))) {
        return {
          kind: 'contradicted',
          category: 'time',
          message: `The source says “${saidPhrase}”, not “${claimPhrase}” (${para(s)}).`,
          focus: { start: tokens[c.first].start, end: tokens[c.last].end },
          replacement: saidPhrase,
          evidence: [s],
        };
      }
      // The rate is right; its season or part of the week is not.
      const xq = qualifierOf(s.tokens, same.find((x) => sameRate(x.period, c.period)) ?? truth, said.quals);
      for (const [group, q] of cq) {
        const other = xq.get(group);
        if (!other || other.value === q.value) continue;
        const claimWord = tokens[q.index];
        return {
          kind: 'contradicted',
          category: 'time',
          message: `The source gives “${saidPhrase}” for “${s.tokens[other.index].text}”, not for “${claimWord.text}” (${para(s)}).`,
          focus: { start: claimWord.start, end: claimWord.end },
          replacement: s.tokens[other.index].text,
          evidence: [s],
        };
      }
    }
  }
  return undefined;
}

/** How often something happens, or in which season or part of the week, otherwise than the source. */
export const frequency: CheckDefinition = {
  id: 'frequency',
  category: 'time',
  description: 'Another rate, season or part of the week than the source gives (“every ten minutes” where it says “every hour”; “in winter” where it says “in summer”).',
  run: checkFrequency,
};
