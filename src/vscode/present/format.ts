// present/: what the editor shows, computed from the engine's results without importing `vscode`, so
// the translation is unit-tested with real engine output; src/vscode/*.ts turn it into API objects.
// This file: wording shared by every view of a result.
import type { Verdict } from '../../core';

export const VERDICT_LABEL: Record<Verdict['verdict'], string> = { supported: 'Supported', contradicted: 'Contradicted', unsupported: 'Unsupported' };

/** `s` on one line, cut at a word boundary to at most `max` characters (with an ellipsis). */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
