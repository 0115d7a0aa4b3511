// Messages between the extension host and the judging worker thread.
import type { CheckResult, Dialect, ReferenceMeta } from '../core';

export type ToWorker =
  | { type: 'references'; items: { text: string; meta: ReferenceMeta }[] }
  | { type: 'check'; id: number; uri: string; version: number; text: string; judgeUncited: boolean; dialect?: Dialect }
  | { type: 'forget'; uri: string };

export type FromWorker =
  | { type: 'result'; id: number; result: CheckResult; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
