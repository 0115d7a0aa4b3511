// Citation markers of a draft, in every form Pandoc reads (https://pandoc.org/MANUAL.html#citation-syntax):
// bracketed `[see @key, pp. 3-5; -@other]`, in-text `@key` and `@key [p. 4]`, braced keys `@{odd:key.}`.
// Not citations: e-mail addresses (`desk@site.org`), Quarto cross-references (`@fig-map`), an escaped `\@`.
import type { Citation, CitationItem, Locator, LocatorKind, Span } from '../types';
import { splitsSurrogatePair } from '../text/unicode';

/**
 * A Pandoc key without braces: a letter, digit or `_`, then alphanumerics with single internal
 * punctuation (`:.#$%&-+?<>~/`); a doubled or final punctuation mark ends the key (`@a--b` is `a`).
 */
const KEY_RE = /[\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/][\p{L}\p{N}_]+)*/uy;

/** Longest braced key read (`@{…}`): a URL used as a key fits; a line of `@{` never costs its square. */
const MAX_BRACED = 300;
/** Longest locator bracket after an in-text key (`@key [p. 4, …]`). */
const MAX_IN_TEXT_BRACKET = 200;

/**
 * Quarto cross-reference prefixes (figures, tables, listings, callouts, theorems and their kin,
 * equations, sections): `@fig-map` points inside the document, not at a source. pandoc-crossref
 * writes the same with a colon (`@fig:map`).
 */
const CROSS_REF_RE = /^(?:fig|tbl|lst|tip|nte|wrn|imp|cau|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|eq|sec)[-:]/i;

/** True for a key Quarto reads as a cross-reference (`fig-map`, `Sec-intro`), never a citation. */
export function isCrossReference(key: string): boolean {
  return CROSS_REF_RE.test(key);
}

// A locator label (Pandoc's English terms, the ones news and research drafts use), then its number.
// Word labels need a dot, a space or a digit after them, so "paramount" is no "para".
const LABEL_RE = /^(?:(¶¶?|§§?)\s*|(paragraphs?|paras?|pages?|pp?|sections?|secs?|chapters?|chaps?|ch)(?:\.\s*|\s+|(?=\d)))/iu;
// Any number of digits, so the locator's span is all of it; numbers past 2^53 are read approximately
// (a 20-digit ¶ is still past any reference's end) and past 10^308 as Infinity, never clipped or wrapped.
const NUMBER_RE = /^(\d+)(?:\s*[-–—]\s*(\d+))?/;
const ROMAN_RE = /^[ivxlcdm]+(?![\p{L}\p{N}])/iu;

function labelKind(label: string): LocatorKind {
  const l = label.toLowerCase();
  if (l.startsWith('¶') || l.startsWith('para')) return 'paragraph';
  if (l.startsWith('p')) return 'page';
  if (l.startsWith('§') || l.startsWith('sec')) return 'section';
  return 'chapter';
}

/** A locator read from the start of `s`: its kind, numbers and length; an error for `¶x`. */
interface ReadLocator {
  kind: LocatorKind;
  length: number;
  first?: number;
  last?: number;
  error?: string;
}

/**
 * Reads a locator at the start of `s` (`¶4`, `para. 4`, `pp. 3–5`, `ch. 1`, or a bare `33`, which
 * Pandoc takes as a page). Undefined when `s` does not start with one (it is a suffix then).
 */
export function readLocator(s: string): ReadLocator | undefined {
  const lm = LABEL_RE.exec(s);
  if (!lm) {
    const n = NUMBER_RE.exec(s);
    if (!n || /[\p{L}\p{N}]/u.test(s.charAt(n[0].length))) return undefined;
    return numbered('page', 0, n);
  }
  const kind = labelKind(lm[1] ?? lm[2]);
  const rest = s.slice(lm[0].length);
  if (kind === 'section' || kind === 'chapter') {
    // Shown as written (`sec. 2.3`, `ch. IV`), never checked: a reference knows no sections.
    const token = /^[^\s,;\]]*/.exec(rest)![0];
    return { kind, length: lm[0].length + token.length };
  }
  const n = NUMBER_RE.exec(rest);
  if (n && !/[\p{L}]/u.test(rest.charAt(n[0].length))) return numbered(kind, lm[0].length, n);
  const roman = kind === 'paragraph' ? null : ROMAN_RE.exec(rest);
  if (roman) return { kind, length: lm[0].length + roman[0].length };
  const word = /^\S*/.exec(rest)![0];
  if (kind === 'paragraph') {
    const written = s.slice(0, lm[0].length + word.length).trim();
    return { kind, length: lm[0].length + word.length, error: `“${written}” is not a paragraph number; write it as “¶3” or “para. 3”.` };
  }
  return { kind, length: lm[0].length + word.length };
}

function numbered(kind: LocatorKind, at: number, n: RegExpExecArray): ReadLocator {
  const first = Number(n[1]);
  const last = n[2] === undefined ? undefined : Number(n[2]);
  const out: ReadLocator = { kind, length: at + n[0].length, first, last: last !== undefined && last > first ? last : undefined };
  if (first < 1 && kind === 'paragraph') out.error = `“${n[0]}” is not a paragraph number; paragraphs count from ¶1.`;
  return out;
}

