// PDFs: the text layer page by page with PDF.js (Mozilla's reader), paragraphs rebuilt from line
// positions. PDF.js is loaded on first use, so starting the extension never pays for it.
import { InputError } from '../../errors';
import type { ReferenceMeta } from '../../types';
import { ensureDomMatrix } from './domMatrix';
import { assemble, baseKey, plain, type SourceText } from './source';

/** Largest PDF read, in bytes. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
/** Pages read from one PDF; the rest are left out with a notice (a reference is a report, not a library). */
export const MAX_PDF_PAGES = 300;

interface Line {
  text: string;
  x: number;
  y: number;
  /** Font size (text height) in PDF units. */
  h: number;
  xEnd: number;
  /** On the baseline of the line before, past a gap that may be a column gutter (toLines; joined back or read as a column by readColumns). */
  same?: boolean;
}

/** One page's lines and the vertical extent of its box, in PDF units. */
interface PageLines {
  lines: Line[];
  top: number;
  bottom: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** PDF.js with its worker code running in this thread (no worker file to fetch, no second copy). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    ensureDomMatrix();
    // On load PDF.js says it cannot find the optional drawing package; the reader never draws, so that
    // line is dropped rather than shown to every user of the command line.
    const log = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!/^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill)/.test(String(args[0]))) log(...args);
    };
    let lib: PdfJs;
    let worker: unknown;
    try {
      [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    } finally {
      console.warn = log;
    }
    // PDF.js looks here for an in-thread worker before it would load `workerSrc`.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return lib;
  })();
  pdfjs.catch(() => (pdfjs = undefined));
  return pdfjs;
}

/**
 * Reads a PDF's text layer: paragraphs rebuilt from line positions, words hyphenated at line ends
 * joined, running headers, footers and page numbers (lines at the top or bottom that repeat on most
 * pages) dropped. Each paragraph's page is given in `pages`. At most MAX_PDF_PAGES pages and
 * `maxChars` characters are read, with a notice. No script in the PDF runs: PDF.js is used with
 * `isEvalSupported: false`, no scripting, no XFA, no font loading and no network.
 * @param bytes the file's bytes (copied; the caller's array is not detached).
 * @param path the file's path, for the key and messages.
 * @throws InputError 'too-large' past MAX_PDF_BYTES; 'unreadable' for a damaged, truncated or
 *   password-protected file; 'empty-reference' with "no text layer" for a PDF of images only.
 */
export async function readPdf(bytes: Uint8Array, path: string, maxChars: number): Promise<SourceText> {
  const name = `PDF “${path}”`;
  if (bytes.length > MAX_PDF_BYTES) throw new InputError('too-large', `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; PDFs up to ${MAX_PDF_BYTES / 1048576} MB are read.`);
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  // A password-protected file asks for its password; there is no one to ask.
  task.onPassword = () => task.destroy();
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    throw pdfError(e, name);
  }
  const notices: string[] = [];
  try {
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES) notices.push(`${name} has ${doc.numPages.toLocaleString('en')} pages; only the first ${MAX_PDF_PAGES} are read.`);
    const pages: PageLines[] = [];
    let chars = 0;
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false });
      const lines = toLines(content.items as unknown[]);
      const [, y0, , y1] = page.view;
      pages.push({ lines, bottom: Math.min(y0, y1), top: Math.max(y0, y1) });
      page.cleanup();
      chars += lines.reduce((sum, l) => sum + l.text.length + 1, 0);
      if (chars > maxChars) {
        if (n < count) notices.push(`${name}: only the first ${n} of ${doc.numPages} pages are read; they reach the limit of ${maxChars.toLocaleString('en')} characters.`);
        break;
      }
    }
    const kept = dropRunningLines(pages);
    if (!kept.some((p) => p.some((l) => /\p{L}/u.test(l.text)))) {
      throw new InputError('empty-reference', `${name} has no text layer (its pages are images, as in a scan); run it through OCR and save it with text, then add it again.`);
    }
    const paras = paragraphsOf(kept);
    const info = await metadata(doc);
    const key = baseKey(path);
    const meta: ReferenceMeta = { key, title: info.title || key, path, format: 'pdf', pageCount: doc.numPages, pagesRead: pages.length };
    if (info.author) meta.author = info.author;
    if (info.date) meta.date = info.date;
    const built = assemble(meta.title, paras.map((p) => p.text), maxChars, name);
    // Paragraphs left out at the character cap: the page of the first of them was read only in part.
    const cut = built.starts.findIndex((s) => s < 0);
    const left = cut >= 0 ? cut : built.starts.length;
    if (left < paras.length) meta.pagesRead = Math.min(pages.length, paras[left].page - 1);
    const marks: { start: number; page: number }[] = [];
    built.starts.forEach((start, i) => {
      if (!marks.length || marks[marks.length - 1].page !== paras[i].page) marks.push({ start, page: paras[i].page });
    });
    return { text: built.text, meta, pages: marks, notices: [...notices, ...built.notices] };
  } catch (e) {
    throw pdfError(e, name);
  } finally {
    await doc.destroy();
  }
}

