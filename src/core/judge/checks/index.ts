// The registry of checks, in order of specificity: when several find a clash, the first names it.
import { antonym } from './antonym';
import { attribution } from './attribution';
import { contrast } from './contrast';
import { modality } from './modality';
import { negation } from './negation';
import { number } from './number';
import { origin } from './origin';
import { place } from './place';
import { quote } from './quote';
import { role } from './role';
import { substitution } from './substitution';
import { time } from './time';
import type { CheckDefinition } from './types';

export type { CheckDefinition } from './types';

/** Every check the judge runs, most specific first. */
export const CHECKS: readonly CheckDefinition[] = [quote, role, attribution, origin, place, time, number, contrast, negation, antonym, substitution, modality];
