// Saved pages whose paragraphs are not plain <p> elements in the article: paragraphs made of nested
// divs, and boxes, captions and tables that must not shift the paragraph numbers.
import { strict as assert } from 'node:assert';
import { readReferenceSource } from '../../src/core';

const paragraphs = async (html: string, name: string): Promise<string[]> =>
  (await readReferenceSource(new TextEncoder().encode(html), name)).text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && !p.startsWith('#'));

const LINES = [
  'The orchard cooperative in Wenatchee shipped its first cider to Tokyo on Monday, after eleven years of trade talks.',
  'Growers said the late frost had cut the apple harvest by a third across the valley.',
  'The cooperative hired forty seasonal pickers, most of them from the nearby town of Cashmere.',
  'A packing plant on the river will run two shifts until the end of November.',
  'Buyers in Osaka asked for a second shipment before the new year, a spokesman said.',
  'The county extension office plans a pruning workshop for small growers in February.',
];

describe('saved pages: paragraphs made of divs, boxes and tables', () => {
  for (const [label, open, close] of [
    ['two divs', '<div><div>', '</div></div>'],
    ['seven divs around a span', '<div>'.repeat(7) + '<span>', '</span>' + '</div>'.repeat(7)],
    ['a section around a div', '<section><div>', '</div></section>'],
  ] as const) {
    it(`keeps every paragraph of a page that wraps each in ${label} without <p>`, async () => {
      const html = `<html><head><title>Cider</title></head><body>\n${LINES.map((l) => open + l + close).join('\n')}\n</body></html>`;
      assert.deepEqual(await paragraphs(html, 'cider.html'), LINES);
    });
  }

  it('leaves out ads, captions, sign-up and sharing boxes and comments, so paragraph numbers match the article', async () => {
    const html = `<html><head><title>Cider</title></head><body><article>
<h1>Cider goes east</h1>
<p>${LINES[0]}</p>
<div class="ad-slot"><p>Advertisement: tractors half price this weekend only at the valley dealer.</p></div>
<p>${LINES[1]}</p>
<figure><img src="a.jpg"><figcaption>Pickers at work near the river in October.</figcaption></figure>
<p>${LINES[2]}</p>
<div class="newsletter_box"><p>Sign up for the morning brief and get farm news in your inbox daily.</p></div>
<div id="share-tools"><p>Share this story with friends on every network you use.</p></div>
<div aria-label="Related stories"><p>Pear growers brace for a wet spring, the extension office warns.</p></div>
<p>${LINES[3]}</p>
<p>${LINES[4]}</p>
</article>
<div class="comments"><p>Reader from Chelan: the frost cut the harvest in half, not by a third, and everyone here knows it.</p>
<p>Another reader: the plant runs three shifts, my cousin works there and told me so.</p></div>
</body></html>`;
    assert.deepEqual(await paragraphs(html, 'cider.html'), LINES.slice(0, 5));
  });

  it('keeps an article whose own box carries a loose marking (a share-buttons class on the article)', async () => {
    const html = `<html><body><div class="post has-share-buttons">${LINES.map((l) => `<p>${l}</p>`).join('')}</div></body></html>`;
    assert.deepEqual(await paragraphs(html, 'cider.html'), LINES);
  });

  it('reads a table as one paragraph per row, its cells joined', async () => {
    const html = `<html><body><article><p>${LINES[0]}</p><p>${LINES[1]}</p>
<table><tr><th>Variety</th><th>Tonnes</th></tr><tr><td>Honeycrisp</td><td>1,200</td></tr><tr><td>Gala</td><td>850</td></tr></table>
<p>${LINES[2]}</p></article></body></html>`;
    assert.deepEqual(await paragraphs(html, 'cider.html'), [LINES[0], LINES[1], 'Variety | Tonnes', 'Honeycrisp | 1,200', 'Gala | 850', LINES[2]]);
  });
});
