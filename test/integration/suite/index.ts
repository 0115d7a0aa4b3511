// Entry point of the in-host test suite. It exports `run()` as @vscode/test-electron expects, and
// in code-server a test-only extension the runner installs calls the same function (run-code-server.ts), so both runners
// execute exactly these tests. Results go to $SOURCECHECK_TEST_RESULTS for the outer runner.
import { renameSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { multiRootResults } from '../resultFiles';

export interface InHostResults {
  passed: number;
  failed: number;
  tests: { title: string; state: 'passed' | 'failed'; error?: string; ms: number }[];
  metrics: Record<string, number | string>;
  done: boolean;
}

export const metrics: Record<string, number | string> = {};

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'in-host', mocha);
  // Registered after the globals exist; esbuild bundles these as lazily evaluated modules. A window
  // on the multi-root fixture (the runner's second window) runs the multi-root tests only.
  const multiRoot = isMultiRootFixture();
  if (multiRoot) require('./multiroot.test');
  else require('./extension.test');
  const results: InHostResults = { passed: 0, failed: 0, tests: [], metrics, done: false };
  const out = process.env.SOURCECHECK_TEST_RESULTS && (multiRoot ? multiRootResults(process.env.SOURCECHECK_TEST_RESULTS) : process.env.SOURCECHECK_TEST_RESULTS);
  // Written whole and renamed into place, so the outer runner never reads half a file.
  const save = () => {
    if (!out) return;
    writeFileSync(`${out}.part`, JSON.stringify(results, null, 2));
    renameSync(`${out}.part`, out);
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.done = true;
      save();
      if (failures) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.passed++;
      results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration ?? 0 });
      save();
    });
    runner.on('fail', (t, err: Error) => {
      results.failed++;
      results.tests.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err), ms: t.duration ?? 0 });
      save();
    });
  });
}

/** Whether this window has the multi-root fixture open (test/fixtures/workspace-multiroot). */
function isMultiRootFixture(): boolean {
  return /multiroot\.code-workspace$/.test(vscode.workspace.workspaceFile?.path ?? '');
}

