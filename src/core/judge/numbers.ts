import { MONTHS, STOPWORDS } from '../lexicon';
import { conceptsOf, type Token } from '../text/tokens';

/** How a statement bounds a number: "more than 5", "before 2010", "about 40". */
export type Comparator = 'gt' | 'ge' | 'lt' | 'le' | 'approx' | 'eq' | 'before' | 'after';

export type AmountKind = 'plain' | 'money' | 'percent' | 'year' | 'date' | 'ordinal';

/** A date as written: any of year, month and day. */
export interface DateParts {
  y?: number;
  m?: number;
  d?: number;
}

/** A number, amount, percentage, ordinal or date in a token list, with its comparator. */
export interface Amount {
  kind: AmountKind;
  value: number;
  date?: DateParts;
  cmp: Comparator;
  /** Token indexes, inclusive (comparator words excluded). */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Parses a number token ("$42", "1,200", "3.5%") into its value. */
export function numberValue(text: string): number | undefined {
  const v = Number(text.replace(/[$,%]/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

// The one table of number words in the engine.
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, twice: 2,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
};
const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7 };
const MONTH_INDEX: Record<string, number> = {};
[...MONTHS].forEach((m, i) => (MONTH_INDEX[m] = i + 1));
for (const [abbr, i] of Object.entries({ jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 })) MONTH_INDEX[abbr] = i;
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
const CURRENCY = /^[$£€¥₹]$/;
const MONEY_AFTER = new Set(['dollars', 'dollar', 'euros', 'euro', 'pounds', 'rupees', 'yen', 'usd', 'eur', 'gbp', 'inr']);

const monthOf = (t: Token | undefined): number | undefined => {
  if (!t || t.kind !== 'word') return undefined;
  const m = MONTH_INDEX[t.lower];
  if (!m) return undefined;
  // "may" and "march" are verbs too: only capitalised (or abbreviated) months count.
  return t.capital ? m : undefined;
};
const dayOf = (t: Token | undefined): number | undefined => {
  if (!t || t.kind !== 'number' || !/^\d{1,2}$/.test(t.text)) return undefined;
  const v = Number(t.text);
  return v >= 1 && v <= 31 ? v : undefined;
};
const yearOf = (t: Token | undefined): number | undefined => {
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.text)) return undefined;
  const v = Number(t.text);
  return v >= 1000 && v <= 2200 ? v : undefined;
};

function comparatorBefore(tokens: Token[], first: number, time: boolean): Comparator {
  const w = tokens
    .slice(Math.max(0, first - 4), first)
    .filter((t) => !CURRENCY.test(t.text) && t.lower !== 'a' && t.lower !== 'an' && t.lower !== 'the')
    .map((t) => t.lower)
    .join(' ');
  if (time) {
    if (/(?:before|prior to|earlier than|until before)$/.test(w)) return 'before';
    if (/(?:by|as of|until|till|no later than|up to|through)$/.test(w)) return 'le';
    if (/(?:after|later than|following)$/.test(w)) return 'after';
    if (/(?:since|from|starting|beginning|as early as)$/.test(w)) return 'ge';
    if (/(?:more than|over|less than|under)$/.test(w)) return 'approx';
    return 'eq';
  }
  if (/(?:more than|over|above|exceeding|exceeded|greater than|upwards of|in excess of|higher than|larger than|surpassed|surpassing|topped)$/.test(w)) return 'gt';
  if (/(?:at least|no less than|no fewer than|minimum of)$/.test(w)) return 'ge';
  if (/(?:less than|fewer than|under|below|short of|lower than|smaller than)$/.test(w)) return 'lt';
  if (/(?:at most|no more than|up to|maximum of|not more than|not exceeding|as many as|as much as)$/.test(w)) return 'le';
  if (/(?:nearly|almost|about|around|approximately|roughly|some|close to|just under|just over|estimated|circa|c\.|approx)$/.test(w)) return 'approx';
  return 'eq';
}

const cache = new WeakMap<Token[], Amount[]>();

