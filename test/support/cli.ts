// Running the command line in tests: in-process through main(), or the built bundle in a child.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs main() with the given arguments, capturing what it prints. */
export function run(...argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestSource(p) : st.mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.js when it is missing or older than the sources. */
export function ensureCli(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
}

/** Runs the built bundle in a child process. */
export function runBundle(args: string[], options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv; timeout?: number; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: options.timeout ?? 30_000,
    input: options.input,
  });
}

/** True when a message looks like a stack trace rather than a sentence. */
export const hasStackTrace = (s: string) => /\n\s+at [^\n]+:\d+:\d+\)?/.test(s) || /^\s+at /m.test(s);
