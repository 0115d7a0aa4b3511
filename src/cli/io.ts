import { closeSync, openSync, readSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { decodeText, InputError, loadReference, referenceMetaFromText, type Reference } from '../core';

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
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw fsError(e, what, path);
  }
  if (st.isDirectory()) throw new InputError('directory', `${what} “${path}” is a folder, not a file.`);
  // Devices (/dev/zero, /dev/urandom) never end and sockets cannot be read; a named pipe
  // (`<(command)` in a shell) can, up to the limit.
  if (!st.isFile() && !st.isFIFO()) throw new InputError('unreadable', `${what} “${path}” is ${kindOf(st)}, not a text file.`);
  if (st.size > maxBytes) {
    throw new InputError('too-large', `${what} “${path}” is ${MB(st.size)}; the checker reads files up to ${maxBytes / 1048576} MB. Split it into smaller files.`);
  }
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, maxBytes + 1);
  } catch (e) {
    throw fsError(e, what, path);
  }
  if (bytes.length > maxBytes) {
    throw new InputError('too-large', `${what} “${path}” is larger than ${maxBytes / 1048576} MB, the most the checker reads. Split it into smaller files.`);
  }
  return decodeText(bytes, `${what} “${path}”`);
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

/** Loads a reference file given with --reference. */
export function loadReferenceFile(path: string): Reference {
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
