// Reads the `sourcecheck.*` settings through the table in config.ts, per document (resource scope).
import * as vscode from 'vscode';
import { settingsFrom, type Settings } from './config';

export type { Settings } from './config';

/** The settings that apply to `scope` (a document or folder URI), bad values replaced by the defaults rather than trusted. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('sourcecheck', scope);
  return settingsFrom((key) => c.get(key));
}
