import type { Span } from '../types';
import { isNationality } from '../language/countries';
import { ABBREVIATIONS, FUNCTION_CAPITALS } from '../lexicon';

// Words that, after a dotted abbreviation such as "U.S.", show a new sentence has begun.
const starterAfterAbbreviation = (word: string): boolean =>
  FUNCTION_CAPITALS.has(word) || (/^[A-Z][a-z]/.test(word) && isNationality(word));

/**
 * Splits `text[start, end)` into sentence spans (trimmed), offsets into `text`.
 * A full stop after an abbreviation ends a sentence only when what follows clearly starts one:
 * "Washington, D.C., for" stays whole, "by the U.S. Russian President" splits.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let sentenceStart = start;
  const re = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const stopAt = start + m.index;
    const after = start + m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && !endsSentenceAfterDot(text, sentenceStart, stopAt, after, end)) continue;
    pushTrimmed(text, sentenceStart, after, spans);
    sentenceStart = after;
  }
  pushTrimmed(text, sentenceStart, end, spans);
  return spans;
}

function endsSentenceAfterDot(text: string, sentenceStart: number, dot: number, after: number, end: number): boolean {
  const word = text.slice(trailingWordStart(text, Math.max(sentenceStart, dot - 40), dot), dot);
  const nextMatch = /^\s+(["'“‘(]?)(\S+)/.exec(text.slice(after, Math.min(end, after + 60)));
  if (!nextMatch) return true;
  const next = nextMatch[2].replace(/[^\p{L}\p{N}].*$/u, '');
  const nextIsCapital = /^[\p{Lu}\p{N}]/u.test(nextMatch[2]) || nextMatch[1] !== '';
  if (!nextIsCapital) return false;
  const lowerWord = word.toLowerCase();
  const isInitial = /^\p{Lu}$/u.test(word);
  const isDotted = /\p{L}\.\p{L}/u.test(word);
  if (isDotted) return starterAfterAbbreviation(next);
  if (isInitial) return false;
  if (ABBREVIATIONS.has(lowerWord)) return false;
  return true;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Where the run of letters, digits and dots that ends at `to` starts, not before `from` (`to` when
 * there is none): what /([\p{L}\p{N}.]+)$/u finds in text.slice(from, to), scanned backwards
 * instead of tried from every position.
 */
function trailingWordStart(text: string, from: number, to: number): number {
  let i = to;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46) {
        i--;
        continue;
      }
      break;
    }
    // A letter outside the Basic Multilingual Plane is a surrogate pair, both halves inside the range.
    const pair = c >= 0xdc00 && c <= 0xdfff && i - 2 >= from && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
    const w = pair ? 2 : 1;
    if (!WORD_CHAR.test(text.slice(i - w, i))) break;
    i -= w;
  }
  return i;
}

function pushTrimmed(text: string, s: number, e: number, out: Span[]): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e });
}
