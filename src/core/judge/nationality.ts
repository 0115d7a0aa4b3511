import { sameCountry } from '../language/countries';
import type { Reference } from '../types';

// Unions of countries that the country data (which lists countries only) does not hold, named the
// way their members' demonyms are: "EU" and "European Union" are one thing.
const UNIONS: string[][] = [['eu', 'e.u.', 'european union']];

/** A nationality word or country name without a possessive or a trailing "-made", "-led", …; case kept. */
const bare = (s: string) => s.trim().replace(/[’']s$/, '').replace(/-(?:made|built|born|based|led|backed|supplied)$/i, '').trim();
const norm = (s: string) => bare(s).toLowerCase();

/** Do two nationality words or country names name the same country, per the country data or the reference's own links? */
export function sameNationality(x: string, y: string, ref: Reference | undefined): boolean {
  const a = norm(x);
  const b = norm(y);
  if (a === b) return true;
  if (sameCountry(bare(x), bare(y))) return true;
  if (UNIONS.some((g) => g.includes(a) && g.includes(b))) return true;
  if (ref) {
    const forms = entityForms(ref);
    const x1 = forms.get(a);
    if (x1) for (const id of forms.get(b) ?? []) if (x1.has(id)) return true;
  }
  return false;
}

const formsOf = new WeakMap<Reference, Map<string, Set<string>>>();
/** Each normalised name or alias of the reference's entities, with the entities it names; built once per reference. */
function entityForms(ref: Reference): Map<string, Set<string>> {
  let map = formsOf.get(ref);
  if (!map) {
    map = new Map();
    for (const e of ref.entities) {
      for (const f of [e.name, ...e.aliases].map(norm)) {
        let ids = map.get(f);
        if (!ids) map.set(f, (ids = new Set()));
        ids.add(e.id);
      }
    }
    formsOf.set(ref, map);
  }
  return map;
}
