import type { Span } from '../types';

/** Quoted words in a statement: straight or curly double quotes, two words or more. */
export function findQuotes(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const re = /["“”„]([^"“”„\r\n]+?)["“”]/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[1].trim().split(/\s+/).length < 2) continue;
    out.push({ start: start + m.index + 1, end: start + m.index + 1 + m[1].length });
  }
  return out;
}
