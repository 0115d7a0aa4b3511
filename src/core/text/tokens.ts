import { stemmer } from 'stemmer';
import { irregularBase, sameAs } from '../language/wordnet';
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
// Invisible characters (a soft hyphen, zero-width spaces and joiners, the word joiner, variation
// selectors, a stray BOM) are no token of their own and start none; between two word characters
// they join the halves ("Fri\u00ADday" is one word, "Friday"), the token's range covering them;
// between two digits, likewise ("4\u00AD2" is the number 42).
const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFE00-\\uFE0F\\uFEFF';
const INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, 'gu');
/** The text without its invisible characters ("4\u00AD2 million" as it shows, "42 million"). */
export const visibleText = (s: string): string => (s.search(INVISIBLE_RE) >= 0 ? s.replace(INVISIBLE_RE, '') : s);
const WORD_CHAR = `(?![${INVISIBLE}])[\\p{L}\\p{M}\\p{N}]`;
const WORD_PART = `(?:${WORD_CHAR}|[${INVISIBLE}]+(?=${WORD_CHAR}))`;
// A run of digits, invisible characters between two digits joining it ("2\u200B4" is 24).
const DIGITS = `\\d(?:[${INVISIBLE}]*\\d)*`;
const TOKEN_RE = new RegExp(
  `(?:[A-Za-z]\\.){2,}|\\$?${DIGITS}(?:,\\d{3})*(?:\\.${DIGITS})?%?|(?![${INVISIBLE}])[\\p{L}\\p{M}]${WORD_PART}*(?:['’\\-]${WORD_PART}+)*|(?![${INVISIBLE}])[^\\s\\p{L}\\p{N}]`,
  'gu',
);

const stemCache = new Map<string, string>();

export function fold(s: string): string {
  return s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—]/g, '-');
}

/**
 * Forms whose base neither WordNet's exception lists (see `irregularBase`) nor the Porter stemmer
 * give, each with why.
 */
const STEM_GAPS: Record<string, string> = {
  // WordNet has "saw" and "fell" as words of their own (to saw wood, to fell a tree), so it does not
  // reduce them; in news prose they are nearly always the past tenses of "see" and "fall".
  saw: 'see',
  fell: 'fall',
  // A regular form, so in no exception list, but the Porter stemmer makes "died" "di" and "die" "die".
  died: 'die',
  // "Dead" is an adjective, not a form of "die", but it says the same of someone ("was found dead" /
  // "died"); WordNet links it to "death" only.
  dead: 'die',
  // WordNet reduces "-men" plurals by a suffix rule, not a list, and the Porter stemmer leaves them.
  men: 'man',
  women: 'woman',
  // WordNet has "people" as a word of its own; as the plural of "person" it is the usual one.
  people: 'person',
};

export function stemOf(lower: string): string {
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    const bare = lower.replace(/'s$|'$/, '');
    const base = STEM_GAPS[bare] ?? irregularBase(bare) ?? bare;
    cached = /^[a-z]/.test(base) ? stemmer(base) : base;
    if (stemCache.size < 200_000) stemCache.set(lower, cached);
  }
  return cached;
}

/**
 * The synonym groups by stem, built on first use rather than when the module loads (stemming the
 * groups' words costs a few milliseconds a process that never judges need not pay).
 */
let groups: { conceptOfStem: Map<string, string>; conceptsOfStem: Map<string, Set<string>> } | undefined;
function synonymGroups(): NonNullable<typeof groups> {
  if (groups) return groups;
  const conceptOfStem = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const name = stemOf(group[0]);
    for (const w of group) {
      const st = stemOf(w);
      // A word in two groups keeps its first; the judge also compares raw stems.
      if (!conceptOfStem.has(st)) conceptOfStem.set(st, name);
    }
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
  return (groups = { conceptOfStem, conceptsOfStem });
}

export function conceptOf(stem: string): string {
  return synonymGroups().conceptOfStem.get(stem) ?? stem;
}

const singletons = new Map<string, ReadonlySet<string>>();
/** Every concept a stem belongs to (a word such as "go" sits in more than one group). */
export function conceptsOf(stem: string): ReadonlySet<string> {
  const set = synonymGroups().conceptsOfStem.get(stem);
  if (set) return set;
  let one = singletons.get(stem);
  if (!one) {
    one = new Set([stem]);
    if (singletons.size < 200_000) singletons.set(stem, one);
  }
  return one;
}

const relatedCache = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

/**
 * Stems of the words WordNet takes for the same as a word (`lower`, a token's folded text) in one of
 * its frequent senses: synonyms and derivations of its base forms ("purchased" → buy, purchaser;
 * "decide" → decision, resolve). The word's own stem is left out; an unknown word has none.
 */
