// Saved web pages: the article's text and metadata, read with linkedom (a DOM that never runs
// scripts, loads images or fetches anything) and Mozilla's Readability (Firefox's Reader View).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../../errors';
import type { ReferenceMeta } from '../../types';
import { assemble, baseKey, plain, type SourceText } from './source';

/** Largest saved page read, in bytes: a saved article with inline images is a few MB; beyond this it is refused. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
/**
 * Deepest element nesting read. Article pages typically nest 10 to 40 deep, heavy site templates
 * rarely past 100; Readability's time grows faster than the square of the depth (a chain 150 deep
 * takes 0.3 s, 1,000 deep 6 s; 60,000 deep overflows the stack), so elements nested deeper are
 * flattened into their ancestor at this depth (their text is kept) before the page is parsed.
 */
export const MAX_NESTING = 150;
/**
 * Most tags (start tags, outside scripts and comments) a page may have: a long article page has a few
 * thousand. Counted before the page is parsed; past it the page is refused (parsing and scoring
 * hundreds of thousands of elements takes tens of seconds and a gigabyte of memory).
 */
export const MAX_TAGS = 100_000;
/** Most elements Readability scores, after scripts, navigation and the like are dropped; past it the page is refused. */
const MAX_ELEMENTS = 50_000;

/** Never part of the article: code, embedded documents, forms, navigation, consent banners. */
const DROP = /* @__PURE__ */ [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'select', 'textarea', 'input',
  'svg', 'canvas', 'video', 'audio', 'nav', 'aside', 'dialog', '[role=navigation]', '[role=banner]', '[role=dialog]', '[role=alertdialog]', '[aria-modal=true]', '[hidden]',
  '[id*=cookie]', '[class*=cookie]', '[id*=Cookie]', '[class*=Cookie]', '[id*=consent]', '[class*=consent]', '[id*=gdpr]', '[class*=gdpr]',
].join(',');

/**
 * A class or id token (split at spaces, `-` and `_`, as Readability's word-boundary patterns read
 * them) or an `aria-label` word marking an element as no part of the article: a newsletter or sign-up
 * box, related stories, sharing buttons, readers' comments (and the ads and promotions of AD_MARK).
 */
const NOT_ARTICLE = /(?:^|[\s_-])(?:newsletter|newsletters|subscribe|subscription|signup|related|share|sharing|comment|comments|reply|replies|disqus)(?=$|[\s_-])/i;
/**
 * A class or id token (or `aria-label` word) marking an advertisement, a promotion or paid content
 * ("sponsored-content", "partner-content", "taboola-below-article", Google's `adsbygoogle` boxes).
 * Unlike NOT_ARTICLE, it is not outweighed by a word naming the article in the same marking (ARTICLE_BOX).
 */
const AD_MARK = /(?:^|[\s_-])(?:ad|ads|advert|adverts|advertisement|advertising|advertorial|adsbygoogle|adslot|adunit|promo|promos|promoted|promotion|sponsor|sponsors|sponsored|partner|partners|outbrain|taboola)(?=$|[\s_-])/i;
/** An attribute only ad slots carry: `data-ad`, `data-ad-slot`, `data-ad-client` and other `data-ad-*`/`data-ads-*`, `data-google-query-id` (Google Publisher Tag). */
const AD_ATTRIBUTE = /^data-(?:ad|ads|adunit|adslot|ad-[\w-]+|ads-[\w-]+|google-query-id)$/i;
/** The class or id of an `<ins>` element that is an ad box: `<ins>` marks an inserted passage, and one with an "ads" class (adsbygoogle, dcmads) is an ad. */
const AD_INS = /ads|(?:^|[\s_-])ad(?=$|[\s_-])/i;
/** A class or id token naming the article itself: an element so marked is kept even when NOT_ARTICLE also matches. */
const ARTICLE_BOX = /(?:^|[\s_-])(?:article|body|content|main|story|post|entry)(?=$|[\s_-])/i;

/** Whether the element is an ad box by its attributes (AD_ATTRIBUTE), or an `<ins>` one by its class or id (AD_INS). */
function adByAttributes(el: DomElement, marks: string): boolean {
  if (el.tagName === 'INS' && AD_INS.test(marks)) return true;
  for (const name of el.getAttributeNames()) if (AD_ATTRIBUTE.test(name)) return true;
  return false;
}

