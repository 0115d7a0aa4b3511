// Saved pages whose every paragraph sits in the same deep chain of wrapper elements: Readability
// scores only a paragraph's nearest ancestors, so alone it keeps one paragraph of such a page.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReferenceSource } from '../../src/core';

// Real prose (issue 10 allows the dev articles as page text); the articles' words are not asserted on.
const ARTICLES = join(__dirname, '..', '..', '..', 'shared', 'eval', 'news-dev-articles');
const articles = (() => {
  try {
    return readdirSync(ARTICLES).filter((f) => f.endsWith('.md')).sort();
  } catch {
    return [];
  }
})();
const paragraphsOf = (file: string) =>
  readFileSync(join(ARTICLES, file), 'utf8')
    .replace(/^---[\s\S]*?\n---\s*/, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A page: navigation, then each paragraph in `depth` nested divs of its own, then a footer. */
function wrappedPage(paras: string[], depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<div class="b${i}">`).join('');
  const body = paras.map((p) => `${open}<p>${esc(p)}</p>${'</div>'.repeat(depth)}`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Story</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><h1>Story</h1>${body}</main>
<footer><p>Copyright the Example Gazette. All rights reserved.</p></footer></body></html>`;
}

async function read(html: string, name: string): Promise<string> {
  return fold((await readReferenceSource(new TextEncoder().encode(html), name)).text);
}

describe('saved web pages: every paragraph in the same deep chain of wrappers', () => {
  before(function () {
    if (!articles.length) this.skip();
  });

  for (const depth of [6, 10]) {
    it(`keeps every paragraph, in order, of each article with ${depth} wrapper divs per paragraph`, async () => {
      for (const file of articles) {
        const paras = paragraphsOf(file);
        const text = await read(wrappedPage(paras, depth), `${file}.html`);
        let at = 0;
        for (const p of paras) {
          const i = text.indexOf(p, at);
          assert.ok(i >= 0, `${file}, depth ${depth}: paragraph missing or out of order: “${p.slice(0, 60)}…”`);
          at = i + p.length;
        }
        assert.doesNotMatch(text, /Copyright the Example Gazette|\bWorld\b.*\bHome\b/, `${file}: footer or navigation kept`);
      }
    });
  }

  it('reads a page of plain paragraphs as Readability does (a short comment thread stays out)', async () => {
    const [file] = articles;
    const paras = paragraphsOf(file);
    const comments = '<section class="comments"><p>Great piece.</p><p>Thanks for writing this.</p></section>';
    const html = `<!doctype html><html><body><nav><a href="/">Home</a></nav><article><h1>Story</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</article>${comments}</body></html>`;
    const text = await read(html, 'plain.html');
    for (const p of paras) assert.ok(text.includes(p), `paragraph missing: “${p.slice(0, 60)}…”`);
    assert.doesNotMatch(text, /Great piece|Thanks for writing/);
  });
});
