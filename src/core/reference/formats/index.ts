// One entry for every kind of reference file: the extension picks the reader.
import { InputError } from '../../errors';
import { decodeText } from '../../text/decode';
import type { ReferenceFormat } from '../../types';
import { referenceMetaFromText } from '../file';
import { MAX_REFERENCE_CHARS } from '../load';
import { MAX_HTML_BYTES, readHtml } from './html';
import { MAX_PDF_BYTES, readPdf } from './pdf';
import type { SourceText } from './source';

export type { SourceText } from './source';
export { MAX_HTML_BYTES } from './html';
export { MAX_PDF_BYTES, MAX_PDF_PAGES } from './pdf';

/** Largest Markdown or text reference read, in bytes. */
export const MAX_TEXT_REFERENCE_BYTES = 4 * 1024 * 1024;

/** File extensions read as references (lower case, with the dot), by format. */
export const REFERENCE_EXTENSIONS: Readonly<Record<string, ReferenceFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

/** The format a path is read as: by its extension; anything unknown is read as plain text, as before. */
export function referenceFormatOf(path: string): ReferenceFormat {
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';
  return REFERENCE_EXTENSIONS[ext] ?? 'text';
}

/** The most bytes read from a reference file of this path's format (front ends refuse bigger files before reading them). */
export function maxReferenceBytes(path: string): number {
  const f = referenceFormatOf(path);
  return f === 'pdf' ? MAX_PDF_BYTES : f === 'html' ? MAX_HTML_BYTES : MAX_TEXT_REFERENCE_BYTES;
}

/**
 * Reads a reference file's bytes into text and metadata, by the path's extension: Markdown and text
 * (front matter `key:`/`title:`), saved web pages (`.html`, `.htm`) and PDFs. Pass the result to
 * `loadReference(text, meta, pages)`. Async because PDF.js is; HTML and text are read at once.
 * @param bytes the file's bytes, as read.
 * @param path the file's path (or URI string): its extension picks the reader, its name the default key.
 * @throws InputError with a message naming the file: binary or invalid text, empty, too large,
 *   a page with no article text, a PDF with no text layer, a damaged or protected PDF.
 */
export async function readReferenceSource(bytes: Uint8Array, path: string, maxChars = MAX_REFERENCE_CHARS): Promise<SourceText> {
  const format = referenceFormatOf(path);
  if (format === 'html') return readHtml(bytes, path, maxChars);
  if (format === 'pdf') return readPdf(bytes, path, maxChars);
  const name = `Reference “${path}”`;
  if (bytes.length > MAX_TEXT_REFERENCE_BYTES) {
    throw new InputError('too-large', `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; references up to ${MAX_TEXT_REFERENCE_BYTES / 1048576} MB are read.`);
  }
  const text = decodeText(bytes, name);
  if (!text.trim()) throw new InputError('empty-reference', `${name} is empty.`);
  return { text, meta: { ...referenceMetaFromText(text, path), format }, notices: [] };
}
