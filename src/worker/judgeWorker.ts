// Judging off the extension host's thread: the host posts a draft's text, this thread judges it
// block by block and gives up as soon as a newer version of the same draft arrives.
import { parentPort } from 'node:worker_threads';
import { checkInSlices, DraftChecker, loadReference, type Reference } from '../core';
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
    // Between slices newer messages get in; a newer version of this draft makes this check pointless.
    const result = await checkInSlices(checker, m.text, SLICE_MS, () => latest.get(m.uri) !== m.version);
    if (result) post({ type: 'result', id: m.id, result, ms: performance.now() - started });
    else post({ type: 'cancelled', id: m.id });
  } catch (e) {
    checkers.delete(m.uri);
    post({ type: 'error', id: m.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'references') {
    references = m.items.map((i) => loadReference(i.text, i.meta, i.pages));
    for (const c of checkers.values()) c.setReferences(references);
  } else if (m.type === 'forget') {
    checkers.delete(m.uri);
    latest.delete(m.uri);
  } else if (m.type === 'check') {
    latest.set(m.uri, m.version);
    void check(m);
  }
});