function pdfError(e: unknown, name: string): InputError {
  if (e instanceof InputError) return e;
  const kind = e instanceof Error ? e.name : '';
  const why = e instanceof Error ? e.message : String(e);
  if (kind === 'PasswordException' || /password/i.test(why)) return new InputError('unreadable', `${name} is protected by a password; save an unprotected copy and add that.`);
  if (kind === 'InvalidPDFException' || kind === 'FormatError') return new InputError('unreadable', `${name} is damaged or truncated and cannot be read (${why}).`);
  if (/destroyed|Worker was terminated/i.test(why)) return new InputError('unreadable', `${name} is encrypted or protected and cannot be read.`);
  return new InputError('unreadable', `${name} cannot be read (${why}).`);
}

async function metadata(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<{ title?: string; author?: string; date?: string }> {
  try {
    const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? plain(v).slice(0, 300) || undefined : undefined);
    // PDF dates are "D:YYYYMMDDHHmmSS…": the day is what a citation needs.
    const d = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(str(info.CreationDate) ?? '');
    return { title: str(info.Title), author: str(info.Author), date: d ? [d[1], d[2], d[3]].filter(Boolean).join('-') : undefined };
  } catch {
    return {};
  }
}

/**
 * Text items of one page joined into lines by their baseline. Items on one baseline with a gap wider
 * than GUTTER font sizes between them are kept as separate pieces of the line (`same` set on the
 * later ones) for readColumns; white-space items do not bridge such a gap.
 */
function toLines(items: unknown[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (const raw of items) {
    const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (typeof it.str !== 'string' || !it.transform) continue;
    const [a, b, , , x, y] = it.transform;
    const h = it.height || Math.hypot(a, b) || 1;
    if (!it.str) continue;
    const blank = !/\S/.test(it.str);
    if (cur && Math.abs(y - cur.y) <= Math.max(1, cur.h * 0.5) && x >= cur.xEnd - cur.h && (blank || x - cur.xEnd <= cur.h * GUTTER)) {
      const gap = x - cur.xEnd;
      if (gap > cur.h * 0.15 && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) cur.text += ' ';
      cur.text += it.str;
      if (!blank) cur.xEnd = Math.max(cur.xEnd, x + (it.width ?? 0));
    } else {
      const same = !!cur && !blank && Math.abs(y - cur.y) <= Math.max(1, cur.h * 0.5) && x > cur.xEnd;
      if (cur) lines.push(cur);
      cur = { text: it.str, x, y, h, xEnd: blank ? x : x + (it.width ?? 0), ...(same ? { same: true } : {}) };
    }
  }
  if (cur) lines.push(cur);
  for (const l of lines) l.text = plain(l.text);
  return readColumns(lines.filter((l) => l.text));
}

/** A gap between two items of one baseline wider than this many font sizes may be a column gutter (word spaces are a fraction of one). */
const GUTTER = 1.5;

/**
 * A page set in two columns but drawn row by row (each baseline's left and right pieces one after the
 * other) read as the left column, then the right: when at least two baselines are split by a gutter at
 * one place, and every other line lies wholly on one side of it. Lines above the columns come first;
 * a smaller line above them drawn after them (a running header added by a template) is dropped.
 * Any other page's pieces are joined back into their lines, as before.
 */
function readColumns(lines: Line[]): Line[] {
  const starts = lines.filter((l) => l.same).map((l) => l.x);
  if (starts.length >= 2) {
    starts.sort((p, q) => p - q);
    const gutter = starts[Math.floor(starts.length / 2)];
    const h = Math.max(...lines.filter((l) => l.same).map((l) => l.h));
    const aligned = starts.filter((x) => Math.abs(x - gutter) <= h).length >= starts.length * 0.8;
    const split = lines.filter((l, i) => l.same || lines[i + 1]?.same);
    const top = Math.max(...split.map((l) => l.y)) + h * 0.5;
    const body = lines.filter((l) => l.y <= top);
    const right = body.filter((l) => l.x >= gutter - h);
    const left = body.filter((l) => l.x < gutter - h && l.xEnd <= gutter - h * 0.5);
    // Columns of text fill their width (a table's cells, short and ragged, do not): the split rows' pieces are over half of theirs.
    const minX = Math.min(...body.map((l) => l.x));
    const maxX = Math.max(...body.map((l) => l.xEnd));
    const median = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)];
    const full =
      median(split.filter((l) => !l.same).map((l) => l.xEnd - l.x)) >= (gutter - minX) * 0.5 && median(split.filter((l) => l.same).map((l) => l.xEnd - l.x)) >= (maxX - gutter) * 0.5;
    if (aligned && full && right.length + left.length === body.length && left.length >= 2 && right.length >= 2) {
      const lastBody = Math.max(...body.map((l) => lines.indexOf(l)));
      const above = lines.filter((l, i) => l.y > top && !(i > lastBody && l.h < h * 0.9));
      return [...above, ...left, ...right].map(({ same: _, ...l }) => l);
    }
  }
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (l.same && prev) {
      prev.text = `${prev.text} ${l.text}`;
      prev.xEnd = l.xEnd;
    } else out.push({ text: l.text, x: l.x, y: l.y, h: l.h, xEnd: l.xEnd });
  }
  return out;
}

