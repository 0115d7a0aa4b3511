// Judging off the extension host's thread: the host posts a draft's text, this thread judges it
// block by block and gives up as soon as a newer version of the same draft arrives. Each workspace
// folder has its own reference set; a draft is judged with the set the host names in its message.
import { parentPort } from 'node:worker_threads';
import { checkInSlices, DraftChecker, parseBibliography } from '../core';
import type { FromWorker, ToWorker } from './protocol';
import { WorkerReferenceSets } from './referenceSets';

const SLICE_MS = 10;
const sets = new WorkerReferenceSets();
/** Each draft's checker, with the set it judges against. */
const checkers = new Map<string, { checker: DraftChecker; set: string }>();
const latest = new Map<string, number>();

function post(m: FromWorker): void {
  parentPort!.postMessage(m);
}

async function check(m: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const started = performance.now();
  let entry = checkers.get(m.uri);
  const { references, sources } = sets.get(m.set);
  if (!entry) {
    entry = { checker: new DraftChecker(references, { judgeUncited: m.judgeUncited, knownSources: sources }), set: m.set };
    checkers.set(m.uri, entry);
  } else if (entry.set !== m.set) {
    // The draft now belongs to another folder (saved elsewhere, folders changed).
    entry.checker.setReferences(references, sources);
    entry.set = m.set;
  }
  const { checker } = entry;
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
  if (m.type === 'references' || m.type === 'set' || m.type === 'drop') {
    const changed = new Set(sets.apply(m));
    for (const entry of checkers.values()) {
      if (!changed.has(entry.set)) continue;
      const { references, sources } = sets.get(entry.set);
      entry.checker.setReferences(references, sources);
    }
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
