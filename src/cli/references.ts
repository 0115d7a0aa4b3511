// The references a command judges against: the files named with --reference (they replace the
// built-in one), else the built-in reference plus those a config file names.
import { displayDate, InputError, type Reference, type ReferenceMeta, type SourceEntry } from '../core';
import { builtinReferences } from '../builtin';
import { expandReference, type CliConfig } from './config';
import { loadReferenceFile } from './io';

/** Loads references, refusing two with one key. */
export function referenceSet(cliFiles: string[], config?: CliConfig): Reference[] {
  let all: Reference[];
  if (cliFiles.length) all = cliFiles.map(loadReferenceFile);
  else {
    const files = [...new Set((config?.references ?? []).flatMap(expandReference))];
    all = [
      ...builtinReferences(),
      ...files.map((f) => {
        try {
          return loadReferenceFile(f);
        } catch (e) {
          if (e instanceof InputError) throw new InputError(e.code, `${e.message.replace(/\.$/, '')} (named in config file “${config!.path}”).`);
          throw e;
        }
      }),
    ];
  }
  const seen = new Map<string, Reference>();
  for (const r of all) {
    if (seen.has(r.key)) throw new InputError('usage', `Two references have the key “${r.key}” (${seen.get(r.key)!.path} and ${r.path}); give one of them another key in its front matter.`);
    seen.set(r.key, r);
  }
  return all;
}

/** A reference as JSON: `key`, `title`, `path` (as ever), then the metadata it has: `url`, `author`, `date`, `outlet`, `format`. */
export function referenceJson(r: ReferenceMeta): Record<string, string> {
  const out: Record<string, string> = { key: r.key, title: r.title, path: r.path };
  for (const f of ['url', 'author', 'date', 'outlet', 'format'] as const) if (r[f]) out[f] = r[f]!;
  return out;
}

/** A source without text as JSON: `key`, `title`, `declaredIn`, its metadata, and `problem` when a named file could not be used. */
export function sourceJson(s: SourceEntry): Record<string, string> {
  const out: Record<string, string> = { key: s.key, title: s.title, declaredIn: s.declaredIn };
  for (const f of ['url', 'author', 'date', 'outlet', 'problem'] as const) if (s[f]) out[f] = s[f]!;
  return out;
}

/** One line of metadata for the text listing ("outlet · author · 5 March 2024 · url"), or undefined when there is none; JSON keeps the ISO date. */
export function metadataLine(r: Pick<ReferenceMeta, 'outlet' | 'author' | 'date' | 'url'>): string | undefined {
  const parts = [r.outlet, r.author, r.date && displayDate(r.date), r.url].filter((x): x is string => !!x).map((x) => x.replace(/[\u0000-\u001f\u007f]+/g, ' '));
  return parts.length ? parts.join(' · ') : undefined;
}
