import type { CheckDefinition } from './types';

/** A quotation whose words do not stand in the source. */
export const quote: CheckDefinition = {
  id: 'quote',
  category: 'quote',
  description: 'A quotation whose words do not stand in the source: a near miss is a misquote, words found nowhere are unsupported.',
  // The quotations are matched once per statement, before coverage is counted (found words count as said).
  run: (ctx) => ctx.quotes.finding,
};
