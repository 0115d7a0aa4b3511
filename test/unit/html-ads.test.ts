// Saved pages with ad and promotion boxes whose markings also name the article ("sponsored-content",
// "taboola-below-article") or that are marked only by their attributes (data-ad-slot, <ins class=adsbygoogle>):
// their text is no part of the article and must not be read as the source's statements.
import { strict as assert } from 'node:assert';
import { readReferenceSource } from '../../src/core';

const paragraphs = async (html: string): Promise<string[]> =>
  (await readReferenceSource(new TextEncoder().encode(html), 'library.html')).text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && !p.startsWith('#'));

const LINES = [
  'The public library in Bozeman reopened its reading room on Saturday after a renovation that took fourteen months.',
  'Head librarian Marguerite Okafor said the new skylights cut the lighting bill by a fifth.',
  'The county paid 3 million dollars for the work, and a local foundation gave another half million.',
  'Volunteers moved about eighty thousand books back onto the shelves over two weekends.',
  'A children’s story hour will return to the ground floor on Wednesday mornings.',
];

const page = (boxes: string[]) => `<!doctype html><html><head><title>Library reopens</title></head><body>
<header><nav><a href="/">Home</a></nav></header>
<article><h1>Library reopens</h1>
${LINES.map((l, i) => `<p>${l}</p>${boxes[i] ?? ''}`).join('\n')}
</article><footer>The Valley Courier</footer></body></html>`;

describe('saved pages: ad and promotion boxes', () => {
  const boxes: [string, string][] = [
    ['an <ins class="adsbygoogle">', '<ins class="adsbygoogle" data-ad-client="ca-pub-77">Okafor said the skylights cut the bill by half, with our solar panels.</ins>'],
    ['a div with class adsbygoogle', '<div class="adsbygoogle"><p>The county paid 9 million dollars, the installer of the year says.</p></div>'],
    ['id taboola-below-article', '<div id="taboola-below-article"><p>Volunteers moved a million books in one weekend, readers are stunned.</p></div>'],
    ['a data-ad-slot attribute', '<div data-ad-slot="4471"><p>The reading room reopened on Monday with free coffee for members.</p></div>'],
    ['a data-ad-unit attribute', '<section data-ad-unit="mid"><p>Story hour moves to Friday evenings at the mall branch.</p></section>'],
    ['a data-google-query-id attribute', '<div data-google-query-id="CKx9"><p>Okafor retired last spring after thirty years at the desk.</p></div>'],
    ['class sponsored-content', '<div class="sponsored-content"><p>The renovation took two years and cost 12 million dollars, our partner reports.</p></div>'],
    ['class partner-content', '<div class="partner-content"><p>A local foundation gave 5 million dollars to the library, sources claim.</p></div>'],
    ['class promo-story', '<aside-box class="promo-story"><p>Eighty volunteers quit on the first weekend, a promoted post says.</p></aside-box>'],
  ];
  for (const [label, box] of boxes) {
    it(`leaves out ${label}, even where its marking names the article`, async () => {
      assert.deepEqual(await paragraphs(page([box])), LINES);
      assert.deepEqual(await paragraphs(page(['', '', box])), LINES);
    });
  }

  it('leaves out every kind at once, so the paragraph numbers match the article', async () => {
    assert.deepEqual(await paragraphs(page(boxes.map(([, b]) => b))), LINES);
  });

  it('keeps the article container itself when it carries ad attributes or an ad class', async () => {
    for (const open of ['<div class="story-body has-ads">', '<div data-ad-targeting="news">', '<section class="sponsored-content">']) {
      const html = `<html><body><nav><a href="/">Home</a></nav>${open}${LINES.map((l) => `<p>${l}</p>`).join('')}</${open.slice(1, open.indexOf(' '))}></body></html>`;
      assert.deepEqual(await paragraphs(html), LINES, open);
    }
    const html = `<html><body><article data-ad-slot="top" class="ad-ready">${LINES.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`;
    assert.deepEqual(await paragraphs(html), LINES);
  });

  it('keeps an <ins> that marks an inserted passage (no ad class or attribute)', async () => {
    const html = page([`<p><ins class="correction">${'Correction: the foundation gave half a million dollars, not one million.'}</ins></p>`]);
    const got = await paragraphs(html);
    assert.ok(got.includes('Correction: the foundation gave half a million dollars, not one million.'), got.join('\n'));
  });
});
