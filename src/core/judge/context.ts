import type { ReferenceAnalysis, SentenceInfo } from '../reference/analysis';
import type { Category, Reference, Span, VerdictKind } from '../types';
import type { Alignment, ClaimView } from './align';

/** What every check sees: the statement's units, the best-aligned sentences and the reference. */
export interface CheckContext {
  /** The whole text the statement stands in; units and spans are offsets into it. */
  text: string;
  /** The statement cut into units against the reference. */
  view: ClaimView;
  /** The reference sentences that best cover the statement. */
  alignment: Alignment;
  /** What was worked out of the reference when it was loaded. */
  analysis: ReferenceAnalysis;
  ref: Reference;
  /** Quotations of the statement, found in the cited references or not. */
  quotes: QuoteResult;
}

export interface QuoteResult {
  finding?: Finding;
  /** Quotes that stand in the source, with where. */
  found: { quote: Span; sentence: SentenceInfo }[];
}

/** A check's conclusion about a statement. */
export interface Finding {
  kind: VerdictKind;
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
    if (ctx.alignment.covered[i]) got += u.weight;
  });
  return total ? got / total : 0;
}

/** Surface text of a reference span. */
export const refText = (ref: Reference, s: Span) => ref.text.slice(s.start, s.end);
