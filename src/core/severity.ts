// How loud each kind of finding is by default, shared by the editor (diagnostic severity) and the
// command line (text mark, SARIF level), so the two never disagree. Plain data: no vscode here.
import type { ProblemCode } from './types';

/** A finding's severity, as VS Code names them; `none` shows nothing. */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'none';

/** The kinds of finding a writer sees, each with its own severity. */
export interface SeveritySettings {
  contradicted: SeverityName;
  unsupported: SeverityName;
  /** A supported statement that carries no citation of its own. */
  uncited: SeverityName;
  /** Unknown keys, locators past the end, unreadable citations. */
  citation: SeverityName;
}

/** The defaults: contradicted → error, unsupported → warning, supported but uncited → hint, citation problems → warning. */
export const DEFAULT_SEVERITIES: Readonly<SeveritySettings> = Object.freeze({ contradicted: 'error', unsupported: 'warning', uncited: 'hint', citation: 'warning' });

/** SARIF 2.1.0 `level` for a severity (SARIF has no hint or information; both are notes). */
export const SARIF_LEVEL: Readonly<Record<SeverityName, 'error' | 'warning' | 'note' | 'none'>> = Object.freeze({ error: 'error', warning: 'warning', information: 'note', hint: 'note', none: 'none' });

/**
 * Citation problems that are notes rather than problems, with their own severity whatever `citation`
 * says: citing a source known only from a bibliography (no text to check against), and a statement
 * not in English (not judged; nothing is wrong with it).
 */
export const PROBLEM_SEVERITY: Readonly<Partial<Record<ProblemCode, SeverityName>>> = Object.freeze({ 'no-text': 'information', 'not-english': 'information', 'not-checked': 'information' });

/** The severity of a citation problem or reading notice: its own (PROBLEM_SEVERITY), else the `citation` severity. */
export function problemSeverity(code: string, citation: SeverityName = DEFAULT_SEVERITIES.citation): SeverityName {
  return PROBLEM_SEVERITY[code as ProblemCode] ?? citation;
}

/** True for a citation problem that counts as wrong (exit code 1 on the command line); notes do not. */
export function isNote(code: ProblemCode): boolean {
  return PROBLEM_SEVERITY[code] === 'information' || PROBLEM_SEVERITY[code] === 'hint';
}