/**
 * Removes what is never part of the article: DROP; figure captions (and figures that hold only an
 * image and its caption); ads and promotions (AD_MARK, adByAttributes); elements marked by
 * NOT_ARTICLE unless marked as the article too (ARTICLE_BOX). The page's main container is always kept:
 * a body, main or article element, or one holding half the page's text or more (a marking too loose to trust).
 */
function dropNonArticle(document: Doc): void {
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  for (const el of [...document.querySelectorAll('figcaption')]) el.remove();
  for (const el of [...document.querySelectorAll('figure')]) if (!el.querySelector('blockquote,table,pre,p')) el.remove();
  const whole = plain(document.body?.textContent ?? '').length;
  for (const el of [...document.querySelectorAll('*')]) {
    if (!el.parentNode) continue;
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const label = el.getAttribute('aria-label') ?? '';
    const ad = AD_MARK.test(marks) || AD_MARK.test(label) || adByAttributes(el, marks);
    if (!ad && ((!NOT_ARTICLE.test(marks) && !NOT_ARTICLE.test(label)) || ARTICLE_BOX.test(marks))) continue;
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'MAIN' || el.tagName === 'ARTICLE') continue;
    if (plain(el.textContent ?? '').length * 2 >= whole) continue;
    el.remove();
  }
}

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
  const shaped = shapeHtml(decodeHtml(bytes));
  if (shaped.tags > MAX_TAGS) {
    throw new InputError('too-large', `${name} has ${shaped.tags.toLocaleString('en')} tags; saved pages of up to ${MAX_TAGS.toLocaleString('en')} tags are read.`);
  }
  const shapeNotices: string[] = [];
  if (shaped.flattened > 0) {
    shapeNotices.push(`${name}: elements nested more than ${MAX_NESTING} deep were flattened (${shaped.flattened.toLocaleString('en')} wrapper tags left out; their text is kept).`);
  }
  const document = domOf(shaped.html);
  if (depthOf(document as unknown as DomNode) > 2 * MAX_NESTING) {
    // The scan before parsing bounds the nesting; this only guards against markup it reads otherwise than the parser.
    throw new InputError('unreadable', `${name} nests its elements more than ${2 * MAX_NESTING} deep; it is not read.`);
  }
  const head = headMeta(document);
  dropNonArticle(document);
  removeComments(document);
  if (document.querySelectorAll('*').length > MAX_ELEMENTS) {
    throw new InputError('too-large', `${name} has more than ${MAX_ELEMENTS.toLocaleString('en')} elements (besides scripts, navigation and the like); it is not read.`);
  }
  const pageText = paragraphText(document);
  let article: ReturnType<Readability['parse']>;
  try {
    // Readability's types name the browser's Document; linkedom's document is one in all it uses.
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false }).parse();
  } catch (e) {
    throw new InputError('unreadable', `${name} cannot be read as an article (${e instanceof Error ? e.message : String(e)}).`);
  }
  let paragraphs = article?.content ? blocks(article.content) : [];
  const kept = paragraphs.reduce((n, p) => n + (p.startsWith('#') ? 0 : p.length), 0);
  if (kept < MIN_KEPT_SHARE * pageText) {
    // Readability scores a paragraph's nearest few ancestors only: when every paragraph sits in a chain of
    // wrappers of its own (six nested divs each), no ancestor gathers them and it keeps one. Then the
    // article is read from the element that holds the page's paragraphs, when that gives more text.
    const whole = fallbackBlocks(shaped.html);
    if (whole.reduce((n, p) => n + (p.startsWith('#') ? 0 : p.length), 0) > kept) paragraphs = whole;
  }
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
  return { text, meta, notices: [...shapeNotices, ...notices] };
}

/**
 * The page's text: UTF-8 when the bytes are valid UTF-8 (or start with a UTF-16 byte order mark);
 * else the charset the page declares, when TextDecoder knows it and it is not a Latin one; else
 * Windows-1252, the web's fallback for unlabelled pages (what browsers also read Latin-1 and ASCII labels as).
 */
function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8
  }
  const label = declaredCharset(bytes);
  if (label) {
    try {
      const decoder = new TextDecoder(label);
      if (!decoder.encoding.startsWith('utf-') && decoder.encoding !== 'windows-1252') return decoder.decode(bytes);
    } catch {
      // a label TextDecoder does not know
    }
  }
  return decodeWindows1252(bytes);
}

