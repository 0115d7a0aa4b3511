// Layer rules for `npm run lint:layers` (see DESIGN.md, "one pure engine, three thin front ends").
/** Node built-ins that do I/O; the engine works on text it is handed. */
const IO_BUILTINS = '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|worker_threads|cluster|readline)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles make load order matter and hide which module depends on which.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'src/core imports no `vscode` and no node built-in that does I/O: callers hand it text.',
      severity: 'error',
      from: { path: '^src/core/' },
      // `vscode` resolves to its type package (@types/vscode) when that is installed.
      to: { path: ['^vscode$', '(^|/)node_modules/@types/vscode/', IO_BUILTINS] },
    },
    {
      name: 'present-is-vscode-free',
      comment: 'src/vscode/present turns results into plain data without `vscode`, so it is unit-tested in plain Node.',
      severity: 'error',
      from: { path: '^src/vscode/present/' },
      to: { path: ['^vscode$', '(^|/)node_modules/@types/vscode/'] },
    },
    {
      name: 'core-does-not-reach-out',
      comment: 'The engine never imports its front ends (src/vscode, src/cli, src/worker, src/bench, src/builtin.ts, src/extension.ts).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'core-only-through-index',
      comment: 'Front ends reach the engine only through src/core/index.ts, its one public surface.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/core/' },
      to: { path: '^src/core/', pathNot: '^src/core/index\\.ts$' },
    },
    {
      name: 'draft-not-judge-or-reference',
      comment: 'Reading a draft is text-level: src/core/draft uses src/core/text, never the judge or reference analysis.',
      severity: 'error',
      from: { path: '^src/core/draft/' },
      to: { path: '^src/core/(judge|reference)/' },
    },
  ],
  options: {
    // Type-only imports count too: a circle through types is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
