// Bundles the CLI, the benchmark and (when present) the extension into dist/.
import { build } from 'esbuild';
import { existsSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';

// The language data (WordNet subset, countries) is generated first; it is committed, and rewritten
// only when its inputs give different bytes.
await import('./scripts/build-language-data.mjs');

// esbuild's node targets rewrite regex literals with \p{…} outside a class as `new RegExp(…)`, which
// then compiles afresh on every evaluation (per letter, in some loops); Node 20 has them natively.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', supported: { 'regexp-unicode-property-escapes': true } };
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/bench/main.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/worker/judgeWorker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['src/worker/readerWorker.ts'], outfile: 'dist/reader.js' },
  // Integration tests: the runners (node) and the in-host suite (loaded by the extension host).
  { entryPoints: ['test/integration/run-code-server.ts'], outfile: 'dist/test/run-code-server.js', external: ['playwright-core'] },
  { entryPoints: ['test/integration/run-electron.ts'], outfile: 'dist/test/run-electron.js', external: ['@vscode/test-electron'] },
  { entryPoints: ['test/integration/suite/index.ts'], outfile: 'dist/test/suite.js', external: ['vscode', 'mocha'] },
];
// The language data is not bundled into each file: it is copied once to dist/data/ and required from
// there on first use, so the extension and its worker share one copy (0.8 MB) in the package.
const DATA_DIR = 'src/core/language/data';
mkdirSync('dist/data', { recursive: true });
for (const f of readdirSync(DATA_DIR)) if (f.endsWith('.json')) copyFileSync(`${DATA_DIR}/${f}`, `dist/data/${f}`);
const languageData = (outfile) => ({
  name: 'language-data',
  setup(b) {
    b.onResolve({ filter: /^\.\/data\/[\w-]+\.json$/ }, (args) => {
      if (!/[\\/]core[\\/]language[\\/][^\\/]+$/.test(args.importer)) return undefined;
      const file = args.path.slice('./data/'.length);
      const path = relative(dirname(outfile), `dist/data/${file}`).replace(/\\/g, '/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
});
// citation-js can fetch bibliographies from URLs (through sync-fetch and node-fetch); we only hand it
// text, and the shipped bundles never reach the network: those two modules become stubs that refuse.
const noNetwork = {
  name: 'no-network',
  setup(b) {
    b.onResolve({ filter: /^(?:sync-fetch|node-fetch)$/ }, (args) => ({ path: args.path, namespace: 'no-network' }));
    b.onLoad({ filter: /.*/, namespace: 'no-network' }, () => ({
      contents: 'function refuse() { throw new Error("Source Check does not fetch from the network."); }\nmodule.exports = refuse; module.exports.default = refuse;',
      loader: 'js',
    }));
  },
};
// PDF.js (1 MB, plus 2.3 MB for its worker code) is not bundled: its two ES modules are copied to
// dist/pdfjs/ and imported on the first PDF, so nothing pays for it at start-up and dist/ stays
// self-contained (the package ships dist/, not node_modules).
mkdirSync('dist/pdfjs', { recursive: true });
for (const f of ['pdf.mjs', 'pdf.worker.mjs']) copyFileSync(`node_modules/pdfjs-dist/legacy/build/${f}`, `dist/pdfjs/${f}`);
copyFileSync('node_modules/pdfjs-dist/LICENSE', 'dist/pdfjs/LICENSE');
const pdfjs = (outfile) => ({
  name: 'pdfjs',
  setup(b) {
    b.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/ }, (args) => {
      const path = relative(dirname(outfile), `dist/pdfjs/${args.path.split('/').pop()}`).replace(/\\/g, '/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
});
// linkedom and Readability run only where a saved page is read (the reader thread, the command
// line): declared free of side effects, so bundles that never read HTML (the extension host, the
// judging thread) leave them out.
const pureHtmlLibs = {
  name: 'pure-html-libs',
  setup(b) {
    b.onResolve({ filter: /^(linkedom|@mozilla\/readability)$/ }, async (args) => {
      if (args.pluginData === 'pure') return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'pure' });
      return { ...r, sideEffects: false };
    });
  },
};
mkdirSync('dist/test', { recursive: true });
await Promise.all(
  entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e, plugins: [languageData(e.outfile), noNetwork, pdfjs(e.outfile), pureHtmlLibs] })),
);
