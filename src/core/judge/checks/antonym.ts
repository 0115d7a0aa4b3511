import { checkOpposite } from '../polarity';
import type { CheckDefinition } from './types';

/** The statement uses a word opposite in meaning to the word the source uses. */
export const antonym: CheckDefinition = {
  id: 'antonym',
  category: 'antonym',
  description: 'The statement uses a word opposite in meaning to the word the source uses.',
  run: checkOpposite,
};
