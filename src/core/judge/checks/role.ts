import { checkRole } from '../roles';
import type { CheckDefinition } from './types';

/** A person is given an office or nationality the source does not give them. */
export const role: CheckDefinition = {
  id: 'role',
  category: 'role',
  description: 'A person is given an office or nationality the source does not give them.',
  run: checkRole,
};
