import Fuse from 'fuse.js';
import { editDistance } from '../text/distance';

/** The known key closest to a mistyped one ("city-hal" → "city-hall"). */
export function nearestKey(key: string, keys: string[]): string | undefined {
  if (!keys.length) return undefined;
  const fuse = new Fuse(keys, { includeScore: true, threshold: 0.5, ignoreLocation: true });
  const [best] = fuse.search(key);
  return best ? best.item : undefined;
}

/**
 * The loaded citation key a mistyped one most likely means, only when it is a near miss (see
 * isNearMiss): "ferry-vte" → "ferry-vote", but never "broken" → "afterbroken". Fuse ranks the
 * candidates; the fewest edits win.
 */
export function nearestCitationKey(key: string, keys: readonly string[]): string | undefined {
  const near = keys.filter((k) => k !== key && isNearMiss(key, k));
  if (near.length <= 1) return near[0];
  const lower = key.toLowerCase();
  const dist = (k: string) => editDistance(lower, k.toLowerCase(), 2);
  const ranked = new Fuse(near, { includeScore: true, threshold: 1, ignoreLocation: true }).search(key).map((r) => r.item);
  const order = [...ranked, ...near.filter((k) => !ranked.includes(k))];
  return order.reduce((best, k) => (dist(k) < dist(best) ? k : best));
}

/**
 * A typo's distance between two keys: case differences are free; at most 1 edit for keys of 4 to 7
 * characters, 2 from 8 (the shorter key's length); an edit is an insertion, deletion, substitution or
 * swap of two neighbours (Damerau–Levenshtein). Keys under 4 characters are never near misses.
 */
export function isNearMiss(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  const limit = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  if (!limit || Math.abs(x.length - y.length) > limit) return false;
  return editDistance(x, y, limit) <= limit;
}
