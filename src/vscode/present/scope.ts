// Which documents are judged, and how much of each.
import { findCitations, normalizeUrl, splitsSurrogatePair, readFrontMatter, type ReferenceMeta } from '../../core';

/** The part of a draft that is judged: all of it, or up to the last paragraph break before the limit. */
export function judgedPart(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.lastIndexOf('\n\n', limit);
  let end = cut > limit / 2 ? cut : limit;
  // Never end between the two halves of a surrogate pair.
  if (splitsSurrogatePair(text, end)) end--;
  return { text: text.slice(0, end), truncated: true };
}

/**
 * A draft cites something when it has a citation key in brackets, a footnote key or front-matter
 * references, an in-text `@key` of a loaded reference, or a Markdown link to a loaded reference's URL.
 */
export function citesAnything(text: string, references: readonly Pick<ReferenceMeta, 'key' | 'url'>[] = []): boolean {
  if (/\[[^\]\n]*@[\p{L}\p{N}_]/u.test(text) || /^\[\^[^\]]+\]:.*@[\p{L}\p{N}_]/mu.test(text) || readFrontMatter(text).references.length > 0) return true;
  if (!references.length) return false;
  if (text.includes('@')) {
    const keys = new Set(references.map((r) => r.key));
    for (const c of findCitations(text)) if (c.form === 'in-text' && c.items.some((i) => keys.has(i.key))) return true;
  }
  const urls = new Set(references.map((r) => r.url && normalizeUrl(r.url)).filter((u): u is string => !!u));
  if (urls.size && text.includes('](')) {
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
      const u = normalizeUrl(m[1]);
      if (u && urls.has(u)) return true;
    }
  }
  return false;
}
