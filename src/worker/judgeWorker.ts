// Judging off the extension host's thread: the host posts a draft's text, this thread judges it
// block by block and gives up as soon as a newer version of the same draft arrives.
import { parentPort } from 'node:worker_threads';
import { DraftChecker } from '../core/check';
import { loadReference } from '../core/reference/load';
import type { Reference } from '../core/types';
import type { FromWorker, ToWorker } from './protocol';

const SLICE_MS = 10;
let references: Reference[] = [];
const checkers = new Map<string, DraftChecker>();
const latest = new Map<string, number>();

function post(m: FromWorker): void {
  parentPort!.postMessage(m);
}

async function check(m: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const started = performance.now();
  let checker = checkers.get(m.uri);
  if (!checker) {
    checker = new DraftChecker(references, { judgeUncited: m.judgeUncited });
    checkers.set(m.uri, checker);
  }
  try {
    const steps = checker.checkInSteps(m.text);
    for (;;) {
      const sliceStart = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - sliceStart < SLICE_MS) step = steps.next();
      if (step.done) {
        post({ type: 'result', id: m.id, result: step.value, ms: performance.now() - started });
        return;
      }
      // Let newer messages in; a newer version of this draft makes this check pointless.
      await new Promise<void>((r) => setImmediate(r));
      if (latest.get(m.uri) !== m.version) {
        steps.return({ verdicts: [], problems: [] });
        post({ type: 'cancelled', id: m.id });
        return;
      }
    }
  } catch (e) {
    checkers.delete(m.uri);
    post({ type: 'error', id: m.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'references') {
    references = m.items.map((i) => loadReference(i.text, i.meta));
    for (const c of checkers.values()) c.setReferences(references);
  } else if (m.type === 'forget') {
    checkers.delete(m.uri);
    latest.delete(m.uri);
  } else if (m.type === 'check') {
    latest.set(m.uri, m.version);
    void check(m);
  }
});
