import { InputError } from '../errors';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 text, refusing binary data and invalid byte sequences with a clear message. */
export function decodeText(bytes: Uint8Array, name = 'the file'): string {
  // A NUL byte in the first 8 KB is how git and most editors tell binary from text.
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    throw new InputError('binary', `${name} looks like binary data (it contains NUL bytes), not text.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError('invalid-utf8', `${name} is not valid UTF-8 text; save it as UTF-8 and try again.`);
  }
}
