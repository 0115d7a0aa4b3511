import { readFileSync, statSync } from 'node:fs';
import { decodeText, InputError, loadReference, referenceMetaFromText, type Reference } from '../core';

/** Largest draft the command line judges; beyond it the user is told why and nothing is judged. */
export const MAX_DRAFT_BYTES = 8 * 1024 * 1024;

/** Reads a UTF-8 text file, turning every way it can fail into an InputError a person can act on. */
export function readTextFile(path: string, what: string, maxBytes = MAX_DRAFT_BYTES): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError('directory', `${what} “${path}” is a folder, not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('not-found', `${what} “${path}” does not exist.`);
    throw new InputError('unreadable', `${what} “${path}” cannot be read (${code ?? String(e)}).`);
  }
  if (size > maxBytes) {
    throw new InputError(
      'too-large',
      `${what} “${path}” is ${(size / 1048576).toFixed(1)} MB; the checker reads files up to ${maxBytes / 1048576} MB. Split it into smaller files.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('unreadable', `${what} “${path}” cannot be read (${code ?? String(e)}).`);
  }
  return decodeText(bytes, `${what} “${path}”`);
}

/** Loads a reference file given with --reference. */
export function loadReferenceFile(path: string): Reference {
  const text = readTextFile(path, 'Reference', 4 * 1024 * 1024);
  if (!text.trim()) throw new InputError('empty-reference', `Reference “${path}” is empty.`);
  return loadReference(text, referenceMetaFromText(text, path));
}
