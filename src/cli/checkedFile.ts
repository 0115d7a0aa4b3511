// What `factcheck check` hands its output formats (text, JSON, SARIF); its own module so formats need not import the command.
import type { CheckResult } from '../core';
import type { CliConfig } from './config';

/** A draft as checked: its path, its text and the engine's result. */
export interface CheckedFile {
  path: string;
  text: string;
  result: CheckResult;
  /** Findings left out because their confidence is below `--min-confidence`. */
  hidden?: number;
  /** The config file that applies to it (`.sourcecheck.json` or package.json's `sourcecheck`), if any. */
  config?: CliConfig;
  /** Findings left out because the config turns their check off. */
  off?: number;
}
