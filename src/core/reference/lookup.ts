import { tokenize } from '../text/tokens';
import type { Entity, Paragraph, Reference, Span } from '../types';
import { analyse } from './analysis';

export interface TermMatch {
  reference: Reference;
  entity: Entity;
  /** The matched words in the text looked in. */
  span: Span;
}

/** The entity named at `offset` of `text` (a draft), by any name or alias a reference uses for it. */
export function lookupTerm(references: Reference[], text: string, offset: number): TermMatch | undefined {
  // Only the line around the offset matters; names do not cross line breaks.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 500);
  const nl = text.indexOf('\n', offset);
  const lineEnd = Math.min(nl < 0 ? text.length : nl, offset + 500);
  const tokens = tokenize(text, lineStart, lineEnd);
  for (const reference of references) {
    for (const m of analyse(reference).matcher.find(tokens)) {
      const span = { start: tokens[m.first].start, end: tokens[m.last].end };
      if (span.start <= offset && offset <= span.end) return { reference, entity: m.entity, span };
    }
  }
  return undefined;
}

/** Paragraph `n` (1-based, as cited with ¶n), if the reference has it. */
export function findParagraph(ref: Reference, n: number): Paragraph | undefined {
  return ref.paragraphs[n - 1];
}
