import type { ReferenceAnalysis, SentenceInfo } from '../reference/analysis';
import type { Category, Reference, Span, VerdictKind } from '../types';
import type { Alignment, ClaimView } from './align';

/** What every check sees: the statement's units, the best-aligned sentences and the reference. */
export interface CheckContext {
  text: string;
  view: ClaimView;
  al: Alignment;
  a: ReferenceAnalysis;
  ref: Reference;
}

/** A check's conclusion about a statement. */
export interface Finding {
  verdict: VerdictKind;
  category: Category;
  message: string;
  /** The words of the statement the finding is about. */
  focus?: Span;
  /** Source wording to put in place of `focus`. */
  replacement?: string;
  /** Sentences relied on, when not the aligned window. */
  evidence?: SentenceInfo[];
  /** The reference those sentences come from, when not the one the statement aligned to. */
  reference?: Reference;
}

export type Check = (ctx: CheckContext) => Finding | undefined;

export const para = (s: SentenceInfo | undefined) => (s ? `¶${s.sentence.paragraph}` : 'the source');

/** Coverage of the statement without the given units (the part a check calls into question). */
export function coverageWithout(ctx: CheckContext, skip: (u: Alignment['view']['units'][number]) => boolean): number {
  let total = 0;
  let got = 0;
  ctx.view.units.forEach((u, i) => {
    if (skip(u)) return;
    total += u.weight;
    if (ctx.al.covered[i]) got += u.weight;
  });
  return total ? got / total : 0;
}

/** Surface text of a reference span. */
export const refText = (ref: Reference, s: Span) => ref.text.slice(s.start, s.end);
