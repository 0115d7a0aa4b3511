import { checkSubstitution } from '../polarity';
import type { CheckDefinition } from './types';

/** The statement puts one member of a closed set where the source has another ("positive" for "negative"). */
export const substitution: CheckDefinition = {
  id: 'substitution',
  category: 'antonym',
  description: 'The statement puts one member of a closed set where the source has another ("positive" for "negative").',
  run: checkSubstitution,
};
