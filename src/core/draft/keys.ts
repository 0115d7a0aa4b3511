import Fuse from 'fuse.js';

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

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours), or limit + 1 once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length], limit + 1);
}
