import * as vscode from 'vscode';
import { DEFAULT_SEVERITIES, type SeverityName, type SeveritySettings } from './present/diagnostics';

export interface Settings {
  enable: boolean;
  languages: string[];
  severities: SeveritySettings;
  debounceMs: number;
  maxDraftChars: number;
  judgeUncited: boolean;
  checkUncitedDrafts: boolean;
  /** Findings less sure than this (0 to 1) are not shown. */
  minConfidence: number;
}

const SEVERITIES: SeverityName[] = ['error', 'warning', 'information', 'hint', 'none'];

/** The `sourcecheck.*` settings, with bad values replaced by the defaults rather than trusted. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('sourcecheck', scope);
  const sev = (name: keyof SeveritySettings): SeverityName => {
    const v = c.get<string>(`severity.${name}`, DEFAULT_SEVERITIES[name]);
    return SEVERITIES.includes(v as SeverityName) ? (v as SeverityName) : DEFAULT_SEVERITIES[name];
  };
  const num = (name: string, def: number, min: number, max: number) => {
    const v = c.get<number>(name, def);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : def;
  };
  const languages = c.get<string[]>('languages', ['markdown', 'plaintext']);
  return {
    enable: c.get<boolean>('enable', true) !== false,
    languages: Array.isArray(languages) ? languages : ['markdown', 'plaintext'],
    severities: { contradicted: sev('contradicted'), unsupported: sev('unsupported'), uncited: sev('uncited'), citation: sev('citation') },
    debounceMs: num('debounceMs', 300, 0, 5000),
    maxDraftChars: num('maxDraftChars', 1_000_000, 1_000, 50_000_000),
    judgeUncited: c.get<boolean>('judgeUncitedStatements', true) !== false,
    checkUncitedDrafts: c.get<boolean>('checkDraftsWithoutCitations', false) === true,
    minConfidence: num('minConfidence', 0, 0, 1),
  };
}