/** The charset a `<meta>` in the page's first 1,024 bytes declares, as browsers look for it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const start = String.fromCharCode(...bytes.subarray(0, 1024));
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(start)?.[1];
}

/** Windows-1252's characters for bytes 0x80–0x9F (the five it leaves undefined stay C1 controls, as in browsers). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252 by hand: Node's TextDecoder('windows-1252') decodes it as Latin-1 or drops
 * bytes 0x80–0x9F (curly quotes, dashes, the euro sign), depending on the version.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array(Math.min(bytes.length, 8192));
  for (let at = 0; at < bytes.length; at += codes.length) {
    const chunk = bytes.subarray(at, at + codes.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, chunk.length)));
  }
  return parts.join('');
}

/** What the scan before parsing found, and the page as it is then parsed. */
interface Shaped {
  /** The page with elements past MAX_NESTING flattened and unclosed rows closed (the page itself when neither is needed). */
  html: string;
  /** Start tags outside scripts, styles and comments. */
  tags: number;
  /** Start tags left out because they nested past MAX_NESTING. */
  flattened: number;
}

// The parser's (htmlparser2, under linkedom) rules, which the scan follows so that it nests elements as the parser will.
const VOID = /* @__PURE__ */ new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose text is raw (no tags in it) up to their end tag. */
const RAW = /* @__PURE__ */ new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = /* @__PURE__ */ new Set(['math', 'svg']);
const INTEGRATION = /* @__PURE__ */ new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Which open elements a start tag closes when one of them is the innermost. */
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = /* @__PURE__ */ (() => {
  const p = new Set(['p']);
  const form = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
  const m = new Map<string, Set<string>>([
    ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])], ['body', new Set(['head', 'link', 'script'])],
    ['li', new Set(['li'])], ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
    ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])], ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ]);
  for (const t of ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']) m.set(t, p);
  for (const t of ['select', 'input', 'output', 'button', 'datalist', 'textarea']) m.set(t, form);
  return m;
})();
/**
 * Containers a page sometimes leaves unclosed row after row (`<div class=row><p>…` with no `</div>`).
 * The parser nests each such row in the one before, and Readability then keeps only the innermost
 * few; one never closed is read as closed where the next of its kind opens inside it, as a sibling.
 */
const ROWS = /* @__PURE__ */ new Set(['div', 'section']);

interface Open {
  name: string;
  /** Ordinal of its start tag among those that open an element, the same in both scans. */
  id: number;
  /** Whether its tags stay in the page (false: flattened). */
  kept: boolean;
}

/**
 * Bounds the page before it is parsed, in time linear in its length: counts its tags, flattens
 * elements nested deeper than MAX_NESTING (their start and end tags are left out, their content
 * kept in the ancestor at that depth) and closes unclosed rows (see ROWS). A first scan finds the
 * depth and the rows closed by an end tag; a second rewrites the page only when something is amiss.
 */
function shapeHtml(html: string): Shaped {
  const first = scanTags(html, null);
  if (first.tags > MAX_TAGS || (first.depth <= MAX_NESTING && !first.unclosedRows)) return { html, tags: first.tags, flattened: 0 };
  const second = scanTags(html, first.closedRows);
  return { html: second.html, tags: first.tags, flattened: second.flattened };
}

/**
 * One pass over the page's tags, nesting elements as the parser does. Without `closedRows` (the
 * first pass) it only measures; with it, it flattens past MAX_NESTING, closes the rows not in
 * `closedRows`, and returns the page so rewritten.
 */