/** A blank line: two line breaks (CRLF, LF or a lone CR) with only spaces or tabs between. */
export const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/;

/**
 * Finds the citations in `text[start, end)`, in text order: bracketed ones (`[@key]`, `[@key, ¶3]`,
 * `[see @a; -@b, p. 2]`), brackets that start like one but cannot be read (`[@`, `[@key, ¶x]`),
 * and in-text ones (`@key`, `@key [p. 4]`, `@{key}`), marked `form: 'in-text'`.
 *
 * Pandoc reads any in-text `@key` as a citation; whether an unknown in-text key is reported is for
 * the checker to say (a writer's `@handle` is no citation). Cross-references (`@fig-…`), e-mail
 * addresses (an `@` after a letter or digit), `\@` and `@` inside a link's label are never citations.
 * Every look-ahead only moves forward, so a line of thousands of brackets costs time in proportion to its length.
 */
export function findCitations(text: string, start = 0, end = text.length): Citation[] {
  const zones: Span[] = [];
  const bracketed = findBracketed(text, start, end, zones);
  const inText = findInText(text, start, end, zones);
  if (!inText.length) return bracketed;
  if (!bracketed.length) return inText;
  return [...bracketed, ...inText].sort((a, b) => a.start - b.start);
}

/** Bracketed citations; `zones` gets every bracket read (citation or link label), where no in-text citation can start. */
function findBracketed(text: string, start: number, end: number, zones: Span[]): Citation[] {
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
      if (e < end && splitsSurrogatePair(text, e)) e++; // never end inside a surrogate pair
      out.push({ start: s, end: e, raw: text.slice(s, e), items: [], error: 'This citation has no closing “]”.' });
      zones.push({ start: s, end: e });
      continue;
    }
    zones.push({ start: s, end: close + 1 });
    if (text[close + 1] === '(' || text[close + 1] === ':') continue; // a link or a reference definition
    // The brackets must hold an `@` at the start of an item: `[@a]`, `[see @a]`, `[@a; -@b]`.
    const keyed = nextKeyed(s);
    if (keyed.at < 0 || keyed.at + keyed.length > close) continue;
    const c = parseBracketed(text, s, close + 1);
    if (c) out.push(c);
    s = close;
  }
  return out;
}


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

/** A key after the `@` at `at`: braced (`{…}`, braces nest) or plain; an error when there is none. */
function readKey(text: string, at: number, end: number): { key: string; span: Span; next: number; braced: boolean } | { error: string } {
  if (text[at] === '{') {
    let depth = 0;
    for (let i = at; i < Math.min(end, at + MAX_BRACED); i++) {
      const ch = text[i];
      if (ch === '\n' || ch === '\r') break;
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        const key = text.slice(at + 1, i);
        if (!key.trim()) return { error: 'The braces after “@” hold no key (write “@{source-key}”).' };
        return { key, span: { start: at + 1, end: i }, next: i + 1, braced: true };
      }
    }
    return { error: 'This braced key has no closing “}”.' };
  }
  KEY_RE.lastIndex = at;
  const m = at < end ? KEY_RE.exec(text) : null;
  if (!m) return { error: 'A citation key must follow “@” (for example “[@source-key]”).' };
  // A key runs to the end of the range it is read in, never past it.
  const key = at + m[0].length <= end ? m[0] : m[0].slice(0, end - at);
  return { key, span: { start: at, end: at + key.length }, next: at + key.length, braced: false };
}

/**
 * Reads a locator and suffix from `text[from, to)` (what follows a key, or an in-text citation's
 * brackets), onto `item`. Returns an error for a paragraph locator that is no number.
 */
function readLocatorInto(text: string, from: number, to: number, item: CitationItem): string | undefined {
  let p = from;
  while (p < to && /\s/.test(text[p])) p++;
  if (text[p] === ',') p++;
  while (p < to && /\s/.test(text[p])) p++;
  const rest = text.slice(p, to);
  const loc = readLocator(rest);
  let after = p;
  if (loc) {
    const written = rest.slice(0, loc.length).trimEnd();
    if (loc.error) return loc.error;
    const locator: Locator = { kind: loc.kind, text: written };
    if (loc.last !== undefined) locator.last = loc.last;
    item.locator = locator;
    item.locatorSpan = { start: p, end: p + written.length };
    if (loc.kind === 'paragraph') item.paragraph = loc.first;
    if (loc.kind === 'page' && loc.first !== undefined) item.page = loc.first;
    after = p + loc.length;
  }
  const suffix = text.slice(after, to).replace(/^[\s,]+/, '').trim();
  if (suffix) item.suffix = suffix;
  return undefined;
}

