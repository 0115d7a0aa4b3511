import type { Claim, Span, TextEdit } from '../types';

/** Inline comment after a statement: `<!-- factcheck-ignore -->` silences findings on it. */
export const SUPPRESS_INLINE = 'factcheck-ignore';
/** Comment on its own line: silences findings on the next line. */
export const SUPPRESS_NEXT_LINE = 'factcheck-disable-next-line';
export const SUPPRESS_START = 'factcheck-disable';
export const SUPPRESS_END = 'factcheck-enable';

export interface Suppressions {
  /** Offsets where an inline ignore comment starts. */
  inline: number[];
  /** Spans (whole lines or disable…enable regions) where nothing is reported. */
  regions: Span[];
}

/** Reads suppression comments from the comments of a draft: HTML `<!-- … -->`, or MDX `{/* … *\/}` with their `body`. */
export function readSuppressions(text: string, comments: (Span & { body?: string })[]): Suppressions {
  const inline: number[] = [];
  const regions: Span[] = [];
  let openAt: number | undefined;
  for (const c of comments) {
    const body = (c.body ?? text.slice(c.start + 4, c.end - 3)).trim();
    if (body === SUPPRESS_INLINE) inline.push(c.start);
    else if (body === SUPPRESS_NEXT_LINE) {
      const lineEnd = text.slice(c.end).search(/\r\n|\n|\r/);
      if (lineEnd < 0) continue;
      const nextStart = c.end + lineEnd + (text.startsWith('\r\n', c.end + lineEnd) ? 2 : 1);
      const nextEnd = text.slice(nextStart).search(/\r\n|\n|\r|$/);
      regions.push({ start: nextStart, end: nextStart + nextEnd });
    } else if (body === SUPPRESS_START) openAt ??= c.end;
    else if (body === SUPPRESS_END && openAt !== undefined) {
      regions.push({ start: openAt, end: c.start });
      openAt = undefined;
    }
  }
  if (openAt !== undefined) regions.push({ start: openAt, end: text.length });
  return { inline, regions };
}

/** The edit that silences findings on a statement: an inline comment right after it. */
export function suppressionEdit(_text: string, claim: Claim): TextEdit {
  return { start: claim.end, end: claim.end, newText: ` <!-- ${SUPPRESS_INLINE} -->` };
}