function scanTags(html: string, closedRows: ReadonlySet<number> | null): { html: string; tags: number; depth: number; closedRows: Set<number>; unclosedRows: boolean; flattened: number } {
  const rewrite = closedRows !== null;
  const page = new Rewrite(html, rewrite);
  const edit = (from: number, to: number, by: string) => page.edit(from, to, by);
  const stack: Open[] = [];
  const openByName = new Map<string, number>();
  const foreign: boolean[] = [false];
  const closed = new Set<number>();
  let kept = 0;
  let depth = 0;
  let tags = 0;
  let ids = 0;
  let flattened = 0;
  let unclosedRows = false;
  const pop = (explicit: boolean): Open => {
    const top = stack.pop()!;
    openByName.set(top.name, openByName.get(top.name)! - 1);
    if (top.kept) kept--;
    if (explicit && ROWS.has(top.name)) closed.add(top.id);
    else if (!explicit && ROWS.has(top.name)) unclosedRows = true;
    return top;
  };
  const gap = (name: string, from: number, to: number) => page.gap(name, from, to);
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      const tag = readStartTag(html, lt);
      if (!tag) break; // a tag cut off by the end of the page, which the parser leaves out
      const { name, end, selfClosing } = tag;
      i = end;
      tags++;
      const closes = IMPLIES_CLOSE.get(name);
      if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1].name)) pop(false);
      const top = stack[stack.length - 1];
      if (rewrite && ROWS.has(name) && top?.name === name && !closedRows.has(top.id)) {
        if (top.kept) edit(lt, lt, `</${name}>`);
        pop(false);
      }
      if (VOID.has(name)) {
        depth = Math.max(depth, kept + 1);
        continue;
      }
      const keep = !rewrite || kept < MAX_NESTING;
      const open: Open = { name, id: ids++, kept: keep };
      stack.push(open);
      openByName.set(name, (openByName.get(name) ?? 0) + 1);
      if (keep) {
        kept++;
        depth = Math.max(depth, kept);
        if (FOREIGN.has(name)) foreign.push(true);
        else if (INTEGRATION.has(name)) foreign.push(false);
      } else {
        flattened++;
        edit(lt, end, gap(name, lt, end));
      }
      const inForeign = keep ? foreign[foreign.length - 1] : FOREIGN.has(name) || (!INTEGRATION.has(name) && foreign[foreign.length - 1]);
      if (selfClosing && inForeign) {
        pop(true);
        continue;
      }
      if (RAW.has(name) && !selfClosing) {
        // A flattened one's text is left out (the parser would read it as markup).
        const rawEnd = rawTextEnd(html, name, end);
        if (!keep) edit(end, rawEnd, '');
        i = rawEnd;
      }
    } else if (c === 0x2f) {
      const { name, end } = readEndTag(html, lt);
      i = end;
      if (!name) continue;
      if (VOID.has(name)) {
        if (name === 'br') depth = Math.max(depth, kept + 1); // read as <br>
        continue;
      }
      if ((openByName.get(name) ?? 0) > 0) {
        let at = stack.length - 1;
        while (stack[at].name !== name) at--;
        const matched = stack[at];
        while (stack.length - 1 > at) pop(false);
        pop(true);
        if (!matched.kept) {
          edit(lt, end, gap(name, lt, end));
          continue;
        }
      } else if (name === 'p') {
        depth = Math.max(depth, kept + 1); // read as <p></p>
      }
      if ((FOREIGN.has(name) || INTEGRATION.has(name)) && foreign.length > 0) foreign.pop();
    } else if (c === 0x21 || c === 0x3f) {
      i = markupEnd(html, lt);
    } else {
      i = lt + 1;
    }
  }
  while (stack.length > 0) pop(false);
  return { html: page.result(), tags, depth, closedRows: closed, unclosedRows, flattened };
}

/** The page as scanTags rewrites it: untouched stretches copied, edits put in, front to back. */
class Rewrite {
  private readonly out: string[] = [];
  private copied = 0;
  /** The rewritten page's last character. */
  private tail = '';
  /** `active` false: a measuring pass, where edits are ignored and the page is returned as it is. */
  constructor(
    private readonly html: string,
    private readonly active: boolean,
  ) {}

  /** Replaces html[from, to) by `by`; edits come in text order and never overlap. */
  edit(from: number, to: number, by: string): void {
    if (!this.active) return;
    if (from > this.copied) this.tail = this.html[from - 1];
    this.out.push(this.html.slice(this.copied, from), by);
    if (by) this.tail = by[by.length - 1];
    this.copied = to;
  }

  /** What a flattened tag html[from, to) becomes: a space for a block tag, so that the words either side stay apart, unless one is there. */
  gap(name: string, from: number, to: number): string {
    const before = from > this.copied ? this.html[from - 1] : this.tail;
    return BLOCK.has(name.toUpperCase()) && before && !/\s/.test(before) && to < this.html.length && !/\s/.test(this.html[to]) ? ' ' : '';
  }

  /** The rewritten page (the page itself for a measuring pass). */
  result(): string {
    if (!this.active) return this.html;
    return this.out.join('') + this.html.slice(this.copied);
  }
}