/** Dates, money, percentages, years, ordinals and plain numbers of a token list, in order. */
export function amounts(tokens: Token[]): Amount[] {
  let out = cache.get(tokens);
  if (out) return out;
  out = [];
  for (let i = 0; i < tokens.length; i++) {
    const date = dateAt(tokens, i);
    if (date) {
      const { parts, last } = date;
      const cmp = comparatorBefore(tokens, i, true);
      const kind: AmountKind = parts.m || parts.d ? 'date' : 'year';
      out.push({ kind, value: (parts.y ?? 0) * 10000 + (parts.m ?? 0) * 100 + (parts.d ?? 0), date: parts, cmp, first: i, last, start: tokens[i].start, end: tokens[last].end });
      i = last;
      continue;
    }
    const t = tokens[i];
    let value: number | undefined;
    let kind: AmountKind = 'plain';
    let last = i;
    if (t.kind === 'number') {
      // "$" alone is tokenised as a number token with no digits.
      if (!/\d/.test(t.text)) continue;
      value = numberValue(t.text);
      if (ORDINAL_SUFFIX.has(tokens[i + 1]?.lower ?? '') && tokens[i + 1].start === t.end) {
        kind = 'ordinal';
        last = i + 1;
      }
    } else if (t.kind === 'word' && t.lower in NUMBER_WORDS) {
      value = NUMBER_WORDS[t.lower];
      // "one of the", "one" as a pronoun: only count it before a noun-like word or a scale.
      if (t.lower === 'one' && !(tokens[i + 1]?.lower in SCALE_WORDS)) continue;
    } else if (t.kind === 'word' && t.lower in ORDINAL_WORDS) {
      value = ORDINAL_WORDS[t.lower];
      kind = 'ordinal';
    } else if (t.kind === 'word' && /^\d+(?:st|nd|rd|th)$/.test(t.lower)) {
      value = Number(t.lower.replace(/\D/g, ''));
      kind = 'ordinal';
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    // "a dozen", "hundreds": scale words multiply.
    while (tokens[last + 1] && tokens[last + 1].lower in SCALE_WORDS && kind === 'plain') {
      value *= SCALE_WORDS[tokens[last + 1].lower];
      last++;
    }
    if (kind === 'plain') {
      const prev = tokens[i - 1];
      const next = tokens[last + 1];
      if (t.text.startsWith('$') || (prev && CURRENCY.test(prev.text)) || (next && MONEY_AFTER.has(next.lower))) kind = 'money';
      else if (t.text.endsWith('%') || next?.text === '%' || next?.lower === 'percent' || (next?.lower === 'per' && tokens[last + 2]?.lower === 'cent')) kind = 'percent';
      else if (Number.isInteger(value) && value >= 1000 && value <= 2200 && /^\d{4}$/.test(t.text) && !countsNoun(tokens, i)) kind = 'year';
      // "5.6/10": a rating; the scale is part of it.
      if (next?.text === '/' && tokens[last + 2]?.kind === 'number') last += 2;
      else if (tokens[i - 1]?.text === '/' && tokens[i - 2]?.kind === 'number') continue;
    }
    const cmp = comparatorBefore(tokens, i, kind === 'year');
    out.push({ kind, value, cmp, first: i, last, start: t.start, end: tokens[last].end });
    i = last;
  }
  cache.set(tokens, out);
  return out;
}

/** "March 15, 2020", "15 March 2020", "March 2020", "22nd April", "July" after a preposition. */
function dateAt(tokens: Token[], i: number): { parts: DateParts; last: number } | undefined {
  const t = tokens[i];
  const m = monthOf(t);
  if (m) {
    // Month Day[,] [Year] | Month Year | Month alone (after a time preposition)
    let k = i + 1;
    if (tokens[k]?.text === '.') k++;
    const d = dayOf(tokens[k]);
    if (d && !(tokens[k + 1]?.text === ',' && dayOf(tokens[k + 2]) === undefined && yearOf(tokens[k + 2]) === undefined && false)) {
      let last = k;
      if (ORDINAL_SUFFIX.has(tokens[last + 1]?.lower ?? '')) last++;
      let y: number | undefined;
      if (tokens[last + 1]?.text === ',' && yearOf(tokens[last + 2])) {
        y = yearOf(tokens[last + 2]);
        last += 2;
      } else if (yearOf(tokens[last + 1])) {
        y = yearOf(tokens[last + 1]);
        last += 1;
      }
      return { parts: { y, m, d }, last };
    }
    const y = yearOf(tokens[k]) ?? (tokens[k]?.text === ',' ? yearOf(tokens[k + 1]) : undefined);
    if (y) return { parts: { y, m }, last: tokens[k]?.text === ',' ? k + 1 : k };
    const prev = tokens[i - 1]?.lower;
    if (prev && /^(?:in|before|after|by|since|until|during|from|of|early|late|mid|end)$/.test(prev)) return { parts: { m }, last: i };
    return undefined;
  }
  const d = dayOf(t);
  if (d) {
    let k = i + 1;
    if (ORDINAL_SUFFIX.has(tokens[k]?.lower ?? '')) k++;
    if (tokens[k]?.lower === 'of') k++;
    const m2 = monthOf(tokens[k]);
    if (!m2) return undefined;
    let last = k;
    let y: number | undefined;
    if (yearOf(tokens[k + 1])) {
      y = yearOf(tokens[k + 1]);
      last = k + 1;
    } else if (tokens[k + 1]?.text === ',' && yearOf(tokens[k + 2])) {
      y = yearOf(tokens[k + 2]);
      last = k + 2;
    }
    return { parts: { y, m: m2, d }, last };
  }
  const y = yearOf(t);
  if (y && !(tokens[i + 1]?.lower in SCALE_WORDS) && !CURRENCY.test(tokens[i - 1]?.text ?? '') && !t.text.startsWith('$')) {
    const next = tokens[i + 1];
    // "2,500 people" is not a year; "1500 metres" neither — a year is not followed by a count noun
    // we can recognise cheaply, so accept the common case of a bare four-digit number.
    if (next?.text === '%') return undefined;
    // "fewer than 1500 seats", "there were 1480 seats": a count, not a year.
    if (COUNT_BEFORE.has(tokens[i - 1]?.lower ?? '')) return undefined;
    if (countsNoun(tokens, i)) return undefined;
    return { parts: { y }, last: i };
  }
  return undefined;
}

/**
 * "the 1709 schoolchildren", "1500 metres": a four-digit number right before a plural noun counts it,
 * unless a preposition of time stands before it ("in 2015 voters chose").
 */
function countsNoun(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.kind !== 'word' || next.capital || !/(?:[^s]s|ren|people|men)$/.test(next.lower)) return false;
  return !TIME_PREPOSITIONS.has(tokens[i - 1]?.lower ?? '');
}
const TIME_PREPOSITIONS = new Set(['in', 'on', 'since', 'by', 'from', 'until', 'till', 'during', 'before', 'after', 'of', 'to', 'between', 'and', 'circa', 'c.']);

