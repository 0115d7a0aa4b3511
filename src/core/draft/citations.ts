import type { Citation, CitationItem } from '../types';

// Pandoc citation keys: a letter, digit or underscore, then those and internal punctuation.
const KEY_RE = /^-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/u;
const LOCATOR_RE = /^(?:¶\s*|para(?:graph)?\.?\s*|paras?\.?\s*)(\S+)$/i;

/** A blank line: two line breaks (CRLF, LF or a lone CR) with only spaces or tabs between. */
export const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/;

/**
 * Finds bracketed citations (`[@key]`, `[@key, ¶3]`, `[see @a; @b, para. 2]`) in `text`,
 * and brackets that start like one but cannot be read (`[@`, `[@key, ¶x]`).
 *
 * A `[` opens a citation when an `@` follows it directly (`[@`, `[-@`), or follows a space,
 * `;`, `[` or `-` before the next `]` or line break. Every look-ahead below only moves forward,
 * so a line of thousands of brackets costs time in proportion to its length.
 */
export function findCitations(text: string, start = 0, end = text.length): Citation[] {
  const out: Citation[] = [];
  const nextStop = forward(text, /\]|\n|\r(?!\n)/g, end);
  const nextTrigger = forward(text, /[\s;\[-]@/g, end);
  const nextClose = forward(text, /\]/g, end);
  const nextBlank = forward(text, new RegExp(BLANK_LINE.source, 'g'), end);
  const nextKeyed = forward(text, /[\s;\[-]-?@/g, end);
  for (let s = text.indexOf('[', start); s >= 0 && s < end; s = text.indexOf('[', s + 1)) {
    const direct = (s + 1 < end && text[s + 1] === '@') || (s + 2 < end && text[s + 1] === '-' && text[s + 2] === '@');
    if (!direct) {
      const stop = nextStop(s + 1);
      const trigger = nextTrigger(s + 1);
      if (trigger.at < 0 || trigger.at + 2 > end || trigger.at > (stop.at < 0 ? end : stop.at)) continue;
    }
    const close = nextClose(s + 1).at;
    const blank = close < 0 ? undefined : nextBlank(s);
    if (close < 0 || (blank && blank.at >= 0 && blank.at + blank.length <= close)) {
      // An opening with no closing bracket in its paragraph: report the rest of its line, at most 40 characters.
      const window = text.slice(s, Math.min(text.length, s + 41));
      const lineEnd = window.search(/[\r\n]/);
      let e = Math.min(s + Math.max(2, Math.min(lineEnd < 0 ? text.length - s : lineEnd, 40)), end);
      if (e < end && isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e))) e++; // never end inside a surrogate pair
      out.push({ start: s, end: e, raw: text.slice(s, e), items: [], error: 'This citation has no closing “]”.' });
      continue;
    }
    if (text[close + 1] === '(' || text[close + 1] === ':') continue; // a link or a reference definition
    // The brackets must hold an `@` at the start of an item: `[@a]`, `[see @a]`, `[@a; -@b]`.
    const keyed = nextKeyed(s);
    if (keyed.at < 0 || keyed.at + keyed.length > close) continue;
    out.push(parseCitation(text, s, close + 1));
    s = close;
  }
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The first match of `re` (global) at or after a position, for positions asked in increasing
 * order: a match found once answers every later question up to it, so the text is read once.
 */
function forward(text: string, re: RegExp, end: number): (from: number) => { at: number; length: number } {
  let found = { at: -2, length: 0 };
  let askedFrom = -1;
  return (from) => {
    if (from >= askedFrom && (found.at >= from || (found.at === -1 && askedFrom >= 0))) return found;
    re.lastIndex = from;
    const m = re.exec(text);
    found = m && m.index < end ? { at: m.index, length: m[0].length } : { at: -1, length: 0 };
    askedFrom = from;
    return found;
  };
}

function parseCitation(text: string, s: number, e: number): Citation {
  const raw = text.slice(s, e);
  const items: CitationItem[] = [];
  let error: string | undefined;
  let offset = s + 1;
  for (const part of raw.slice(1, -1).split(';')) {
    const partStart = offset;
    offset += part.length + 1;
    const at = part.search(/(?:^|\s)-?@/);
    if (at < 0) {
      if (part.trim()) error ??= `“${part.trim()}” in this citation has no “@key”.`;
      else error ??= 'This citation has an empty item (“;;”).';
      continue;
    }
    const atIndex = part.indexOf('@', at);
    const fromAt = part.slice(part[atIndex - 1] === '-' ? atIndex - 1 : atIndex);
    const km = KEY_RE.exec(fromAt);
    if (!km) {
      error ??= 'A citation key must follow “@” (for example “[@source-key]”).';
      continue;
    }
    const keyStart = partStart + atIndex + 1;
    const item: CitationItem = { key: km[1], keySpan: { start: keyStart, end: keyStart + km[1].length } };
    const rest = fromAt.slice(km[0].length);
    const loc = /^\s*,\s*(.*?)\s*$/.exec(rest);
    if (loc && loc[1]) {
      const locText = loc[1];
      const locStart = partStart + part.lastIndexOf(locText);
      const lm = LOCATOR_RE.exec(locText);
      if (lm) {
        const n = Number(lm[1]);
        if (Number.isInteger(n) && n >= 1) {
          item.paragraph = n;
          item.locatorSpan = { start: locStart, end: locStart + locText.length };
        } else {
          error ??= `“${locText}” is not a paragraph number; write it as “¶3” or “para. 3”.`;
        }
      }
    }
    items.push(item);
  }
  if (!items.length) error ??= 'This citation names no source key.';
  return { start: s, end: e, raw, items, error };
}

/** Markdown footnote references `[^id]` in text. */
export function findFootnoteRefs(text: string): { id: string; start: number; end: number }[] {
  const out: { id: string; start: number; end: number }[] = [];
  const re = /\[\^([^\]\s]+)\](?!:)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ id: m[1], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Keys named with `@` in free text (a footnote's body). */
export function keysInText(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s\[;(])-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]);
  return out;
}