/** Where the raw text (script, style, title…) that starts at `from` ends: at `</name` followed by `>` or a space, else at the page's end. */
function rawTextEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}[\\t\\n\\f\\r >]`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index : html.length;
}

/**
 * The start tag at `html[lt]` (a `<` followed by a letter): its lower-case name, the offset just past
 * its `>`, and whether it ends in `/>`. Attributes are skipped as the parser reads them (a quoted value
 * may hold `>`). Undefined when the page ends inside the tag.
 */
function readStartTag(html: string, lt: number): { name: string; end: number; selfClosing: boolean } | undefined {
  const n = html.length;
  let j = lt + 1;
  while (j < n && !endsTagName(html.charCodeAt(j))) j++;
  const name = html.slice(lt + 1, j).toLowerCase();
  let selfClosing = false;
  let state = 0; // 0 before a name, 1 after `/`, 2 in a name, 3 after a name, 4 before a value, 5 in an unquoted value
  for (; j < n; j++) {
    const ch = html.charCodeAt(j);
    if (state === 0) {
      if (ch === 0x3e) break;
      if (ch === 0x2f) state = 1;
      else if (!isSpace(ch)) state = 2;
    } else if (state === 1) {
      if (ch === 0x3e) {
        selfClosing = true;
        break;
      }
      if (!isSpace(ch)) (state = 0), j--;
    } else if (state === 2) {
      if (ch === 0x3d || endsTagName(ch)) (state = 3), j--;
    } else if (state === 3) {
      if (ch === 0x3d) state = 4;
      else if (ch === 0x2f || ch === 0x3e) (state = 0), j--;
      else if (!isSpace(ch)) state = 2;
    } else if (state === 4) {
      if (ch === 0x22 || ch === 0x27) {
        const q = html.indexOf(ch === 0x22 ? '"' : "'", j + 1);
        j = q < 0 ? n : q;
        state = 0;
      } else if (!isSpace(ch)) (state = 5), j--;
    } else if (ch === 0x3e || isSpace(ch)) (state = 0), j--;
  }
  return j >= n ? undefined : { name, end: j + 1, selfClosing };
}

/**
 * The end tag at `html[lt]` (`</`): its lower-case name (spaces may precede it), or undefined for
 * `</>` and a `</` not followed by a letter, which the parser skips; and the offset past its `>`.
 */
function readEndTag(html: string, lt: number): { name?: string; end: number } {
  const n = html.length;
  let j = lt + 2;
  while (j < n && isSpace(html.charCodeAt(j))) j++;
  if (j < n && html.charCodeAt(j) === 0x3e) return { end: j + 1 };
  const gt = html.indexOf('>', j);
  const end = gt < 0 ? n : gt + 1;
  if (!isAlpha(html.charCodeAt(j))) return { end };
  let k = j;
  while (k < n && !isSpace(html.charCodeAt(k)) && html.charCodeAt(k) !== 0x3e) k++;
  return { name: html.slice(j, k).toLowerCase(), end };
}

/**
 * The offset past the markup at `html[lt]` that opens no element: a comment (`<!-->` and `<!--->` are
 * empty ones), CDATA (read as a comment), a declaration (`<!…>`) or a processing instruction (`<?…>`).
 */
function markupEnd(html: string, lt: number): number {
  const n = html.length;
  if (html.startsWith('<!--', lt)) {
    const p = lt + 4;
    if (html.charCodeAt(p) === 0x3e) return p + 1;
    if (html.startsWith('->', p)) return p + 2;
    const e = html.indexOf('-->', p);
    return e < 0 ? n : e + 3;
  }
  if (html.startsWith('<![CDATA[', lt)) {
    const e = html.indexOf(']]>', lt + 9);
    return e < 0 ? n : e + 3;
  }
  const e = html.indexOf('>', lt + 2);
  return e < 0 ? n : e + 1;
}

const isAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const endsTagName = (c: number) => c === 0x2f || c === 0x3e || isSpace(c);

/** How deep the elements under `root` nest, walked without recursion. */
function depthOf(root: DomNode): number {
  let max = 0;
  let d = 0;
  let node: DomNode | null = root;
  while (node) {
    if (node.firstChild) {
      node = node.firstChild;
      max = Math.max(max, ++d);
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      d--;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return max;
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

/**
 * Readability's article holding less than this share of the characters of the page's paragraphs (`<p>`
 * elements and block containers of text only, see textBlocks)
 * (after navigation, scripts and the like are dropped) has missed part of the article: the page is then
 * read by fallbackBlocks. A real article page's paragraphs outside the article (a caption, a teaser,
 * a short comment) are well under half of them.
 */
const MIN_KEPT_SHARE = 0.5;

/** Characters of text in the document's text blocks (see textBlocks), spaces folded. */
function paragraphText(document: Doc): number {
  let n = 0;
  for (const p of textBlocks(document)) n += plain(p.textContent ?? '').length;
  return n;
}

/** Block containers that a page may use for a paragraph in place of a `<p>`. */
const TEXT_CONTAINERS = 'div,section,article,blockquote';

/**
 * The document's paragraphs: its `<p>` elements, and the block containers (TEXT_CONTAINERS) that
 * hold text and only text or inline content, no block element (`<div><div>text</div></div>`, a page
 * that never uses `<p>`). None holds another: a `<p>` closes at a block's start tag.
 */
function textBlocks(document: Doc): DomElement[] {
  const out: DomElement[] = [...document.querySelectorAll('p')];
  for (const el of document.querySelectorAll(TEXT_CONTAINERS)) if (!hasBlockChild(el) && plain(el.textContent ?? '')) out.push(el);
  return out;
}

/** Whether a block element (BLOCK) is under `root`, walked without recursion. */
function hasBlockChild(root: DomNode): boolean {
  let node: DomNode | null = root.firstChild;
  while (node && node !== root) {
    if (node.nodeType === 1 && BLOCK.has((node.tagName ?? '').toUpperCase())) return true;
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return false;
}

/**
 * The page's paragraphs read without Readability: from the deepest element that holds nine tenths of
 * the text of the page's paragraphs (textBlocks) (the article's container), after dropping what is never
 * article (DROP) and comments. Parses `html` afresh: Readability changes the document it reads.
 */
function fallbackBlocks(html: string): string[] {
  const document = domOf(html);
  dropNonArticle(document);
  removeComments(document);
  const held = new Map<DomNode, number>();
  let total = 0;
  for (const p of textBlocks(document)) {
    const len = plain(p.textContent ?? '').length;
    total += len;
    for (let a = p.parentNode; a; a = a.parentNode) held.set(a, (held.get(a) ?? 0) + len);
  }
  let box = document.body;
  for (;;) {
    let next: DomNode | undefined;
    for (let c = box.firstChild; c && !next; c = c.nextSibling) if (c.nodeType === 1 && (held.get(c) ?? 0) >= 0.9 * total) next = c;
    if (!next) break;
    box = next;
  }
  return blocksOf(box);
}

/** The article HTML Readability returns, as paragraphs of plain text; headings start with `## `. */
function blocks(html: string): string[] {
  return blocksOf(domOf(`<!doctype html><html><body>${html}</body></html>`).body);
}

