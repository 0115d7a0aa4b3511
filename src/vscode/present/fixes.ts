import type { Fix, TextEdit } from '../../core';

/** Every safe fix of a judged draft, one per finding, without overlaps, in text order. */
export function safeEdits(state: { result: { verdicts: { fixes: Fix[]; suppressed: boolean }[]; problems: { fixes: Fix[] }[] } }): TextEdit[] {
  const chosen: TextEdit[] = [];
  const candidates = [...state.result.verdicts.filter((v) => !v.suppressed), ...state.result.problems].flatMap((f) => f.fixes.filter((x) => x.safe).slice(0, 1));
  for (const fix of candidates) {
    const clash = fix.edits.some((e) => chosen.some((c) => (e.start < c.end && c.start < e.end) || (e.start === c.start && e.end === c.end)));
    if (!clash) chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
