// The extension host's side of the judging worker thread (src/worker/judgeWorker.ts).
import type { Worker } from 'node:worker_threads';
import type { Bibliography, CheckResult, Dialect, Reference, SourceEntry } from '../core';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { ReferenceSync } from '../worker/referenceSets';

export type WorkerOutcome = { kind: 'result'; result: CheckResult; ms: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export class JudgeWorker {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (o: WorkerOutcome) => void>();
  private readonly sync = new ReferenceSync();
  private readonly parsing = new Map<number, { resolve: (b: Bibliography) => void; reject: (e: Error) => void }>();
  /** Set when the thread cannot be used; the caller then judges on its own thread. */
  broken?: string;

  constructor(
    script: string,
    private readonly onLog: (message: string) => void,
  ) {
    try {
      // Required here, not imported: only a draft to judge needs the module.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
      this.worker = new WorkerThread(script);
      this.worker.on('message', (m: FromWorker) => {
        const parse = this.parsing.get(m.id);
        if (parse) {
          this.parsing.delete(m.id);
          if (m.type === 'bibliography') parse.resolve(m.bibliography);
          else parse.reject(new Error(m.type === 'error' ? m.message : 'the judging thread gave no bibliography'));
          return;
        }
        const done = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!done) return;
        if (m.type === 'result') done({ kind: 'result', result: m.result, ms: m.ms });
        else if (m.type === 'bibliography') done({ kind: 'failed', message: 'unexpected bibliography' });
        else if (m.type === 'cancelled') done({ kind: 'cancelled' });
        else done({ kind: 'failed', message: m.message });
      });
      this.worker.on('error', (e) => this.fail(`the judging thread failed: ${e.message}`));
      this.worker.on('exit', (code) => this.fail(`the judging thread stopped (exit code ${code})`));
      this.worker.unref();
    } catch (e) {
      this.broken = `the judging thread could not start: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private fail(message: string): void {
    if (this.broken) return;
    this.broken = message;
    this.onLog(message);
    for (const done of this.pending.values()) done({ kind: 'failed', message });
    this.pending.clear();
    for (const p of this.parsing.values()) p.reject(new Error(message));
    this.parsing.clear();
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  /**
   * Brings the thread's reference sets to `sets` (set id → references and sources): each reference
   * not yet sent goes once, whatever the number of sets it is in; unchanged sets are not sent again.
   */
  setReferenceSets(sets: ReadonlyMap<string, { references: readonly Reference[]; sources: readonly SourceEntry[] }>): void {
    for (const m of this.sync.plan(sets)) this.post(m);
  }

  /** Whether the thread holds the set `set` (sent by setReferenceSets). */
  knowsSet(set: string): boolean {
    return this.sync.knows(set);
  }

  /** Judges a draft with the references of `set` (an id given to setReferenceSets). */
  check(uri: string, version: number, text: string, judgeUncited: boolean, dialect: Dialect | undefined, set: string): Promise<WorkerOutcome> {
    if (this.broken || !this.worker) return Promise.resolve({ kind: 'failed', message: this.broken ?? 'no judging thread' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'check', id, uri, version, text, judgeUncited, dialect, set });
    });
  }

  /** Parses a bibliography on the judging thread; rejects when the thread cannot (the caller then parses it itself). */
  parseBibliography(text: string, path: string): Promise<Bibliography> {
    if (this.broken || !this.worker) return Promise.reject(new Error(this.broken ?? 'no judging thread'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.parsing.set(id, { resolve, reject });
      this.post({ type: 'bibliography', id, text, path });
    });
  }

  forget(uri: string): void {
    this.post({ type: 'forget', uri });
  }

  dispose(): void {
    this.broken ??= 'disposed';
    void this.worker?.terminate();
  }
}
