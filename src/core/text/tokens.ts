import { stemmer } from 'stemmer';
import { SYNONYM_GROUPS } from '../lexicon';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  /** Lower-cased, typographic apostrophes and dashes folded. */
  lower: string;
  /** Porter stem of `lower` (possessive removed). */
  stem: string;
  /** Name of the synonym group the stem belongs to, or the stem itself. */
  concept: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Starts with a capital letter (or is an acronym such as "U.S."). */
  capital: boolean;
}

// Words (with inner apostrophes, hyphens and dotted acronyms), numbers (with separators and
// decimals), and any other single visible character.
const TOKEN_RE =
  /(?:[A-Za-z]\.){2,}|\$?\d+(?:,\d{3})*(?:\.\d+)?%?|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

const stemCache = new Map<string, string>();

export function fold(s: string): string {
  return s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—]/g, '-');
}

// Irregular forms the Porter stemmer leaves apart from their base.
const IRREGULAR: Record<string, string> = {
  met: 'meet', said: 'say', says: 'say', made: 'make', gave: 'give', given: 'give', took: 'take', taken: 'take',
  went: 'go', gone: 'go', held: 'hold', told: 'tell', won: 'win', lost: 'lose', sold: 'sell',
  bought: 'buy', built: 'build', began: 'begin', begun: 'begin', brought: 'bring', thought: 'think', sent: 'send',
  spent: 'spend', left: 'leave', led: 'lead', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', grew: 'grow',
  grown: 'grow', chose: 'choose', chosen: 'choose', saw: 'see', seen: 'see', knew: 'know', known: 'know', wrote: 'write',
  written: 'write', struck: 'strike', hit: 'hit', died: 'die', dead: 'die', fought: 'fight', sought: 'seek', shot: 'shoot',
  drove: 'drive', driven: 'drive', ran: 'run', flew: 'fly', flown: 'fly', became: 'become', came: 'come', got: 'get',
  gotten: 'get', kept: 'keep', paid: 'pay', laid: 'lay', meant: 'mean', stood: 'stand', broke: 'break', broken: 'break',
  spoke: 'speak', spoken: 'speak', hung: 'hang', weapons: 'weapon', arms: 'arm', children: 'child', men: 'man', women: 'woman',
  people: 'person', countries: 'country', allies: 'ally', ally: 'ally',
};

export function stemOf(lower: string): string {
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    const bare = lower.replace(/'s$|'$/, '');
    const base = IRREGULAR[bare] ?? bare;
    cached = /^[a-z]/.test(base) ? stemmer(base) : base;
    if (stemCache.size < 200_000) stemCache.set(lower, cached);
  }
  return cached;
}

const conceptOfStem = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const name = stemOf(group[0]);
  for (const w of group) {
    const st = stemOf(w);
    // A word in two groups keeps its first; the judge also compares raw stems.
    if (!conceptOfStem.has(st)) conceptOfStem.set(st, name);
  }
}

export function conceptOf(stem: string): string {
  return conceptOfStem.get(stem) ?? stem;
}

/** Every concept a stem belongs to (a word such as "go" sits in more than one group). */
const conceptsOfStem = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  const name = stemOf(group[0]);
  for (const w of group) {
    const st = stemOf(w);
    let set = conceptsOfStem.get(st);
    if (!set) conceptsOfStem.set(st, (set = new Set()));
    set.add(name);
  }
}
export function conceptsOf(stem: string): Set<string> {
  return conceptsOfStem.get(stem) ?? new Set([stem]);
}

/** Splits `text[start, end)` into tokens whose offsets point into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const t = m[0];
    const first = t.charAt(0);
    const kind: TokenKind = /[\d$]/.test(first) ? 'number' : /[\p{L}\p{M}]/u.test(first) ? 'word' : 'punct';
    const lower = fold(t);
    const stem = kind === 'word' ? stemOf(lower) : lower;
    out.push({
      text: t,
      lower,
      stem,
      concept: kind === 'word' ? conceptOf(stem) : stem,
      kind,
      start: start + m.index,
      end: start + m.index + t.length,
      capital: kind === 'word' && first !== first.toLowerCase(),
    });
  }
  return out;
}

/** Parses a number token ("$42", "1,200", "3.5%") into its value. */
export function numberValue(text: string): number | undefined {
  const v = Number(text.replace(/[$,%]/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, half: 0.5, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, once: 1, twice: 2,
};
const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** A number written in digits or words, with a following scale word ("8 billion"). */
export interface Quantity {
  value: number;
  start: number;
  end: number;
  /** Index of the last token of the quantity. */
  last: number;
  first: number;
}

export function quantities(tokens: Token[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let value: number | undefined;
    if (t.kind === 'number') value = numberValue(t.text);
    else if (t.lower in NUMBER_WORDS && t.lower !== 'second' && t.lower !== 'once') value = NUMBER_WORDS[t.lower];
    if (value === undefined) continue;
    let j = i;
    const next = tokens[i + 1];
    if (next && next.lower in SCALE_WORDS) {
      value *= SCALE_WORDS[next.lower];
      j = i + 1;
    }
    out.push({ value, start: t.start, end: tokens[j].end, first: i, last: j });
    i = j;
  }
  return out;
}
