// Reading reference files off the calling thread: saved pages and PDFs are parsed here (PDF.js loads
// only in this thread), then split into paragraphs, sentences and names, and the Reference is sent
// back. Two ways in: messages from the extension host (`ReadRequest` → `ReadReply`), or one file in
// `workerData` for a caller that waits on a shared flag (the command line, which is synchronous).
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { InputError, loadReference, readReferenceSource, type Reference } from '../core';

export interface ReadRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
}

export type ReadReply = { id: number; ok: true; reference: Reference; notices: string[] } | { id: number; ok: false; code: InputError['code']; message: string };

/** What a synchronous caller hands over in `workerData`: the file, a port for the reply, a flag set to 1 when it is posted. */
export interface SyncReadData {
  sourcecheckRead: { path: string; bytes: Uint8Array; port: MessagePort; flag: Int32Array };
}

/** Reads and loads one reference file; never throws (a failure is a reply with a message). */
export async function readOne(id: number, path: string, bytes: Uint8Array): Promise<ReadReply> {
  try {
    const src = await readReferenceSource(bytes, path);
    return { id, ok: true, reference: loadReference(src.text, src.meta, src.pages), notices: src.notices };
  } catch (e) {
    if (e instanceof InputError) return { id, ok: false, code: e.code, message: e.message };
    return { id, ok: false, code: 'unreadable', message: `Reference “${path}” cannot be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

if (!isMainThread) {
  const sync = (workerData as Partial<SyncReadData> | undefined)?.sourcecheckRead;
  if (sync) {
    void readOne(0, sync.path, sync.bytes).then((reply) => {
      sync.port.postMessage(reply);
      Atomics.store(sync.flag, 0, 1);
      Atomics.notify(sync.flag, 0);
    });
  } else {
    parentPort?.on('message', (m: ReadRequest) => void readOne(m.id, m.path, m.bytes).then((reply) => parentPort!.postMessage(reply)));
  }
}
