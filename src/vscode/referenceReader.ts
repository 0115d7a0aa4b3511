// Reading reference files for the extension host without blocking it: each file's bytes go to a
// reader thread (dist/reader.js), which parses the saved page or PDF and loads the Reference; the
// result is kept by content hash, so an unchanged file (a 30-page PDF) is read once, not on every
// change to another reference.
import { Worker } from 'node:worker_threads';
import { decodeText, InputError, loadReference, referenceFormatOf, referenceMetaFromText, type Reference } from '../core';
import type { ReadReply, ReadRequest } from '../worker/readerWorker';

export interface ReadResult {
  reference: Reference;
  /** What the reader left out (pages past the limit, characters past the cap), for the output channel. */
  notices: string[];
}

/**
 * Markdown and text references up to this size are read on the host, as before: an article of this
 * size loads in a few milliseconds, and activation need not wait for the reader thread to start.
 * Larger ones, saved pages and PDFs go to the thread.
 */
const IN_HOST_BYTES = 32 * 1024;

/** How many read files are remembered (by SHA-256 of their bytes and their path). */
const CACHE_SIZE = 64;

export class ReferenceReader {
  private worker?: Worker;
  private broken?: string;
  private nextId = 1;
  private readonly pending = new Map<number, { done: (r: ReadReply) => void; bytes: Uint8Array; path: string; timer: ReturnType<typeof setTimeout> }>();
  private readonly cache = new Map<string, ReadResult>();
  /** Files actually parsed (cache misses), for tests and the log. */
  parsed = 0;

  /** `timeoutMs`: how long one file may take in the thread; past it the thread is restarted and the file reported. */
  constructor(
    private readonly script: string | undefined,
    private readonly onLog: (message: string) => void,
    private readonly timeoutMs = 60_000,
  ) {}

  /**
   * The Reference in a file's bytes: from the cache when the same bytes were read from the same path,
   * else parsed in the reader thread.
   * @throws InputError with a message naming the file.
   */
  async read(bytes: Uint8Array, path: string): Promise<ReadResult> {
    const id = `${await sha256(bytes)} ${path}`;
    const hit = this.cache.get(id);
    if (hit) {
      // Most recently used last, so the oldest is dropped first.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    this.parsed++;
    const reply = await this.parse(bytes, path);
    if (!reply.ok) throw new InputError(reply.code, reply.message);
    const result = { reference: reply.reference, notices: reply.notices };
    this.cache.set(id, result);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return result;
  }

  private parse(bytes: Uint8Array, path: string): Promise<ReadReply> {
    const format = referenceFormatOf(path);
    if ((format === 'markdown' || format === 'text') && bytes.length <= IN_HOST_BYTES) return Promise.resolve(this.inHost(bytes, path));
    const worker = this.start();
    if (!worker) return Promise.resolve(this.inHost(bytes, path));
    const id = this.nextId++;
    // Held while a read is pending (the process waits for it), let go when idle.
    worker.ref();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.timedOut(id), this.timeoutMs);
      timer.unref?.();
      this.pending.set(id, { done: resolve, bytes, path, timer });
      const m: ReadRequest = { id, path, bytes };
      worker.postMessage(m);
    });
  }

  /** Without a reader thread: Markdown and text are read here as before; saved pages and PDFs need the thread. */
  private inHost(bytes: Uint8Array, path: string): ReadReply {
    const format = referenceFormatOf(path);
    if (format === 'html' || format === 'pdf') {
      return { id: 0, ok: false, code: 'unreadable', message: `Reference “${path}” is a ${format === 'pdf' ? 'PDF' : 'saved web page'}, read in a separate thread, which is not available (${this.broken ?? 'no reader'}).` };
    }
    try {
      const name = `Reference “${path}”`;
      const text = decodeText(bytes, name);
      if (!text.trim()) throw new InputError('empty-reference', `${name} is empty.`);
      return { id: 0, ok: true, reference: loadReference(text, { ...referenceMetaFromText(text, path), format }), notices: [] };
    } catch (e) {
      if (e instanceof InputError) return { id: 0, ok: false, code: e.code, message: e.message };
      throw e;
    }
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken || !this.script) return this.worker;
    try {
      const w = new Worker(this.script);
      w.on('message', (r: ReadReply) => {
        const p = this.pending.get(r.id);
        if (p) clearTimeout(p.timer);
        this.pending.delete(r.id);
        if (!this.pending.size) w.unref();
        p?.done(r);
      });
      w.on('error', (e) => this.fail(`the reference reading thread failed: ${e.message}`));
      w.on('exit', (code) => this.fail(`the reference reading thread stopped (exit code ${code})`));
      w.unref();
      this.worker = w;
    } catch (e) {
      this.fail(`the reference reading thread could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.worker;
  }

  private fail(message: string): void {
    if (this.broken) return;
    this.broken = message;
    this.worker = undefined;
    this.onLog(message);
    // What was waiting is read here instead (Markdown and text), or told why not.
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.done(this.inHost(p.bytes, p.path));
    }
    this.pending.clear();
  }

  /** A file the thread has not answered for in time (a PDF that never ends): stop that thread; the next read starts a new one. */
  private timedOut(id: number): void {
    const stuck = this.pending.get(id);
    if (!stuck) return;
    const w = this.worker;
    this.worker = undefined;
    w?.removeAllListeners();
    void w?.terminate();
    const seconds = Math.round(this.timeoutMs / 1000);
    for (const [pid, p] of this.pending) {
      clearTimeout(p.timer);
      const message =
        pid === id
          ? `Reference “${p.path}” took more than ${seconds} s to read and was given up.`
          : `Reference “${p.path}” was not read: the reader was stopped after “${stuck.path}” took more than ${seconds} s; it is read again on the next change.`;
      p.done({ id: pid, ok: false, code: 'unreadable', message });
    }
    this.pending.clear();
    this.onLog(`Reading “${stuck.path}” took more than ${seconds} s; the reading thread was restarted.`);
  }

  dispose(): void {
    this.broken ??= 'disposed';
    void this.worker?.terminate();
  }
}

/** SHA-256 of the bytes, hex; Web Crypto hashes off this thread. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}