export function relatedStems(lower: string): readonly string[] {
  let out = relatedCache.get(lower);
  if (out) return out;
  if (!/^[a-z][a-z'-]*$/.test(lower)) out = NONE;
  else {
    const own = stemOf(lower);
    const set = new Set<string>();
    for (const w of sameAs(lower)) {
      const st = stemOf(w);
      if (st !== own) set.add(st);
    }
    out = set.size ? [...set] : NONE;
  }
  if (relatedCache.size < 200_000) relatedCache.set(lower, out);
  return out;
}

/** What a token's text alone decides, computed once per distinct text. */
interface Lexeme {
  lower: string;
  stem: string;
  concept: string;
  kind: TokenKind;
  capital: boolean;
}

const lexemes = new Map<string, Lexeme>();

function lexeme(text: string): Lexeme {
  let lx = lexemes.get(text);
  if (lx) return lx;
  // A long slice of a text may share the whole text's memory: keep a copy, so that the cache never
  // holds a draft or a reference alive.
  const t = text.length > 12 ? text.split('').join('') : text;
  const first = t.charAt(0);
  const kind: TokenKind = /[\d$]/.test(first) ? 'number' : /[\p{L}\p{M}]/u.test(first) ? 'word' : 'punct';
  const lower = fold(t);
  const stem = kind === 'word' ? stemOf(lower) : lower;
  lx = { lower, stem, concept: kind === 'word' ? conceptOf(stem) : stem, kind, capital: kind === 'word' && first !== first.toLowerCase() };
  if (lexemes.size < 200_000) lexemes.set(t, lx);
  return lx;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isInvisible = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAlnum = (c: number) => isLetter(c) || isDigit(c);

/**
 * End of the word token starting at `p` (an ASCII letter), as TOKEN_RE would match it, or -1 when a
 * non-ASCII character is met and the regular expression must decide.
 */
function wordEnd(s: string, p: number): number {
  let q = p + 1;
  for (;;) {
    const c = s.charCodeAt(q);
    if (isAlnum(c)) {
      q++;
      continue;
    }
    if (c >= 128) return -1;
    if (c === 39 || c === 45) {
      // An inner apostrophe or hyphen followed by a letter or digit.
      const d = s.charCodeAt(q + 1);
      if (isAlnum(d)) {
        q += 2;
        continue;
      }
      if (d >= 128) return -1;
    }
    return q;
  }
}

/**
 * Splits `text[start, end)` into tokens whose offsets point into `text`. Tokens are exactly TOKEN_RE's
 * matches; ASCII text is scanned by hand (the common case, several times faster) and anything else is
 * left to the regular expression.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const s = start === 0 && end === text.length ? text : text.slice(start, end);
  const n = s.length;
  let p = 0;
  while (p < n) {
    const c = s.charCodeAt(p);
    let q = -1;
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        p++;
        continue;
      }
      if (isLetter(c)) {
        if (s.charCodeAt(p + 1) === 46 && isLetter(s.charCodeAt(p + 2)) && s.charCodeAt(p + 3) === 46) {
          // A dotted acronym: "U.S.", "e.g.".
          q = p + 4;
          while (isLetter(s.charCodeAt(q)) && s.charCodeAt(q + 1) === 46) q += 2;
        } else {
          q = wordEnd(s, p);
        }
      } else if (isDigit(c) || (c === 36 && isDigit(s.charCodeAt(p + 1)))) {
        // "$1,200.50", "42%".
        q = c === 36 ? p + 1 : p;
        while (isDigit(s.charCodeAt(q))) q++;
        while (s.charCodeAt(q) === 44 && isDigit(s.charCodeAt(q + 1)) && isDigit(s.charCodeAt(q + 2)) && isDigit(s.charCodeAt(q + 3))) q += 4;
        if (s.charCodeAt(q) === 46 && isDigit(s.charCodeAt(q + 1))) {
          q += 2;
          while (isDigit(s.charCodeAt(q))) q++;
        }
        if (s.charCodeAt(q) === 37) q++;
        // An invisible character after the number may join it to more digits: the expression decides.
        else if (isInvisible(s.charCodeAt(q))) q = -1;
      } else {
        // Any other visible ASCII character stands alone.
        q = p + 1;
      }
    }
    let at = p;
    if (q < 0) {
      TOKEN_RE.lastIndex = p;
      const m = TOKEN_RE.exec(s);
      if (!m) break;
      at = m.index;
      q = at + m[0].length;
    }
    let t = s.slice(at, q);
    if (q - at > 1 && t.search(INVISIBLE_RE) >= 0) t = t.replace(INVISIBLE_RE, '');
    const lx = lexeme(t);
    out.push({ text: t, lower: lx.lower, stem: lx.stem, concept: lx.concept, kind: lx.kind, start: start + at, end: start + q, capital: lx.capital });
    p = q;
  }
  return out;
}
