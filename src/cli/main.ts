import { InputError, nearestKey, type Reference } from '../core';
import { version as VERSION } from '../../package.json';
import { builtinReferences } from '../builtin';
import { COMMANDS, parseArgs, USAGE } from './args';
import { runCheck } from './check';
import { runEval } from './eval';
import { findConfig } from './config';
import { metadataLine, referenceJson, referenceSet, sourceJson } from './references';
import { loadBibliographies } from './bibliographies';
import { resolve } from 'node:path';

/** Runs the command line; returns the exit code. Output goes through `print`/`printError`. */
export function main(argv: string[], print: (s: string) => void = (s) => process.stdout.write(s + '\n'), printError: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  try {
    const args = parseArgs(argv);
    if (args.version) {
      print(VERSION);
      return 0;
    }
    if (args.help) {
      print(USAGE);
      return 0;
    }
    // A usage error goes to standard error, so a pipeline reading standard output gets nothing half-made.
    if (!args.command) {
      printError(USAGE);
      return 2;
    }
    // `references` has no draft: the config file is looked up from the working folder.
    const config = () => (args.references.length ? undefined : findConfig(process.cwd()));
    if (args.minConfidence !== undefined && args.command !== 'check') throw new InputError('usage', '--min-confidence applies to “factcheck check” only.');
    switch (args.command) {
      case 'check':
        return runCheck(args.positional, args.format, print, { minConfidence: args.minConfidence, references: args.references, bibliographies: args.bibliographies, warn: printError });
      case 'eval':
        if (args.positional.length !== 1) throw new InputError('usage', 'Name one JSONL file to evaluate, e.g. “factcheck eval claims.jsonl”.');
        return runEval(args.positional[0], builtinReferences(), args.format, args.out, print);
      case 'references': {
        if (!['text', 'json'].includes(args.format)) throw new InputError('usage', `Unknown format “${args.format}”; use text or json.`);
        const c = config();
        const base: Reference[] = referenceSet(args.references, c);
        const bib = loadBibliographies([...args.bibliographies.map((p) => resolve(p)), ...(c?.bibliographies ?? [])], base);
        for (const w of bib.warnings) printError(`factcheck: ${w}`);
        const list = [...base, ...bib.references];
        if (args.format === 'json') {
          // `references` keeps its fields (key, title, path) and adds metadata; `sources` (entries with no text) only when there are any.
          print(JSON.stringify({ references: list.map(referenceJson), ...(bib.sources.length ? { sources: bib.sources.map(sourceJson) } : {}) }, null, 2));
          return 0;
        }
        for (const r of list) {
          print(`${r.key}\t${r.title}\t${r.path}\t(${plural(r.paragraphs.length, 'paragraph')}, ${plural(r.entities.length, 'name')})`);
          const meta = metadataLine(r);
          if (meta) print(`    ${meta}`);
        }
        for (const s of bib.sources) {
          print(`${s.key}\t${s.title}\t${s.declaredIn}\t(no text${s.problem ? `: ${s.problem}` : ''})`);
          const meta = metadataLine(s);
          if (meta) print(`    ${meta}`);
        }
        return 0;
      }
      default: {
        const near = nearestKey(args.command, COMMANDS);
        throw new InputError('usage', `Unknown command “${args.command}”${near ? `; did you mean “${near}”?` : '.'}\n${USAGE}`);
      }
    }
  } catch (e) {
    if (e instanceof InputError) {
      printError(`factcheck: ${e.message}`);
      return 2;
    }
    printError(`factcheck: internal error: ${e instanceof Error ? e.message : String(e)}. Please report it with the input that caused it.`);
    return 2;
  }
}

/** "1 paragraph", "3 paragraphs". */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

if (require.main === module) process.exitCode = main(process.argv.slice(2));
