// Bundles the CLI, the benchmark and (when present) the extension into dist/.
import { build } from 'esbuild';
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';

// The language data (WordNet subset, countries) is generated first; it is committed, and rewritten
// only when its inputs give different bytes.
await import('./scripts/build-language-data.mjs');

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/bench/main.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/worker/judgeWorker.ts'], outfile: 'dist/worker.js' },
  // Integration tests: the runners (node) and the in-host suite (loaded by the extension host).
  { entryPoints: ['test/integration/run-code-server.ts'], outfile: 'dist/test/run-code-server.js', external: ['playwright-core'] },
  { entryPoints: ['test/integration/run-electron.ts'], outfile: 'dist/test/run-electron.js', external: ['@vscode/test-electron'] },
  { entryPoints: ['test/integration/suite/index.ts'], outfile: 'dist/test/suite.js', external: ['vscode', 'mocha'] },
];
mkdirSync('dist/test', { recursive: true });
await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })));
