/**
 * Binary search over indices 0..length-1 where `before(i)` holds for a prefix and fails after it:
 * returns the first index where it fails (length if it never does).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
