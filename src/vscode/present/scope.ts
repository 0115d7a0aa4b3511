// Which documents are judged, and how much of each.
import { readFrontMatter } from '../../core';

/** The part of a draft that is judged: all of it, or up to the last paragraph break before the limit. */
export function judgedPart(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.lastIndexOf('\n\n', limit);
  let end = cut > limit / 2 ? cut : limit;
  // Never end between the two halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return { text: text.slice(0, end), truncated: true };
}

/** A draft cites something when it has a citation key in brackets, a footnote key or front-matter references. */
export function citesAnything(text: string): boolean {
  return /\[[^\]\n]*@[\p{L}\p{N}_]/u.test(text) || /^\[\^[^\]]+\]:.*@[\p{L}\p{N}_]/mu.test(text) || readFrontMatter(text).references.length > 0;
}
