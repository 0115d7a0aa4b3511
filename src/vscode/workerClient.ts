// The extension host's side of the judging worker thread (src/worker/judgeWorker.ts).
import { Worker } from 'node:worker_threads';
import type { CheckResult, Reference } from '../core';
import type { FromWorker, ToWorker } from '../worker/protocol';

export type WorkerOutcome = { kind: 'result'; result: CheckResult; ms: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export class JudgeWorker {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (o: WorkerOutcome) => void>();
  /** Set when the thread cannot be used; the caller then judges on its own thread. */
  broken?: string;

  constructor(
    script: string,
    private readonly onLog: (message: string) => void,
  ) {
    try {
      this.worker = new Worker(script);
      this.worker.on('message', (m: FromWorker) => {
        const done = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!done) return;
        if (m.type === 'result') done({ kind: 'result', result: m.result, ms: m.ms });
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
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  setReferences(refs: Reference[]): void {
    this.post({
      type: 'references',
      items: refs.map((r) => ({
        text: r.text,
        meta: { key: r.key, title: r.title, path: r.path, credit: r.credit, url: r.url, author: r.author, date: r.date, outlet: r.outlet, format: r.format },
        // A PDF's paragraphs keep their pages in the worker's copy too.
        pages: r.paragraphs.flatMap((p) => (p.page ? [{ start: p.start, page: p.page }] : [])),
      })),
    });
  }

  check(uri: string, version: number, text: string, judgeUncited: boolean): Promise<WorkerOutcome> {
    if (this.broken || !this.worker) return Promise.resolve({ kind: 'failed', message: this.broken ?? 'no judging thread' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'check', id, uri, version, text, judgeUncited });
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
