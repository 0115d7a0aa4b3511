import { checkNumber } from '../details';
import type { CheckDefinition } from './types';

/** Another number or amount than the source gives, bounds compared rather than matched as text. */
export const number: CheckDefinition = {
  id: 'number',
  category: 'number',
  description: 'Another number or amount than the source gives, bounds compared rather than matched as text.',
  run: checkNumber,
};
