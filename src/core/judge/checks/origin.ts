import { checkOrigin } from '../details';
import type { CheckDefinition } from './types';

/** Another nationality or origin than the source gives. */
export const origin: CheckDefinition = {
  id: 'origin',
  category: 'origin',
  description: 'Another nationality or origin than the source gives.',
  run: checkOrigin,
};
