// The registry of checks, in order of specificity: when several find a clash, the first names it.
import { antonym } from './antonym';
import { attribution } from './attribution';
import { citing } from './citing';
import { contrast } from './contrast';
import { count } from './count';
import { duration } from './duration';
import { frequency } from './frequency';
import { lexicalAntonym } from './lexical-antonym';
import { modality } from './modality';
import { negation } from './negation';
import { number } from './number';
import { order } from './order';
import { origin } from './origin';
import { place } from './place';
import { quote } from './quote';
import { quoteSpeaker } from './quote-speaker';
import { role } from './role';
import { speaker } from './speaker';
import { substitution } from './substitution';
import { time } from './time';
import type { CheckDefinition } from './types';

export type { CheckDefinition } from './types';

/** Every check the judge runs, most specific first. */
export const CHECKS: readonly CheckDefinition[] = [quote, quoteSpeaker, role, attribution, speaker, citing, origin, place, time, duration, frequency, number, count, order, contrast, negation, antonym, substitution, lexicalAntonym, modality];
