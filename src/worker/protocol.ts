// Messages between the extension host and the judging worker thread.
import type { CheckResult, ReferenceMeta } from '../core';

export type ToWorker =
  | { type: 'references'; items: { text: string; meta: ReferenceMeta; pages?: { start: number; page: number }[] }[] }
  | { type: 'check'; id: number; uri: string; version: number; text: string; judgeUncited: boolean }
  | { type: 'forget'; uri: string };

export type FromWorker =
  | { type: 'result'; id: number; result: CheckResult; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
