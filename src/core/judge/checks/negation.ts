import { checkNegation } from '../polarity';
import type { CheckDefinition } from './types';

/** The statement drops or adds a negation the source does not have. */
export const negation: CheckDefinition = {
  id: 'negation',
  category: 'negation',
  description: 'The statement drops or adds a negation the source does not have.',
  run: checkNegation,
};
