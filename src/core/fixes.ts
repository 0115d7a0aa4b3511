import type { CheckResult, Fix, FixKind, Span, TextEdit } from './types';
import { partitionPoint } from './text/search';
import { splitsSurrogatePair } from './text/unicode';

/**
 * The kinds of fix that are safe to apply unasked: they mend a citation (its key or locator, or a
 * missing one) and leave what the statement asserts alone. Corrections of a person, office, place,
 * time, number or quotation stay single quick fixes, applied only when the writer picks them.
 */
export const SAFE_FIX_KINDS: ReadonlySet<FixKind> = new Set<FixKind>(['key', 'locator', 'insert-citation']);

/** True when a fix of this kind may be applied by "fix all". */
export function isSafeFixKind(kind: FixKind): boolean {
  return SAFE_FIX_KINDS.has(kind);
}

/**
 * The fixes "fix all" applies to a result, in text order: every safe fix of each finding that is not
 * suppressed and of each citation problem (a statement with two wrong locators gets both mended);
 * a fix whose edits repeat another's exactly is listed once. Pass them to `applyFixes`.
 */
export function safeFixes(result: Pick<CheckResult, 'verdicts' | 'problems'>): Fix[] {
  const seen = new Set<string>();
  const out: Fix[] = [];
  for (const owner of [...result.verdicts.filter((v) => !v.suppressed), ...result.problems]) {
    for (const fix of owner.fixes) {
      if (!fix.safe) continue;
      const id = fix.edits.map((e) => `${e.start}:${e.end}:${e.newText}`).join('|');
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(fix);
    }
  }
  const first = (f: Fix) => Math.min(...f.edits.map((e) => e.start));
  return out.sort((a, b) => first(a) - first(b));
}

export interface AppliedFixes {
  /** The text with every applied fix's edits made. */
  text: string;
  /** The fixes whose edits were made, in the order given. */
  applied: Fix[];
  /** Fixes left out whole: an edit outside the text, splitting a surrogate pair, or overlapping an earlier fix. */
  skipped: Fix[];
}

/**
 * Applies several fixes at once, as "fix all" does. Fixes are taken in the order given; one
 * whose edits overlap each other or an edit already taken is skipped whole (half a fix is
 * worse than none). Two insertions at the same offset overlap; an insertion at the start or
 * end of a replacement does not. Text outside the taken edits is left exactly as it was.
 */
export function applyFixes(text: string, fixes: Fix[]): AppliedFixes {
  const taken: TextEdit[] = []; // sorted by start, then end; never overlapping
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const edits = [...fix.edits].sort(byPosition);
    const ok =
      edits.every((e) => valid(text, e) && !overlapsTaken(taken, e)) && edits.every((e, i) => i === 0 || !overlaps(edits[i - 1], e));
    if (!ok) {
      skipped.push(fix);
      continue;
    }
    for (const e of edits) taken.splice(lowerBound(taken, e), 0, e);
    applied.push(fix);
  }
  // Built front to back from the untouched stretches between edits: the same as applying the
  // edits from the end backwards, in time proportional to the text.
  const parts: string[] = [];
  let pos = 0;
  for (const e of taken) {
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), applied, skipped };
}

/** True when two edits cannot both be made: their ranges share a character, or both insert at one offset. */
export function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

function valid(text: string, e: TextEdit): boolean {
  if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > text.length) return false;
  return !splitsSurrogatePair(text, e.start) && !splitsSurrogatePair(text, e.end);
}

function lowerBound(taken: TextEdit[], e: Span): number {
  return partitionPoint(taken.length, (i) => byPosition(taken[i], e) < 0);
}

function overlapsTaken(taken: TextEdit[], e: Span): boolean {
  const i = lowerBound(taken, e);
  // Only the edit just before can reach into `e`; those after start at or past e.start.
  if (i > 0 && overlaps(taken[i - 1], e)) return true;
  for (let j = i; j < taken.length && taken[j].start <= e.end; j++) if (overlaps(taken[j], e)) return true;
  return false;
}
