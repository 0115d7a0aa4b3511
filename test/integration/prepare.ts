// Builds what both integration runners need: a fresh copy of the fixture workspace (edits made
// during a run are saved to disk, so every run starts from clean files) and the installed extension.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Prepared {
  dir: string;
  workspace: string;
  extensionsDir: string;
  userDataDir: string;
  extensionFolder: string;
  /** The multi-root fixture's workspace file (two folders, each with its own references). */
  multiRootWorkspace: string;
}

/**
 * `workspace` is the folder copied as the workspace: the test fixtures by default; `npm start` gives
 * the sample workspace (media/sample-workspace/). Either way the sample draft and the second
 * reference are added to it.
 */
export function prepare(prefix = 'sourcecheck-it-', workspaceFrom = 'test/fixtures/workspace'): Prepared {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workspace = join(dir, 'workspace');
  cpSync(join(ROOT, workspaceFrom), workspace, { recursive: true });
  mkdirSync(join(workspace, 'references'), { recursive: true });
  cpSync(join(ROOT, 'media/sample-draft.md'), join(workspace, 'sample-draft.md'));
  cpSync(join(ROOT, 'test/fixtures/references/harbour-bridge.md'), join(workspace, 'references/harbour-bridge.md'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const extensionsDir = join(dir, 'extensions');
  const extensionFolder = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  mkdirSync(join(extensionFolder, 'dist'), { recursive: true });
  for (const f of ['package.json', 'README.md']) cpSync(join(ROOT, f), join(extensionFolder, f));
  for (const d of ['media', 'syntaxes']) cpSync(join(ROOT, d), join(extensionFolder, d), { recursive: true });
  for (const f of ['extension.js', 'extension.js.map', 'worker.js', 'worker.js.map', 'reader.js', 'reader.js.map']) cpSync(join(ROOT, 'dist', f), join(extensionFolder, 'dist', f));
  // PDF.js, imported by the reader thread on the first PDF (as the .vsix ships it).
  cpSync(join(ROOT, 'dist/pdfjs'), join(extensionFolder, 'dist/pdfjs'), { recursive: true });
  // A saved web page as a workspace reference (the PDF is made by the test that uses it).
  cpSync(join(ROOT, 'test/fixtures/references/kinds/crane-page.html'), join(workspace, 'references/crane-page.html'));
  // The language data the bundles read on first use (as the .vsix ships it).
  cpSync(join(ROOT, 'dist/data'), join(extensionFolder, 'dist/data'), { recursive: true });
  // The multi-root fixture, opened by the runner in a second window after the first.
  cpSync(join(ROOT, 'test/fixtures/workspace-multiroot'), join(dir, 'multiroot'), { recursive: true });
  const multiRootWorkspace = join(dir, 'multiroot', 'multiroot.code-workspace');
  const userDataDir = join(dir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.enableExperiments': false, 'chat.disableAIFeatures': true }, null, 2),
  );
  return { dir, workspace, extensionsDir, userDataDir, extensionFolder, multiRootWorkspace };
}