/** The text under `root` as paragraphs of plain text, one per block element; headings start with `## `. */
function blocksOf(root: DomNode): string[] {
  const out: string[] = [];
  let run = '';
  const flush = (prefix = '') => {
    const t = plain(run);
    if (t) out.push(prefix + t);
    run = '';
  };
  let row: string | undefined;
  const walk = (node: DomNode): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) run += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const tag = (c.tagName ?? '').toUpperCase();
        if (tag === 'BR') run += ' ';
        else if (tag === 'TR' && (row = tableRow(c)) !== undefined) {
          flush();
          if (row) out.push(row);
        } else if (BLOCK.has(tag)) {
          flush();
          walk(c);
          flush(/^H[1-6]$/.test(tag) ? '## ' : '');
        } else walk(c);
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/**
 * A table row read as one paragraph: its cells' texts joined by “ | ” (“Route | Ferries”; empty for
 * a row of empty cells); undefined, leaving the row to be read block by block, when a cell holds more
 * than one paragraph (a layout table that holds the article).
 */
function tableRow(row: DomNode): string | undefined {
  const cells: string[] = [];
  for (let c = row.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const paras = blocksOf(c);
    if (paras.length > 1) return undefined;
    if (paras[0]) cells.push(paras[0].replace(/^## /, ''));
  }
  return cells.join(' | ');
}

/** The little of a DOM node the walk reads (the engine is compiled without the browser's DOM types). */
interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
}

interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  getAttributeNames(): Iterable<string>;
  querySelector(selector: string): DomElement | null;
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
