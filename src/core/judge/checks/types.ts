import type { Category } from '../../types';
import type { Check } from '../context';

/**
 * One check of the registry: it reads the statement's units and the aligned evidence and returns a
 * finding when it sees the clash it knows about, else undefined. Checks never decide the verdict
 * alone: the fitted model in `decide.ts` weighs what they found (`features.ts`).
 */
export interface CheckDefinition {
  /** Stable id, used in settings, feature names and the fitted model. */
  id: string;
  /** The category its findings usually carry (a finding may name a narrower one). */
  category: Category;
  /** One line, for the README, SARIF rule descriptions and hovers. */
  description: string;
  run: Check;
}
