import { strict as assert } from 'node:assert';
import { parseDraft } from '../../src/core';
import { findCitations } from '../../src/core/draft/citations';

const claims = (t: string) => parseDraft(t).blocks.flatMap((b) => b.claims);

describe('reading a draft', () => {
  it('skips front matter, code, HTML comments and link targets; a headline is a statement', () => {
    const t = [
      '---',
      'title: Draft',
      'references: [city-hall, other]',
      '---',
      '# A headline is a statement too',
      '',
      'The mayor spoke on [Tuesday](https://example.com/a.b) to reporters.',
      '',
      '```',
      'Code that says nothing. More code.',
      '```',
      '<!-- a note. Another note. -->',
      'Second statement here.',
      '',
      '[link]: https://example.com/x.y',
    ].join('\n');
    const d = parseDraft(t);
    assert.deepEqual(d.frontMatterKeys, ['city-hall', 'other']);
    assert.deepEqual(
      claims(t).map((c) => c.text),
      ['A headline is a statement too', 'The mayor spoke on Tuesday to reporters.', 'Second statement here.'],
    );
    for (const c of claims(t)) assert.ok(t.slice(c.start, c.end).startsWith(c.text.slice(0, 10)));
  });

  it('reads Pandoc citations with locators and several keys', () => {
    const t = 'One [@a]. Two [@b, ¶3]. Three [see @c, para. 2; @d]. Mail me at x@y.com today.';
    const cs = findCitations(t);
    assert.deepEqual(
      cs.map((c) => c.items.map((i) => [i.key, i.paragraph])),
      [[['a', undefined]], [['b', 3]], [['c', 2], ['d', undefined]]],
    );
    const loc = cs[1].items[0].locatorSpan!;
    assert.equal(t.slice(loc.start, loc.end), '¶3');
    assert.equal(t.slice(cs[2].items[1].keySpan.start, cs[2].items[1].keySpan.end), 'd');
    const [, two, three] = claims(t);
    assert.deepEqual(two.cited, ['b']);
    assert.ok(two.explicitlyCited);
    assert.deepEqual(three.cited, ['c', 'd']);
  });

  it('flags citations it cannot read', () => {
    const errors = (t: string) => findCitations(t).map((c) => c.error);
    assert.match(errors('Broken [@ here.')[0] ?? '', /closing/);
    assert.match(errors('Bad [@key, ¶x] here.')[0] ?? '', /paragraph number/);
    assert.match(errors('Empty [@@a;;] here.')[0] ?? '', /./);
  });

  it('gives a citation after the full stop to the statement before it', () => {
    const [first, second] = claims('The bridge closed. [@city] It reopened.');
    assert.deepEqual(first.cited, ['city']);
    assert.deepEqual(second.cited, []);
  });

  it('takes keys from footnotes and links the whole draft through front matter', () => {
    const t = '---\nreferences: city\n---\nThe bridge closed.[^1] It reopened.\n\n[^1]: See @other, p. 2.\n';
    const [first, second] = claims(t);
    assert.deepEqual(first.cited.sort(), ['city', 'other']);
    assert.ok(first.explicitlyCited);
    assert.deepEqual(second.cited, ['city']);
    assert.equal(second.explicitlyCited, false);
  });

  it('finds direct quotations with straight and curly quotes', () => {
    const [c] = claims('She said “the bridge is safe” and "we will reopen it" today.');
    assert.deepEqual(c.quotes.map((q) => q.text), ['the bridge is safe', 'we will reopen it']);
  });

  it('handles empty and whitespace-only drafts', () => {
    assert.deepEqual(claims(''), []);
    assert.deepEqual(claims(' \n\r\n\t '), []);
  });
});
