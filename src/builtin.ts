// The references bundled with the product: media/references.json and the article files beside it.
// Both dist/*.js and src/*.ts sit one folder below the package root, so `..` finds media/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReference, type Reference } from './core';

export interface BuiltinEntry {
  key: string;
  title: string;
  credit?: string;
  file: string;
}

export const MEDIA_DIR = join(__dirname, '..', 'media');

let cached: Reference[] | undefined;

/** Loads the bundled references once; `mediaDir` lets the extension pass its own install folder. */
export function builtinReferences(mediaDir = MEDIA_DIR): Reference[] {
  if (cached && mediaDir === MEDIA_DIR) return cached;
  const entries = JSON.parse(readFileSync(join(mediaDir, 'references.json'), 'utf8')) as BuiltinEntry[];
  const refs = entries.map((e) =>
    loadReference(readFileSync(join(mediaDir, e.file), 'utf8'), { key: e.key, title: e.title, credit: e.credit, path: `builtin:${e.key}` }),
  );
  if (mediaDir === MEDIA_DIR) cached = refs;
  return refs;
}
