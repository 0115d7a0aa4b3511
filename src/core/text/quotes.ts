import type { Span } from '../types';

/**
 * Quoted words in a statement: straight or curly double quotes, two words or more. A quotation may
 * wrap over a line break (with the indentation of a list item's continuation, or a block quote's
 * `>` already blanked in the prose), which counts as a space; never over a blank line.
 */
export function findQuotes(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const re = /["“”„]((?:[^"“”„\r\n]|\r\n?(?![ \t>]*[\r\n])|\n(?![ \t>]*[\r\n]))+?)["“”]/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[1].trim().split(/\s+/).length < 2) continue;
    out.push({ start: start + m.index + 1, end: start + m.index + 1 + m[1].length });
  }
  return out;
}
