// "Fix all safe findings": which fixes, and the edits they make, decided by the engine's own
// `safeFixes` and `applyFixes` (the same rules as the command line and the unit tests).
import { applyFixes, safeFixes, type CheckResult, type Fix, type TextEdit } from '../../core';

export interface FixAllPlan {
  /** The safe fixes that apply together, in text order. */
  fixes: Fix[];
  /** Their edits, in text order, never overlapping. */
  edits: TextEdit[];
  /** The draft text once they are made. */
  text: string;
}

/**
 * What "fix all" does to a judged draft: every safe fix (a citation key, a locator, an inserted
 * citation; never a rewording of what a statement asserts), applied through `applyFixes`, which
 * leaves out whole any fix that would overlap one already taken.
 */
export function fixAllPlan(state: { text: string; result: Pick<CheckResult, 'verdicts' | 'problems'> }): FixAllPlan {
  const out = applyFixes(state.text, safeFixes(state.result));
  const edits = out.applied.flatMap((f) => f.edits).sort((a, b) => a.start - b.start || a.end - b.end);
  return { fixes: out.applied, edits, text: out.text };
}

/** The edits of `fixAllPlan`, as the apply-fix command takes them. */
export function safeEdits(state: { text: string; result: Pick<CheckResult, 'verdicts' | 'problems'> }): TextEdit[] {
  return fixAllPlan(state).edits;
}