/** Words after which a four-digit number is a count rather than a year. */
const COUNT_BEFORE = new Set(['than', 'over', 'under', 'nearly', 'almost', 'approximately', 'roughly', 'least', 'were', 'are', 'had', 'has', 'have', 'total', 'about', 'exceeding', 'some']);

/** Does the source's amount back the statement's ('yes'), rule it out ('no'), or neither? */
export type Fit = 'yes' | 'no' | 'unknown';

export function compatible(a: Amount, b: Amount): boolean {
  if (a.kind === b.kind) return true;
  // A year and a full date can be compared on the year.
  const datey = (k: AmountKind) => k === 'date' || k === 'year';
  if (datey(a.kind) && datey(b.kind)) return true;
  return false;
}

const close = (x: number, y: number) => x === y || roundsTo(y, x) || roundsTo(x, y);

/** The statement's figure is the source's, or the source's rounded ("$ 10 million" for "$ 10.04 million"). */
export const sameFigure = (claim: number, source: number) => claim === source || roundsTo(source, claim);

// "17 million" for 17.1 million; "42%" for 42.4%.
function roundsTo(source: number, claim: number): boolean {
  if (claim === 0) return source === 0;
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(claim)));
  const step = Number.isInteger(claim / magnitude) ? magnitude / 10 : magnitude / 100;
  return Math.abs(source - claim) < Math.max(step, Math.abs(claim) * 0.01) && Math.abs(source - claim) / Math.abs(claim) < 0.05;
}

