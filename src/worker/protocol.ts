// Messages between the extension host and the judging worker thread.
import type { Bibliography, CheckResult, Dialect, ReferenceMeta, SourceEntry } from '../core';

export type ToWorker =
  | { type: 'references'; items: { text: string; meta: ReferenceMeta; pages?: { start: number; page: number }[] }[]; sources?: SourceEntry[] }
  | { type: 'check'; id: number; uri: string; version: number; text: string; judgeUncited: boolean; dialect?: Dialect }
  | { type: 'forget'; uri: string }
  /** Parse a bibliography here rather than on the extension host (a 2,000-entry file takes about a second). */
  | { type: 'bibliography'; id: number; text: string; path: string };

export type FromWorker =
  | { type: 'result'; id: number; result: CheckResult; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'bibliography'; id: number; bibliography: Bibliography };
