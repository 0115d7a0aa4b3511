// How loud each finding is on the command line: the editor's defaults (DEFAULT_SEVERITIES in the
// engine), changed per check by a config file. Shared by the text and SARIF outputs.
import { DEFAULT_SEVERITIES, problemSeverity as coreProblemSeverity, SARIF_LEVEL, type SeverityName, type Verdict } from '../core';
import { checkSettingFor, type CliConfig } from './config';

/** The severity a finding is shown with, or 'off' when the config turns its check off. */
export function verdictSeverity(v: Verdict, config?: CliConfig): SeverityName | 'off' {
  if (v.kind === 'supported') return v.claim.explicitlyCited ? 'none' : DEFAULT_SEVERITIES.uncited;
  return checkSettingFor(v, config) ?? DEFAULT_SEVERITIES[v.kind];
}

/** Citation problems (unknown key, locator past the end, unreadable citation) and reading notices; notes (a cited source with no text, a statement not in English) are information. */
export const problemSeverity = (code = ''): SeverityName => coreProblemSeverity(code, DEFAULT_SEVERITIES.citation);

/** The text output's mark for a severity: ✗ error, ⚠ warning, ℹ information, › hint. */
export const MARKS: Readonly<Record<Exclude<SeverityName, 'none'>, string>> = { error: '✗', warning: '⚠', information: 'ℹ', hint: '›' };

export const sarifLevel = (s: SeverityName) => SARIF_LEVEL[s];
