// Messages between the extension host and the judging worker thread.
import type { Bibliography, CheckResult, Dialect, ReferenceMeta, SourceEntry } from '../core';

/** One reference as sent to the thread, which re-reads paragraphs, sentences and names from its text. */
export interface ReferenceItem {
  text: string;
  meta: ReferenceMeta;
  pages?: { start: number; page: number }[];
}

export type ToWorker =
  /** References the thread has not seen, each sent once whatever the number of sets it is in, by an id of the host's. */
  | { type: 'references'; items: { id: string; item: ReferenceItem }[] }
  /**
   * What one set (a workspace folder's, or the window's) holds: ids of references already sent, and
   * its sources without text; `drop` lists references no set uses any more.
   */
  | { type: 'set'; set: string; refs: string[]; sources: SourceEntry[] }
  | { type: 'drop'; ids: string[]; sets: string[] }
  /** Judge a draft with the references of `set`. */
  | { type: 'check'; id: number; uri: string; version: number; text: string; judgeUncited: boolean; dialect?: Dialect; set: string }
  | { type: 'forget'; uri: string }
  /** Parse a bibliography here rather than on the extension host (a 2,000-entry file takes about a second). */
  | { type: 'bibliography'; id: number; text: string; path: string };

export type FromWorker =
  | { type: 'result'; id: number; result: CheckResult; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'bibliography'; id: number; bibliography: Bibliography };
