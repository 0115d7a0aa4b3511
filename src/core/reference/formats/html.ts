// Saved web pages: the article's text and metadata, read with linkedom (a DOM that never runs
// scripts, loads images or fetches anything) and Mozilla's Readability (Firefox's Reader View).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../../errors';
import type { ReferenceMeta } from '../../types';
import { assemble, baseKey, plain, type SourceText } from './source';

/** Largest saved page read, in bytes: a saved article with inline images is a few MB; beyond this it is refused. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
/** Most elements Readability scores; a page past it is refused rather than parsed for minutes. */
const MAX_ELEMENTS = 400_000;

/** Never part of the article: code, embedded documents, forms, navigation, consent banners. */
const DROP = /* @__PURE__ */ [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'select', 'textarea', 'input',
  'svg', 'canvas', 'video', 'audio', 'nav', 'aside', 'dialog', '[role=navigation]', '[role=banner]', '[role=dialog]', '[role=alertdialog]', '[aria-modal=true]', '[hidden]',
  '[id*=cookie]', '[class*=cookie]', '[id*=Cookie]', '[class*=Cookie]', '[id*=consent]', '[class*=consent]', '[id*=gdpr]', '[class*=gdpr]',
].join(',');

/** Elements that end one paragraph and start another. */
const BLOCK = /* @__PURE__ */ new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * Reads a saved web page (`.html`, `.htm`): the article's paragraphs as plain text (see SourceText),
 * and its title, byline (`author`), publication date (`date`), site name (`outlet`) and canonical
 * address (`url`, http(s) only). Nothing from the page runs or is fetched.
 * @param bytes the file's bytes, UTF-8 (or, failing that, Windows-1252 as browsers assume).
 * @param path the file's path, for the key (file name) and messages.
 * @param maxChars cap on the text's length in UTF-16 code units; paragraphs past it are left out with a notice.
 * @throws InputError 'too-large' past MAX_HTML_BYTES or too many elements; 'empty-reference' when no article text is found.
 */
export function readHtml(bytes: Uint8Array, path: string, maxChars: number): SourceText {
  const name = `Saved page “${path}”`;
  if (bytes.length > MAX_HTML_BYTES) {
    throw new InputError('too-large', `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; saved pages up to ${MAX_HTML_BYTES / 1048576} MB are read.`);
  }
  const document = domOf(decodeHtml(bytes));
  const head = headMeta(document);
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  removeComments(document);
  if (document.querySelectorAll('*').length > MAX_ELEMENTS) {
    throw new InputError('too-large', `${name} has more than ${MAX_ELEMENTS.toLocaleString('en')} elements; it is not read.`);
  }
  let article: ReturnType<Readability['parse']>;
  try {
    // Readability's types name the browser's Document; linkedom's document is one in all it uses.
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false }).parse();
  } catch (e) {
    throw new InputError('unreadable', `${name} cannot be read as an article (${e instanceof Error ? e.message : String(e)}).`);
  }
  const paragraphs = article?.content ? blocks(article.content) : [];
  if (!paragraphs.some((p) => !p.startsWith('#'))) {
    throw new InputError('empty-reference', `${name} has no article text to check against (only navigation, scripts or an empty page).`);
  }
  const key = baseKey(path);
  const title = plain(article?.title || head.title || '') || key;
  const meta: ReferenceMeta = { key, title, path, format: 'html' };
  const author = plain(article?.byline || head.author || '').replace(/^by\s+/i, '');
  if (author && author.length <= 200) meta.author = author;
  const date = plain(article?.publishedTime || head.date || '');
  if (date && date.length <= 64) meta.date = date;
  const outlet = plain(article?.siteName || head.outlet || '');
  if (outlet && outlet.length <= 200) meta.outlet = outlet;
  if (head.url) meta.url = head.url;
  // A first heading that repeats the title is the title.
  if (paragraphs[0] && plain(paragraphs[0].replace(/^#+ /, '')) === title && paragraphs[0].startsWith('#')) paragraphs.shift();
  const { text, notices } = assemble(title, paragraphs, maxChars, name);
  return { text, meta, notices };
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252, the web's fallback for unlabelled pages. */
function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface HeadMeta {
  title?: string;
  author?: string;
  date?: string;
  outlet?: string;
  url?: string;
}

/** Metadata from the page's head, for what Readability does not give; only http(s) addresses are kept. */
function headMeta(document: Doc): HeadMeta {
  const content = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? undefined;
  const url = [document.querySelector('link[rel=canonical]')?.getAttribute('href'), content('meta[property="og:url"]')].map(httpUrl).find(Boolean);
  return {
    title: content('meta[property="og:title"]') ?? document.querySelector('title')?.textContent ?? undefined,
    author: content('meta[name=author]'),
    date: content('meta[property="article:published_time"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    outlet: content('meta[property="og:site_name"]'),
    url,
  };
}

/** An absolute http(s) address, or undefined (relative, `javascript:`, `data:` and malformed ones are dropped). */
export function httpUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function removeComments(document: Doc): void {
  const walker = document.createTreeWalker(document, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: { remove(): void }[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n as unknown as { remove(): void });
  for (const c of comments) c.remove();
}

/** The article HTML Readability returns, as paragraphs of plain text; headings start with `## `. */
function blocks(html: string): string[] {
  const document = domOf(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  let run = '';
  const flush = (prefix = '') => {
    const t = plain(run);
    if (t) out.push(prefix + t);
    run = '';
  };
  const walk = (node: DomNode): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) run += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const tag = (c.tagName ?? '').toUpperCase();
        if (tag === 'BR') run += ' ';
        else if (BLOCK.has(tag)) {
          flush();
          walk(c);
          flush(/^H[1-6]$/.test(tag) ? '## ' : '');
        } else walk(c);
      }
    }
  };
  walk(document.body as unknown as DomNode);
  flush();
  return out;
}

/** The little of a DOM node the walk reads (the engine is compiled without the browser's DOM types). */
interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
}

/** The little of linkedom's document the reader uses. */
interface Doc {
  body: DomNode;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  createTreeWalker(root: Doc, whatToShow: number): { nextNode(): DomNode | null };
}

/** A DOM for the HTML; linkedom builds it without running a script or loading anything. */
function domOf(html: string): Doc {
  return (parseHTML(html) as unknown as { document: Doc }).document;
}