/**
 * A bound the source gives is read as the figure it knows: a statement's bound beyond it by more
 * than this factor says more than the source does, and counts as contradicting it.
 */
const OVERSTATED = 1.1;

/** Compares two values under the statement's comparator, given what the source's comparator allows. */
function fitValues(c: number, cc: Comparator, s: number, sc: Comparator): Fit {
  const up = (x: Comparator) => x === 'gt' || x === 'ge' || x === 'after';
  const down = (x: Comparator) => x === 'lt' || x === 'le' || x === 'before';
  if (sc === 'eq' || sc === 'approx') {
    switch (cc) {
      case 'eq':
        if (sc === 'approx') return Math.abs(s - c) <= Math.abs(c) * 0.1 ? 'yes' : 'unknown';
        return close(c, s) ? 'yes' : 'no';
      case 'approx':
        return Math.abs(s - c) <= Math.max(1, Math.abs(c) * 0.1) ? 'yes' : 'no';
      case 'gt':
      case 'after':
        return s > c ? 'yes' : 'no';
      case 'ge':
        return s >= c ? 'yes' : 'no';
      case 'lt':
      case 'before':
        return s < c ? 'yes' : 'no';
      case 'le':
        return s <= c ? 'yes' : 'no';
    }
  }
  if (cc === sc && close(c, s)) return 'yes';
  // The source gives a bound: a statement within it is backed, one beyond it is not.
  if (up(sc)) {
    // "more than 40 million" is the figure the source knows: "more than 90 million" overstates it.
    if (up(cc)) return c <= s ? 'yes' : c > s * OVERSTATED ? 'no' : 'unknown';
    if (down(cc)) return c < s ? 'no' : 'unknown';
    return 'unknown';
  }
  if (down(sc)) {
    if (down(cc)) return c >= s ? 'yes' : c < s / OVERSTATED ? 'no' : 'unknown';
    if (up(cc)) return c > s ? 'no' : 'unknown';
    return 'unknown';
  }
  return 'unknown';
}

function fitDates(c: DateParts, cc: Comparator, s: DateParts, sc: Comparator): Fit {
  // Compare on the fields both give, from the year down; a missing year on either side skips it.
  const fields: (keyof DateParts)[] = [];
  for (const f of ['y', 'm', 'd'] as const) {
    if (c[f] === undefined || s[f] === undefined) {
      if (f === 'y') continue;
      break;
    }
    fields.push(f);
  }
  if (!fields.length) return 'unknown';
  const cv = fields.reduce((n, f) => n * 100 + (c[f] as number), 0);
  const sv = fields.reduce((n, f) => n * 100 + (s[f] as number), 0);
  const claimFiner = (['y', 'm', 'd'] as const).some((f) => c[f] !== undefined && !fields.includes(f) && !(f === 'y' && s.y === undefined));
  if (cv === sv) {
    // Same at the shared precision: the statement's finer detail is not backed, nor ruled out.
    if (claimFiner) return 'unknown';
    // "before 1990" against "since 1990" or "from 1990": it began then, not before.
    if (cc === 'before' && sc === 'ge') return 'no';
    if (cc === 'after' && sc === 'le') return 'no';
    if (cc === 'before' || cc === 'after') return sc === cc ? 'yes' : sc === 'eq' || sc === 'approx' ? 'no' : 'unknown';
    if (cc === 'eq' || cc === 'approx') return sc === 'eq' || sc === 'approx' ? 'yes' : 'unknown';
    return sc === 'eq' || sc === 'approx' || sc === cc ? 'yes' : 'unknown';
  }
  if (claimFiner && (cc === 'eq' || cc === 'approx')) {
    // "March 15, 2020" against "April 2020": the shared part already differs.
    return sc === 'eq' || sc === 'approx' ? 'no' : 'unknown';
  }
  if ((cc === 'eq' || cc === 'approx') && (sc === 'eq' || sc === 'approx')) return 'no';
  return fitValues(cv, cc === 'approx' ? 'eq' : cc, sv, sc === 'approx' ? 'eq' : sc);
}

