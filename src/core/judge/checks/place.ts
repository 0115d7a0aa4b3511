import { checkPlace } from '../details';
import type { CheckDefinition } from './types';

/** Another place than the source gives for the same event. */
export const place: CheckDefinition = {
  id: 'place',
  category: 'place',
  description: 'Another place than the source gives for the same event.',
  run: checkPlace,
};
