// "Attach a file…" for a bibliography entry with no text: the edit that records the file in the
// entry the way Zotero and Better BibTeX write it (`file = {:path:type}`), so the bibliography stays
// the one place that says where a source's text is. Plain text in, an edit out: no `vscode` here.
import type { TextEdit } from '../../core';

/** MIME types Zotero writes for the attachments read today. */
const MIME: Record<string, string> = { md: 'text/markdown', markdown: 'text/markdown', txt: 'text/plain', text: 'text/plain', html: 'text/html', htm: 'text/html', pdf: 'application/pdf' };

/** `path` escaped for a `file` field: `\`, `:` and `;` get a backslash. */
export function escapeFileFieldPath(path: string): string {
  return path.replace(/[\\:;]/g, (c) => `\\${c}`);
}

/**
 * The edit that attaches `path` (relative to the bibliography's folder, `/`-separated) to the BibTeX
 * entry `key` of `text`: a new `file = {:path:type},` line after the entry's key, or, when the entry
 * already has a `file` field, the attachment put first in it. Undefined when no entry has that key.
 */
export function bibtexAttachEdit(text: string, key: string, path: string): TextEdit | undefined {
  const escapedKey = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const head = new RegExp(`^[ \\t]*@\\s*\\w+\\s*[{(]\\s*${escapedKey}\\s*,`, 'm').exec(text);
  if (!head) return undefined;
  const ext = (/\.([^./]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  const attachment = `:${escapeFileFieldPath(path)}:${MIME[ext] ?? 'application/octet-stream'}`;
  const start = head.index + head[0].length;
  const next = text.slice(start).search(/^[ \t]*@/m);
  const body = text.slice(start, next < 0 ? text.length : start + next);
  const file = /(^|[\s,])file\s*=\s*([{"])/i.exec(body);
  if (file) {
    const at = start + file.index + file[0].length;
    return { start: at, end: at, newText: `${attachment};` };
  }
  const indent = /\n([ \t]+)\w/.exec(body)?.[1] ?? '  ';
  return { start, end: start, newText: `\n${indent}file = {${attachment}},` };
}
