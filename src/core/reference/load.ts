import { InputError } from '../errors';
import { frontMatterEnd } from '../text/frontMatter';
import { splitSentences } from '../text/sentences';
import type { Paragraph, Reference, ReferenceMeta, Sentence } from '../types';
import { extractEntities } from './entities';

/** Limit on a reference's size: a reference is an article, not a book. */
export const MAX_REFERENCE_CHARS = 2_000_000;

/**
 * Reads a reference: front matter, paragraphs (¶ numbers as writers cite them), sentences, entities.
 * `pages`, for a paged source (PDF), marks where each page's text begins (UTF-16 offsets in `text`,
 * ascending); each paragraph then gets the page it starts on as `page`.
 */
export function loadReference(text: string, meta: ReferenceMeta, pages?: readonly { start: number; page: number }[]): Reference {
  if (text.length > MAX_REFERENCE_CHARS) {
    throw new InputError(
      'too-large',
      `Reference "${meta.key}" is ${(text.length / 1e6).toFixed(1)} million characters; references up to ${MAX_REFERENCE_CHARS / 1e6} million are read.`,
    );
  }
  const bodyStart = frontMatterEnd(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const block of paragraphBlocks(text, bodyStart)) {
    const raw = text.slice(block.start, block.end);
    if (/^#{1,6}\s/.test(raw) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(raw.trim())) continue;
    if (isCredit(raw, meta.credit)) continue;
    const number = paragraphs.length + 1;
    const para: Paragraph = { number, start: block.start, end: block.end, text: raw, sentences: [] };
    if (pages?.length) para.page = pageAt(pages, block.start);
    for (const s of splitSentences(text, block.start, block.end)) {
      const sentence: Sentence = { ...s, text: text.slice(s.start, s.end), paragraph: number, index: sentences.length };
      para.sentences.push(sentence);
      sentences.push(sentence);
    }
    if (para.sentences.length) paragraphs.push(para);
  }
  if (!sentences.length) {
    throw new InputError('empty-reference', `Reference "${meta.key}" (${meta.path}) has no sentences to check against.`);
  }
  const ref: Reference = { ...meta, text, paragraphs, sentences, entities: [] };
  ref.entities = extractEntities(ref);
  return ref;
}

/** The page of the last marker at or before `offset` (the first page before any marker). */
function pageAt(pages: readonly { start: number; page: number }[], offset: number): number {
  let page = pages[0].page;
  for (const m of pages) {
    if (m.start > offset) break;
    page = m.page;
  }
  return page;
}

/**
 * Paragraph spans: blank-line separated blocks when the text has blank lines, otherwise one
 * paragraph per line (news wires often arrive that way).
 */
function paragraphBlocks(text: string, from: number): { start: number; end: number }[] {
  const body = text.slice(from);
  // A CRLF is one line break, never a CR and an LF: "a\r\nb" is one paragraph, as with LF.
  const blank = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/;
  const splitter = blank.test(body) ? new RegExp(blank.source + '\\s*', 'g') : /\r\n|\n|\r/g;
  const out: { start: number; end: number }[] = [];
  let last = 0;
  for (let m = splitter.exec(body); m; m = splitter.exec(body)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, body.length);
  return out;

  function push(s: number, e: number): void {
    while (s < e && /\s/.test(body[s])) s++;
    while (e > s && /\s/.test(body[e - 1])) e--;
    if (e > s) out.push({ start: from + s, end: from + e });
  }
}

// A closing credit or byline ("Sources By Agencies") is not a paragraph of the story.
function isCredit(raw: string, credit: string | undefined): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  if (credit && norm(raw) === norm(credit)) return true;
  return /^(?:sources?|by|credit|reporting by|additional reporting)\b[^.!?]{0,60}$/i.test(raw.trim());
}
