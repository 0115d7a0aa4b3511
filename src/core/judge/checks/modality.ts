import { checkModality } from '../polarity';
import type { CheckDefinition } from './types';

/** Overstated certainty: the source says something may happen, the statement says it has. */
export const modality: CheckDefinition = {
  id: 'modality',
  category: 'modality',
  description: 'Overstated certainty: the source says something may happen, the statement says it has.',
  run: checkModality,
};