/** Does the source amount `s` back the statement amount `c`? */
export function fit(c: Amount, s: Amount): Fit {
  if (!compatible(c, s)) return 'unknown';
  if (c.date || s.date) {
    const cd = c.date ?? { y: c.value };
    const sd = s.date ?? { y: s.value };
    return fitDates(cd, c.cmp, sd, s.cmp);
  }
  return fitValues(c.value, c.cmp, s.value, s.cmp);
}

const contentStem = (t: Token) => t.kind === 'word' && !STOPWORDS.has(t.lower) && t.lower.length > 1;

/** Content words around an amount ("cases", "deaths", "reviews"). */
export function contextOf(tokens: Token[], a: Amount, span = 4): Token[] {
  const out: Token[] = [];
  // What follows the number up to the end of its phrase ("4,160 total cases of Covid-19 | and 109 deaths").
  for (let k = a.last + 1, n = 0; k < tokens.length && n < span; k++) {
    const w = tokens[k].lower;
    if (/^[.;,:()]$/.test(w) || w === 'and' || w === 'or' || w === 'but' || w === 'while' || tokens[k].kind === 'number') break;
    if (contentStem(tokens[k])) {
      out.push(tokens[k]);
      n++;
    }
  }
  // The words right before it ("grossed $ 5 million", "a rating of 7.1"), back to the phrase's start.
  for (let k = a.first - 1, n = 0; k >= 0 && n < 2; k--) {
    const t = tokens[k];
    // The currency sign of this amount ("$ 12.5 million") is part of it, not another number.
    if (k === a.first - 1 && CURRENCY.test(t.text)) continue;
    if (/^[.;,:()]$/.test(t.text) || t.lower === 'and' || t.lower === 'or' || t.lower === 'but' || t.kind === 'number') break;
    if (!contentStem(t) || comparatorWords.includes(t.lower)) continue;
    out.push(t);
    n++;
  }
  return out;
}
const comparatorWords = ['more', 'less', 'fewer', 'lower', 'higher', 'greater', 'least', 'nearly', 'almost', 'over', 'under', 'above', 'below', 'nearly', 'almost', 'approximately', 'roughly', 'least', 'most', 'before', 'after', 'since', 'until', 'total'];

const sameStem = (x: Token, y: Token): boolean => {
  if (x.stem === y.stem) return true;
  const cx = conceptsOf(x.stem);
  for (const c of conceptsOf(y.stem)) if (cx.has(c)) return true;
  return false;
};

/** Do two amounts count the same thing (a content word near each is shared)? */
export function sameContext(ct: Token[], c: Amount, st: Token[], s: Amount): boolean {
  if (c.kind === 'date' || c.kind === 'year') return true;
  const a = contextOf(ct, c);
  const b = contextOf(st, s);
  return a.some((x) => b.some((y) => sameStem(x, y)));
}

/**
 * How many words near the statement's amount are near the source's too. A name counts half: the
 * subject of a sentence may stand near all its numbers.
 */
export function contextOverlap(ct: Token[], c: Amount, st: Token[], s: Amount): number {
  const b = contextOf(st, s);
  return contextOf(ct, c).reduce((n, x) => n + (b.some((y) => sameStem(x, y)) ? (x.capital ? 0.5 : 1) : 0), 0);
}

/** The words a number counts: the first common words right after it ("42 counted votes"). */
function countedOf(tokens: Token[], a: Amount): Token[] {
  const out: Token[] = [];
  for (let k = a.last + 1; k < tokens.length && out.length < 2; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || /^(?:and|or|but|while)$/.test(t.lower)) break;
    if (contentStem(t) && !t.capital) out.push(t);
  }
  return out;
}

/** Do two amounts count the same kind of thing ("under 40 votes" and "42 counted votes")? */
export function sameCounted(ct: Token[], c: Amount, st: Token[], s: Amount): boolean {
  const b = countedOf(st, s);
  return countedOf(ct, c).some((x) => b.some((y) => sameStem(x, y)));
}
