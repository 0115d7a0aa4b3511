import type { ReferenceMeta } from '../../types';

/**
 * A reference's text as read from its file, before it is split into paragraphs and sentences.
 * `text` is plain text: paragraphs separated by one blank line, headings as `# ` lines (skipped
 * when paragraphs are numbered), so `¶n` counts the same way as for a Markdown reference.
 */
export interface SourceText {
  text: string;
  meta: ReferenceMeta;
  /**
   * For a paged source (PDF): where each page's paragraphs begin, ascending by `start`
   * (UTF-16 offset in `text`); a paragraph is on the page of the last marker at or before it.
   */
  pages?: { start: number; page: number }[];
  /** Things the reader left out or bounded (pages past the limit, characters past the cap), as sentences for the user. */
  notices: string[];
}

/** Collapses runs of white space (including non-breaking) and drops control characters. */
export function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** The file's name without folders or extension, as a key. */
export function baseKey(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, '').trim().replace(/\s+/g, '-');
}

/**
 * Joins paragraphs into a reference text under a title heading, stopping before `maxChars`
 * (with a notice). Returns the text and each paragraph's start offset (-1 for one left out).
 */
export function assemble(title: string, paragraphs: string[], maxChars: number, name: string): { text: string; starts: number[]; notices: string[] } {
  // The title as a heading keeps the first paragraph ¶1 and a text starting "---" from reading as front matter.
  let text = `# ${title}`;
  const starts: number[] = [];
  const notices: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (text.length + 2 + paragraphs[i].length > maxChars) {
      notices.push(`${name}: only the first ${maxChars.toLocaleString('en')} characters are read (${paragraphs.length - i} of ${paragraphs.length} paragraphs left out).`);
      break;
    }
    text += '\n\n';
    starts.push(text.length);
    text += paragraphs[i];
  }
  return { text: text + '\n', starts, notices };
}
