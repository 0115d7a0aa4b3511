import type { Citation, CitationItem } from '../types';

// Pandoc citation keys: a letter, digit or underscore, then those and internal punctuation.
const KEY_RE = /^-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/u;
const LOCATOR_RE = /^(?:¶\s*|para(?:graph)?\.?\s*|paras?\.?\s*)(\S+)$/i;

/**
 * Finds bracketed citations (`[@key]`, `[@key, ¶3]`, `[see @a; @b, para. 2]`) in `text`,
 * and brackets that start like one but cannot be read (`[@`, `[@key, ¶x]`).
 */
export function findCitations(text: string, start = 0, end = text.length): Citation[] {
  const out: Citation[] = [];
  const slice = text.slice(start, end);
  const open = /\[(?=[^\]\n]*?(?:^|[\s;\[-])@)|\[(?=-?@)/g;
  for (let m = open.exec(slice); m; m = open.exec(slice)) {
    const s = start + m.index;
    const close = text.indexOf(']', s + 1);
    const newline = text.slice(s, close < 0 ? end : close).search(/\r?\n\s*\r?\n/);
    if (close < 0 || close >= end || newline >= 0) {
      // An opening with no closing bracket in its paragraph.
      const lineEnd = text.slice(s).search(/[\r\n]|$/);
      const e = s + Math.max(2, Math.min(lineEnd, 40));
      out.push({ start: s, end: Math.min(e, end), raw: text.slice(s, Math.min(e, end)), items: [], error: 'This citation has no closing “]”.' });
      open.lastIndex = m.index + 1;
      continue;
    }
    if (text[close + 1] === '(' || text[close + 1] === ':') continue; // a link or a reference definition
    const inner = text.slice(s + 1, close);
    if (!/(?:^|[\s;\[-])-?@/.test(inner)) continue;
    out.push(parseCitation(text, s, close + 1));
    open.lastIndex = close + 1 - start;
  }
  return out;
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
