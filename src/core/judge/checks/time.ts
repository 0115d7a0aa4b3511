import { checkTime } from '../details';
import type { CheckDefinition } from './types';

/** Another day, month, year or time than the source gives. */
export const time: CheckDefinition = {
  id: 'time',
  category: 'time',
  description: 'Another day, month, year or time than the source gives.',
  run: checkTime,
};
