// Citation completions as plain data: reference keys after `[@`, paragraph numbers after `, ¶`,
// reference URLs inside a link's `](` (a link to a reference's URL cites it).
import { displayDate, type Reference, type Span } from '../../core';
import { clip } from './format';

export interface CompletionSpec {
  label: string;
  insertText: string;
  detail: string;
  documentation: string;
  /** Offsets of the text the completion replaces. */
  replace: Span;
  sortText: string;
}

/** Completions at `offset`: reference keys after `@` (`[@…`, in-text `@…`, `@{…`), paragraph numbers after `, ¶`, pages of a paged reference after `, p.`, reference URLs after `](`. */
export function completionsAt(text: string, offset: number, references: Reference[]): CompletionSpec[] {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 300);
  const before = text.slice(lineStart, offset);
  const page = /\[[^\]\n]*?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?~/]*)[^\];\n]*?,\s*(?:pp?\.\s*|pages?\s+)(\d*)$/u.exec(before);
  if (page) {
    // Pages of a paged reference (a PDF): each page with the first paragraph that starts on it.
    const ref = references.find((r) => r.key === page[1]);
    if (!ref) return [];
    const replace = { start: offset - page[2].length, end: offset };
    const firstOn = new Map<number, Reference['paragraphs'][number]>();
    for (const p of ref.paragraphs) if (p.page !== undefined && !firstOn.has(p.page)) firstOn.set(p.page, p);
    return [...firstOn].map(([n, p]) => ({
      label: String(n),
      insertText: String(n),
      detail: `p. ${n} of ${ref.key} (from ¶${p.number})`,
      documentation: clip(p.text, 400),
      replace,
      sortText: String(n).padStart(5, '0'),
    }));
  }
  const para = /\[[^\]\n]*?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?~/]*)[^\];\n]*?,\s*(?:¶|para\.?\s*)(\d*)$/u.exec(before);
  if (para) {
    const ref = references.find((r) => r.key === para[1]);
    if (!ref) return [];
    const replace = { start: offset - para[2].length, end: offset };
    return ref.paragraphs.map((p) => ({
      label: String(p.number),
      insertText: String(p.number),
      detail: `¶${p.number} of ${ref.key}`,
      documentation: clip(p.text, 400),
      replace,
      sortText: String(p.number).padStart(5, '0'),
    }));
  }
  const link = /\]\(<?([^\s()<>]*)$/.exec(before);
  if (link) {
    const replace = { start: offset - link[1].length, end: offset };
    return references
      .filter((r) => r.url && /^https?:\/\//i.test(r.url))
      .map((r, i) => ({
        label: r.url!,
        insertText: r.url!,
        detail: `${r.title} (${r.key})`,
        documentation: [r.outlet, r.author, r.date && displayDate(r.date), `a link to this address cites ${r.key}`].filter(Boolean).join(' · '),
        replace,
        sortText: String(i).padStart(4, '0'),
      }));
  }
  // After `@` that starts a key: in brackets (`[@`, `[see @`, `; -@`), in-text (after a space or an
  // opening bracket or quote; never after a letter, so e-mail addresses get none), or braced (`@{`).
  const key = /(?:^|[\s;(\[“‘«‹*_~—–])-?@\{?([\p{L}\p{N}_:.#$%&\-+?~/]*)$/u.exec(before);
  if (key) {
    const replace = { start: offset - key[1].length, end: offset };
    return references.map((r, i) => ({
      label: r.key,
      insertText: r.key,
      detail: r.title,
      documentation: [r.credit, `${r.paragraphs.length} paragraphs`, clip(r.paragraphs[0]?.text ?? '', 200)].filter(Boolean).join(' · '),
      replace,
      sortText: String(i).padStart(4, '0'),
    }));
  }
  return [];
}
