import { checkContrast } from '../polarity';
import type { CheckDefinition } from './types';

/** The statement asserts what the source sets aside ("rather than", "instead of"). */
export const contrast: CheckDefinition = {
  id: 'contrast',
  category: 'negation',
  description: 'The statement asserts what the source sets aside ("rather than", "instead of").',
  run: checkContrast,
};