const normalise = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
const PAGE_NUMBER = /^(?:page\s*)?[#ivxlc]+(?:\s*(?:of|\/)\s*#)?$|^[-–—]\s*#\s*[-–—]$/i;

/**
 * Drops running headers and footers: among the two top-most and two bottom-most lines of each page
 * that stand in its top or bottom eighth, those whose text (digits ignored) recurs on most pages,
 * and bare page numbers.
 */
function dropRunningLines(pages: PageLines[]): Line[][] {
  const edges = pages.map(({ lines, top, bottom }) => {
    const band = (top - bottom) / 8;
    const byY = [...lines].sort((p, q) => q.y - p.y);
    return new Set([...byY.slice(0, 2).filter((l) => l.y >= top - band), ...byY.slice(-2).filter((l) => l.y <= bottom + band)]);
  });
  const count = new Map<string, number>();
  for (const e of edges) for (const k of new Set([...e].map((l) => normalise(l.text)))) count.set(k, (count.get(k) ?? 0) + 1);
  const most = Math.max(2, Math.ceil(pages.length * 0.6));
  return pages.map(({ lines }, i) =>
    lines.filter((l) => {
      if (!edges[i].has(l)) return true;
      const k = normalise(l.text);
      return !(PAGE_NUMBER.test(k) || (pages.length >= 2 && (count.get(k) ?? 0) >= most));
    }),
  );
}

/**
 * The document's line spacing as a multiple of the font size: the smallest baseline step (between
 * lines of one size) that recurs across all pages. Taken over the whole document, since a short page
 * (two lines and a blank) has as many paragraph gaps as line steps. Steps past 1.8 sizes are not
 * line spacing (a blank line between one-line paragraphs); without any, 1.2 is assumed.
 */
function lineSpacing(pages: Line[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    lines.slice(1).forEach((l, j) => {
      const prev = lines[j];
      const r = (prev.y - l.y) / prev.h;
      if (Math.abs(l.h - prev.h) <= prev.h * 0.2 && r >= 0.8 && r <= 1.8) ratios.push(r);
    });
  }
  if (!ratios.length) return 1.2;
  ratios.sort((p, q) => p - q);
  // The smallest step shared by a fair part of the steps (within 10%): a stray close pair is not the spacing.
  const need = Math.max(1, Math.ceil(ratios.length * 0.1));
  for (let i = 0, j = 0; i < ratios.length; i++) {
    while (j < ratios.length && ratios[j] <= ratios[i] * 1.1) j++;
    if (j - i >= need) return ratios[i];
  }
  return ratios[0];
}

/**
 * Lines into paragraphs: a new one after a gap clearly wider than the document's line spacing, an
 * indented first line or a change of size.
 */
function paragraphsOf(pages: Line[][]): { text: string; page: number }[] {
  const out: { text: string; page: number; open: boolean }[] = [];
  const spacing = lineSpacing(pages);
  pages.forEach((lines, i) => {
    const left = Math.min(...lines.map((l) => l.x));
    const right = Math.max(...lines.map((l) => l.xEnd));
    let para: { text: string; page: number; open: boolean } | undefined;
    lines.forEach((l, j) => {
      const prev = lines[j - 1];
      const gap = prev ? prev.y - l.y : 0;
      const breaks =
        !prev ||
        gap <= 0 ||
        gap > prev.h * Math.max(spacing * 1.3, spacing + 0.4) ||
        Math.abs(l.h - prev.h) > prev.h * 0.2 ||
        (l.x - left > l.h * 0.8 && prev.x - left <= l.h * 0.8);
      if (breaks || !para) {
        // A paragraph cut by a page break goes on when the new page starts mid-sentence.
        const last = out[out.length - 1];
        if (!prev && last?.open && (/^\p{Ll}/u.test(l.text) || l.x - left <= l.h * 0.8)) para = last;
        else {
          para = { text: '', page: i + 1, open: false };
          out.push(para);
        }
      }
      para.text = joinLine(para.text, l.text);
      // Open when the line stops mid-sentence, or runs to the right margin (the paragraph goes on).
      para.open = !/[.!?:;"”’)\]]$/.test(l.text) || (lines.length >= 3 && l.xEnd >= right - l.h * 3);
    });
  });
  return out.map(({ text, page }) => ({ text, page }));
}

/** Appends a line, joining a word hyphenated across the break ("para-" + "graph"). */
function joinLine(text: string, line: string): string {
  if (!text) return line;
  if (/\p{L}\u00ad$/u.test(text)) return text.slice(0, -1) + line;
  if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) return text.slice(0, -1) + line;
  return `${text} ${line}`;
}
