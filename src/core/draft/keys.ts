import Fuse from 'fuse.js';

/** The known key closest to a mistyped one ("city-hal" → "city-hall"). */
export function nearestKey(key: string, keys: string[]): string | undefined {
  if (!keys.length) return undefined;
  const fuse = new Fuse(keys, { includeScore: true, threshold: 0.5, ignoreLocation: true });
  const [best] = fuse.search(key);
  return best ? best.item : undefined;
}
