// The references a command judges against: the files named with --reference (they replace the
// built-in one), else the built-in reference plus those a config file names.
import { InputError, type Reference } from '../core';
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
