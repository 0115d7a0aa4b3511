// Judging off the extension host's thread: the host posts a draft's text, this thread judges it
// block by block and gives up as soon as a newer version of the same draft arrives.
import { parentPort } from 'node:worker_threads';
import { checkInSlices, DraftChecker, loadReference, parseBibliography, type Reference, type SourceEntry } from '../core';
import type { FromWorker, ToWorker } from './protocol';

const SLICE_MS = 10;
let references: Reference[] = [];
let sources: SourceEntry[] = [];
const checkers = new Map<string, DraftChecker>();
const latest = new Map<string, number>();

function post(m: FromWorker): void {
  parentPort!.postMessage(m);
}

async function check(m: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const started = performance.now();
  let checker = checkers.get(m.uri);
  if (!checker) {
    checker = new DraftChecker(references, { judgeUncited: m.judgeUncited, knownSources: sources });
    checkers.set(m.uri, checker);
  }
  try {
    // Between slices newer messages get in; a newer version of this draft makes this check pointless.
    const result = await checkInSlices(checker, m.text, SLICE_MS, () => latest.get(m.uri) !== m.version, undefined, m.dialect);
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
    sources = m.sources ?? [];
    for (const c of checkers.values()) c.setReferences(references, sources);
  } else if (m.type === 'forget') {
    checkers.delete(m.uri);
    latest.delete(m.uri);
  } else if (m.type === 'bibliography') {
    try {
      post({ type: 'bibliography', id: m.id, bibliography: parseBibliography(m.text, m.path) });
    } catch (e) {
      post({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  } else if (m.type === 'check') {
    latest.set(m.uri, m.version);
    void check(m);
  }
});
