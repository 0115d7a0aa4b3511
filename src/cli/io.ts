import { closeSync, existsSync, openSync, readSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { decodeText, InputError, loadReference, maxReferenceBytes, referenceFormatOf, referenceMetaFromText, type Reference } from '../core';
import type { ReadReply, SyncReadData } from '../worker/readerWorker';

/** Largest draft the command line judges; beyond it the user is told why and nothing is judged. */
export const MAX_DRAFT_BYTES = 8 * 1024 * 1024;

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** An operating-system error on a path, as a sentence a person can act on. */
function fsError(e: unknown, what: string, path: string): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const name = `${what} “${path}”`;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError('not-found', `${name} does not exist.`);
    case 'EISDIR':
      return new InputError('directory', `${name} is a folder, not a file.`);
    case 'EACCES':
    case 'EPERM':
      return new InputError('unreadable', `${name} cannot be read: permission denied.`);
    case 'ELOOP':
      return new InputError('unreadable', `${name} cannot be read: its symbolic links form a loop.`);
    case 'ENAMETOOLONG':
      return new InputError('unreadable', `${name} cannot be read: the name is too long.`);
    default:
      return new InputError('unreadable', `${name} cannot be read (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
}

const kindOf = (st: Stats) => (st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file');

/**
 * Reads a UTF-8 text file, turning every way it can fail into an InputError a person can act on.
 * Reads at most `maxBytes` (plus one, to tell): a pipe or a file that grows is cut off, not read forever.
 */
export function readTextFile(path: string, what: string, maxBytes = MAX_DRAFT_BYTES): string {
  return decodeText(readChecked(path, what, maxBytes, 'text file', ' Split it into smaller files.'), `${what} “${path}”`);
}

/**
 * At most `maxBytes` of a file, every way it can fail (missing, a folder, a device or socket, too
 * large, unreadable) turned into an InputError naming it as `what`; `kind` and `advice` finish the messages.
 */
function readChecked(path: string, what: string, maxBytes: number, kind: string, advice: string): Buffer {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw fsError(e, what, path);
  }
  if (st.isDirectory()) throw new InputError('directory', `${what} “${path}” is a folder, not a file.`);
  // Devices (/dev/zero, /dev/urandom) never end and sockets cannot be read; a named pipe
  // (`<(command)` in a shell) can, up to the limit.
  if (!st.isFile() && !st.isFIFO()) throw new InputError('unreadable', `${what} “${path}” is ${kindOf(st)}, not a ${kind}.`);
  if (st.size > maxBytes) {
    throw new InputError('too-large', `${what} “${path}” is ${MB(st.size)}; the checker reads files up to ${maxBytes / 1048576} MB.${advice}`);
  }
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, maxBytes + 1);
  } catch (e) {
    throw fsError(e, what, path);
  }
  if (bytes.length > maxBytes) {
    throw new InputError('too-large', `${what} “${path}” is larger than ${maxBytes / 1048576} MB, the most the checker reads.${advice}`);
  }
  return bytes;
}

/** The first `limit` bytes of a file (all of it when shorter). */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Loads a reference file given with --reference (Markdown or text; a saved page or PDF through loadWebOrPdfReference). */
export function loadReferenceFile(path: string): Reference {
  const format = referenceFormatOf(path);
  if (format === 'html' || format === 'pdf') return loadWebOrPdfReference(path);
  const text = readTextFile(path, 'Reference', 4 * 1024 * 1024);
  if (!text.trim()) throw new InputError('empty-reference', `Reference “${path}” is empty.`);
  return loadReference(text, referenceMetaFromText(text, path));
}

/** Writes a file the user named (`--out`), turning failure into an InputError. */
export function writeTextFile(path: string, what: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e));
    throw new InputError('unwritable', `${what} “${path}” cannot be written: ${why}.`);
  }
}

/** How long one saved page or PDF may take to read before the command line gives up on it. */
const READ_TIMEOUT_MS = 120_000;

/**
 * Loads a saved web page or PDF reference. PDF.js only works asynchronously, and the command line is
 * synchronous: the file is read in a worker thread (dist/reader.js) while this thread waits on a
 * shared flag. What the reader left out (pages past the limit) is said on standard error.
 * @throws InputError naming the file when it cannot be read, has no text, or takes too long.
 */
export function loadWebOrPdfReference(path: string): Reference {
  const bytes = readFileBytes(path, 'Reference', maxReferenceBytes(path));
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const data: SyncReadData = { sourcecheckRead: { path, bytes, port: port2, flag } };
  const worker = readerWorker(data);
  try {
    const waited = Atomics.wait(flag, 0, 0, READ_TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as ReadReply | undefined;
    if (waited === 'timed-out' || !reply) throw new InputError('unreadable', `Reference “${path}” took more than ${READ_TIMEOUT_MS / 1000} s to read and was given up.`);
    if (!reply.ok) throw new InputError(reply.code, reply.message);
    for (const n of reply.notices) process.stderr.write(`factcheck: ${n}\n`);
    return reply.reference;
  } finally {
    void worker.terminate();
    port1.close();
  }
}

/** The reader thread: dist/reader.js next to the bundle, or the TypeScript source when run from src/ (tests). */
function readerWorker(data: SyncReadData): Worker {
  const options = { workerData: data, transferList: [data.sourcecheckRead.port], stdout: false, stderr: false };
  const bundled = join(__dirname, 'reader.js');
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return new Worker(bundled, options);
  const source = join(__dirname, '..', 'worker', 'readerWorker.ts');
  // Named indirectly so the bundler leaves this development-only loader alone.
  const tsx = require.resolve(['tsx', 'cjs'].join('/'));
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/** A file's bytes, at most `maxBytes`, with the same checks and messages as readTextFile; an empty file is an error. */
export function readFileBytes(path: string, what: string, maxBytes: number): Uint8Array {
  const bytes = readChecked(path, what, maxBytes, 'readable file', '');
  if (!bytes.length) throw new InputError('empty-reference', `${what} “${path}” is empty.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
