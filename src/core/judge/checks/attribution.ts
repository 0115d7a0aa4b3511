import { checkAttribution } from '../roles';
import type { CheckDefinition } from './types';

/** Words or deeds are attributed to someone other than the person the source names. */
export const attribution: CheckDefinition = {
  id: 'attribution',
  category: 'attribution',
  description: 'Words or deeds are attributed to someone other than the person the source names.',
  run: checkAttribution,
};
