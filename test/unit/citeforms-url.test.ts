// Web addresses compared as one article (src/core/text/url.ts): what is dropped and what is kept.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isTrackingParameter, normalizeUrl, sameUrl } from '../../src/core/text/url';

describe('citeforms: normalising URLs', () => {
  const same: [string, string][] = [
    ['http://example.org/news/story', 'https://example.org/news/story'],
    ['https://WWW.Example.ORG/news/story', 'https://example.org/news/story'],
    ['https://example.org/news/story/', 'https://example.org/news/story'],
    ['https://example.org/news/story#comments', 'https://example.org/news/story'],
    ['https://example.org/news/story?utm_source=feed&utm_medium=rss', 'https://example.org/news/story'],
    ['https://example.org/news/story?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2', 'https://example.org/news/story'],
    ['https://example.org:443/news/story', 'https://example.org/news/story'],
    ['http://example.org:80/news/story', 'https://example.org/news/story'],
    ['https://user:secret@example.org/news/story', 'https://example.org/news/story'],
    ['https://example.org/news/story?b=2&a=1', 'https://example.org/news/story?a=1&b=2'],
    ['https://example.org/news/story?a=1&utm_campaign=x', 'https://example.org/news/story?a=1'],
    ['<https://example.org/news/story>', 'https://example.org/news/story'],
    ['www.example.org/news/story', 'https://example.org/news/story'],
    ['//example.org/news/story', 'https://example.org/news/story'],
    ['https://example.org', 'https://example.org/'],
    ['  https://example.org/a  ', 'https://example.org/a'],
  ];
  for (const [a, b] of same) it(`treats ${a} as ${b}`, () => assert.ok(sameUrl(a, b), `${normalizeUrl(a)} ≠ ${normalizeUrl(b)}`));

  const different: [string, string][] = [
    ['https://example.org/news/Story', 'https://example.org/news/story'],
    ['https://example.org/news/story?id=4', 'https://example.org/news/story?id=5'],
    ['https://example.org/news/story?ref=main', 'https://example.org/news/story'],
    ['https://example.org/news/story?page=2', 'https://example.org/news/story'],
    ['https://news.example.org/story', 'https://example.org/story'],
    ['https://example.org:8080/story', 'https://example.org/story'],
    ['https://example.org/a/b', 'https://example.org/a'],
  ];
  for (const [a, b] of different) it(`keeps ${a} apart from ${b}`, () => assert.ok(!sameUrl(a, b)));

  it('gives the normal form: https, bare host, no trailing slash, sorted parameters', () => {
    assert.equal(normalizeUrl('HTTP://WWW.Example.org/News/?z=1&utm_x=2&a=b#f'), 'https://example.org/News?a=b&z=1');
    assert.equal(normalizeUrl('https://example.org/'), 'https://example.org');
  });

  it('answers undefined for what is no web address, and never throws', () => {
    for (const raw of ['', '   ', 'mailto:desk@example.org', 'javascript:alert(1)', 'ftp://example.org/a', '../notes/story.md', '#section', 'not a url', 'https://', 'http://[::1', 'file:///etc/passwd']) {
      assert.equal(normalizeUrl(raw), undefined, raw);
    }
    assert.equal(sameUrl('mailto:a@b.org', 'mailto:a@b.org'), false, 'two unusable addresses are not the same page');
  });

  it('knows tracking parameters by name, and keeps content ones', () => {
    for (const n of ['utm_source', 'UTM_Medium', 'utm_anything', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'msclkid']) assert.ok(isTrackingParameter(n), n);
    for (const n of ['ref', 'id', 'page', 's', 'q', 'utm']) assert.ok(!isTrackingParameter(n), n);
  });

  it('is idempotent and ignores scheme and www on any address (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (u) => {
        const n = normalizeUrl(u);
        if (n === undefined) return;
        assert.equal(normalizeUrl(n), n);
        const swapped = u.startsWith('https:') ? `http:${u.slice(6)}` : `https:${u.slice(5)}`;
        assert.equal(normalizeUrl(swapped), n);
      }),
      { numRuns: 200 },
    );
  });
});
