import type { Reference } from '../types';

// Common ways of naming the same country; everything else is linked from the reference's own text.
const EQUIVALENT: string[][] = [
  ['american', 'u.s.', 'us', 'usa', 'u.s.a.', 'united states', 'america'],
  ['british', 'uk', 'u.k.', 'britain', 'united kingdom', 'great britain'],
  ['eu', 'e.u.', 'european union'],
];

const norm = (s: string) => s.toLowerCase().replace(/[’']s$/, '').replace(/-(?:made|built|born|based|led|backed|supplied)$/, '').trim();

/** Do two nationality words or country names name the same country, per common usage or the reference's own links? */
export function sameNationality(x: string, y: string, ref: Reference | undefined): boolean {
  const a = norm(x);
  const b = norm(y);
  if (a === b) return true;
  if (EQUIVALENT.some((g) => g.includes(a) && g.includes(b))) return true;
  if (ref) {
    for (const e of ref.entities) {
      const forms = [e.name, ...e.aliases].map(norm);
      if (forms.includes(a) && forms.includes(b)) return true;
    }
  }
  return false;
}
