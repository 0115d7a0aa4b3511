import { InputError, nearestKey, type Reference } from '../core';
import { version as VERSION } from '../../package.json';
import { builtinReferences } from '../builtin';
import { COMMANDS, parseArgs, USAGE } from './args';
import { runCheck } from './check';
import { runEval } from './eval';
import { findConfig } from './config';
import { referenceSet } from './references';

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
    const refs = (): Reference[] => referenceSet(args.references, args.references.length ? undefined : findConfig(process.cwd()));
    if (args.minConfidence !== undefined && args.command !== 'check') throw new InputError('usage', '--min-confidence applies to “factcheck check” only.');
    switch (args.command) {
      case 'check':
        return runCheck(args.positional, args.format, print, { minConfidence: args.minConfidence, references: args.references });
      case 'eval':
        if (args.positional.length !== 1) throw new InputError('usage', 'Name one JSONL file to evaluate, e.g. “factcheck eval claims.jsonl”.');
        return runEval(args.positional[0], builtinReferences(), args.format, args.out, print);
      case 'references': {
        const list = refs();
        if (args.format === 'json') print(JSON.stringify({ references: list.map((r) => ({ key: r.key, title: r.title, path: r.path })) }, null, 2));
        else for (const r of list) print(`${r.key}\t${r.title}\t${r.path}\t(${r.paragraphs.length} paragraphs, ${r.entities.length} names)`);
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

if (require.main === module) process.exitCode = main(process.argv.slice(2));
