// The same in-host suite under @vscode/test-electron, for machines that can download VS Code.
// (Ours cannot reach VS Code's download site; there `npm test` runs it in code-server instead.)
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { prepare, ROOT } from './prepare';

async function main(): Promise<void> {
  const { workspace, userDataDir } = prepare('sourcecheck-electron-');
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'dist/test/suite.js'),
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userDataDir}`, '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`@vscode/test-electron failed: ${message}`);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|download/i.test(message)) {
    console.error('VS Code could not be downloaded from this machine. Run `npm run test:integration` instead: the same suite in code-server.');
  }
  process.exit(1);
});
