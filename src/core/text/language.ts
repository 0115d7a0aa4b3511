// Which language a statement is written in, behind one small module so the detector can be swapped.
// `tinyld` (MIT) detects the language; only statements it is sure are not English are set aside.
import { lemmas } from '../language/wordnet';

// A few English function words: two of them in a statement's lower-case words settle it as English
// without asking the detector (a fast path, and a guard against names fooling it), never the reverse.
const ENGLISH_GUARD = new Set(
  ('the and of was were is are said says that with has have had from would will which after for by his her their not this they been ' +
    'to be he she it its an who but about more than could should over into also when what there our we').split(' '),
);

/** Fewest lower-case words (names left out) the detector must have to go on. */
const MIN_WORDS = 4;

// The detector's language profiles take about 150 ms to load: required only when a statement is not
// settled as English by its words, which most drafts never need.
let detector: typeof import('tinyld').detectAll | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const detectAll = (text: string) => (detector ??= (require('tinyld') as typeof import('tinyld')).detectAll)(text);
const MIN_LETTERS = 12;

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
/** How many letters `text` has, and how many of them are Latin, counted in one pass (ASCII without a regex). */
function letterCounts(text: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        latin++;
      }
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER.test(ch)) {
      letters++;
      if (LATIN.test(ch)) latin++;
    }
  }
  return { letters, latin };
}

/**
 * The ISO 639-1 code of the language `text` (a statement) is written in, when it is confidently not
 * English; undefined when it is English or too short or too full of names to tell. Names mislead
 * detectors ("Wojciech met Zbigniew in Łódź" reads as Polish), so the words starting with a capital
 * are left out, and both the whole statement and its lower-case words must be detected as the same
 * other language.
 */
export function nonEnglishLanguage(text: string): string | undefined {
  // Keys, handles and cross-references ("@fig-map") are no words of any language.
  text = text.replace(/[@#][\p{L}\p{N}_{][^\s,;\])]*/gu, ' ');
  // Mostly letters of another script (Japanese, Chinese, Cyrillic, Arabic…): not English, whatever the
  // detector says of so few space-separated words; "und" (undetermined) when it cannot name the language.
  const { letters, latin } = letterCounts(text);
  if (letters >= 4) {
    if (latin * 2 < letters) {
      const top = detectAll(text)[0]?.lang;
      return top && top !== 'en' ? top : 'und';
    }
  }
  // Plain ASCII (most English prose): the same words and capitals by cheaper, ASCII-only patterns.
  const ascii = !/[^\x00-\x7f]/.test(text);
  const words = (ascii ? text.match(/[A-Za-z][A-Za-z'-]*/g) : text.match(/[\p{L}][\p{L}'’-]*/gu)) ?? [];
  const lower = ascii ? words.filter((w) => !(w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90)) : words.filter((w) => !/^\p{Lu}/u.test(w));
  if (lower.length < MIN_WORDS || lower.join('').length < MIN_LETTERS) return undefined;
  let guard = 0;
  for (const w of lower) if (ENGLISH_GUARD.has(w) && ++guard >= 2) return undefined;
  // Short statements with few function words fool the detector ("Officials placed sandbags along
  // embankments" reads as Indonesian): when at least half the lower-case words are English words by
  // WordNet, the statement is English.
  let known = 0;
  for (const w of lower) if (ENGLISH_GUARD.has(w) || lemmas(w).length > 0) known++;
  if (known * 2 >= lower.length) return undefined;
  const rest = detectAll(lower.join(' '));
  const top = rest[0]?.lang;
  if (!top || top === 'en') return undefined;
  const whole = detectAll(text)[0]?.lang;
  return whole === top ? top : undefined;
}