/** A bracketed citation `text[s, e)`; undefined when every item is a cross-reference (`[@fig-map]`). */
function parseBracketed(text: string, s: number, e: number): Citation | undefined {
  const raw = text.slice(s, e);
  const items: CitationItem[] = [];
  let error: string | undefined;
  let crossRefs = 0;
  // Items are separated by `;` outside braces.
  const parts: Span[] = [];
  let depth = 0;
  let from = s + 1;
  for (let i = s + 1; i < e - 1; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth = Math.max(0, depth - 1);
    else if (text[i] === ';' && depth === 0) {
      parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  parts.push({ start: from, end: e - 1 });
  for (const part of parts) {
    const body = text.slice(part.start, part.end);
    const at = body.search(/(?:^|\s)-?@/);
    if (at < 0) {
      if (body.trim()) error ??= `“${body.trim()}” in this citation has no “@key”.`;
      else error ??= 'This citation has an empty item (“;;”).';
      continue;
    }
    const atIndex = part.start + body.indexOf('@', at);
    const suppressAuthor = text[atIndex - 1] === '-';
    const k = readKey(text, atIndex + 1, part.end);
    if ('error' in k) {
      error ??= k.error;
      continue;
    }
    if (!k.braced && isCrossReference(k.key)) {
      crossRefs++;
      continue;
    }
    const item: CitationItem = { key: k.key, keySpan: k.span };
    const prefix = text.slice(part.start, suppressAuthor ? atIndex - 1 : atIndex).trim();
    if (prefix) item.prefix = prefix;
    if (suppressAuthor) item.suppressAuthor = true;
    // An unreadable locator makes the citation malformed; its key is still cited.
    const locError = readLocatorInto(text, k.next, part.end, item);
    if (locError) error ??= locError;
    items.push(item);
  }
  if (!items.length && crossRefs && !error) return undefined;
  if (!items.length) error ??= 'This citation names no source key.';
  return { start: s, end: e, raw, items, error };
}

// What may stand right before an in-text `@`: nothing, a space, an opening bracket or curly quote,
// emphasis or a dash. A letter or digit before it makes an e-mail address; `/`, `.`, `=` a URL; `\`
// escapes it; a straight quote is most often an HTML attribute (`title="@x"`).
const IN_TEXT_BEFORE = /[\s(“‘«‹*_~—–]/u;

/** In-text citations (`@key`, `@{key}`, `@key [p. 4]`) outside the `zones` of bracketed text. */
function findInText(text: string, start: number, end: number, zones: Span[]): Citation[] {
  const out: Citation[] = [];
  let z = 0;
  for (let at = text.indexOf('@', start); at >= 0 && at < end; at = text.indexOf('@', at + 1)) {
    while (z < zones.length && zones[z].end <= at) z++;
    if (z < zones.length && zones[z].start <= at) continue;
    if (at > 0 && !IN_TEXT_BEFORE.test(text[at - 1])) continue;
    const k = readKey(text, at + 1, end);
    if ('error' in k) {
      // `@{` is unmistakably meant as a key; a lone `@` ("meet @ noon") is just a character.
      if (text[at + 1] === '{') {
        const lineEnd = text.slice(at, Math.min(end, at + 41)).search(/[\r\n]|$/);
        const e = at + Math.max(2, lineEnd);
        out.push({ start: at, end: e, raw: text.slice(at, e), items: [], error: k.error, form: 'in-text' });
      }
      continue;
    }
    if (!k.braced && isCrossReference(k.key)) continue;
    const item: CitationItem = { key: k.key, keySpan: k.span };
    let e = k.next;
    let error: string | undefined;
    // A locator in brackets right after the key (`@key [p. 4]`, `@key [¶2, and after]`).
    const open = text[e] === '[' ? e : (text[e] === ' ' || text[e] === '\t') && text[e + 1] === '[' ? e + 1 : -1;
    if (open >= 0) {
      const window = text.slice(open, Math.min(end, open + MAX_IN_TEXT_BRACKET + 2));
      const closeAt = window.indexOf(']');
      const close = closeAt < 0 ? -1 : open + closeAt;
      const inner = close < 0 ? '' : text.slice(open + 1, close);
      const after = text[close + 1];
      if (close > 0 && close < end && inner.length <= MAX_IN_TEXT_BRACKET && !/[\r\n@\[]/.test(inner) && after !== '(' && after !== '[' && after !== ':' && readLocator(inner.trimStart())) {
        error = readLocatorInto(text, open + 1, close, item);
        e = close + 1;
      }
    }
    out.push({ start: at, end: e, raw: text.slice(at, e), items: [item], ...(error ? { error } : {}), form: 'in-text' });
    at = e - 1;
  }
  return out;
}

/** Markdown footnote references `[^id]` in text. */
export function findFootnoteRefs(text: string): { id: string; start: number; end: number }[] {
  const out: { id: string; start: number; end: number }[] = [];
  const re = /\[\^([^\]\s]+)\](?!:)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ id: m[1], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Keys named with `@` in free text (a footnote's body), bracketed or in-text, braced or not; no cross-references or e-mail addresses. */
export function keysInText(text: string): string[] {
  const out: string[] = [];
  for (const c of findCitations(text)) for (const i of c.items) out.push(i.key);
  return out;
}
