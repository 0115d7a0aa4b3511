// Every citation form a draft can use, read by findCitations with exact key and locator spans
// (UTF-16 code units), and what is not a citation.
import { strict as assert } from 'node:assert';
import { findCitations, isCrossReference, keysInText, readLocator } from '../../src/core/draft/citations';
import type { LocatorKind } from '../../src/core/types';

interface Expected {
  key: string;
  /** The key's text as it stands in the draft (inside braces for a braced key). */
  locator?: string;
  kind?: LocatorKind;
  paragraph?: number;
  page?: number;
  last?: number;
  prefix?: string;
  suffix?: string;
  suppressAuthor?: boolean;
}

interface Row {
  name: string;
  text: string;
  /** The citation's text as it stands. */
  raw: string;
  form: 'bracketed' | 'in-text';
  items: Expected[];
}

const ROWS: Row[] = [
  { name: 'a bracketed key', text: 'The pier reopened [@pier-works].', raw: '[@pier-works]', form: 'bracketed', items: [{ key: 'pier-works' }] },
  { name: 'suppressed author', text: 'Quill said so [-@pier-works].', raw: '[-@pier-works]', form: 'bracketed', items: [{ key: 'pier-works', suppressAuthor: true }] },
  {
    name: 'prefix, locator and suffix in two items',
    text: 'Costs rose [see @pier-works, pp. 3-5; also @dock-audit, ch. 1].',
    raw: '[see @pier-works, pp. 3-5; also @dock-audit, ch. 1]',
    form: 'bracketed',
    items: [
      { key: 'pier-works', prefix: 'see', locator: 'pp. 3-5', kind: 'page', page: 3, last: 5 },
      { key: 'dock-audit', prefix: 'also', locator: 'ch. 1', kind: 'chapter' },
    ],
  },
  { name: 'an en-dash page range and a suffix', text: 'Rents fell [@dock-audit, pp. 12–14 and passim].', raw: '[@dock-audit, pp. 12–14 and passim]', form: 'bracketed', items: [{ key: 'dock-audit', locator: 'pp. 12–14', kind: 'page', page: 12, last: 14, suffix: 'and passim' }] },
  { name: '¶ without a space', text: 'Rents fell [@dock-audit, ¶7].', raw: '[@dock-audit, ¶7]', form: 'bracketed', items: [{ key: 'dock-audit', locator: '¶7', kind: 'paragraph', paragraph: 7 }] },
  { name: 'para. and paras.', text: 'Rents fell [@dock-audit, paras. 2-3].', raw: '[@dock-audit, paras. 2-3]', form: 'bracketed', items: [{ key: 'dock-audit', locator: 'paras. 2-3', kind: 'paragraph', paragraph: 2, last: 3 }] },
  { name: 'page spelt out', text: 'Rents fell [@dock-audit, page 9].', raw: '[@dock-audit, page 9]', form: 'bracketed', items: [{ key: 'dock-audit', locator: 'page 9', kind: 'page', page: 9 }] },
  { name: 'p. without a comma', text: 'Rents fell [@dock-audit p. 9].', raw: '[@dock-audit p. 9]', form: 'bracketed', items: [{ key: 'dock-audit', locator: 'p. 9', kind: 'page', page: 9 }] },
  { name: 'a bare number is a page, as in Pandoc', text: 'Rents fell [@dock-audit, 33].', raw: '[@dock-audit, 33]', form: 'bracketed', items: [{ key: 'dock-audit', locator: '33', kind: 'page', page: 33 }] },
  { name: 'sec. and section are shown, not checked', text: 'Rents fell [@dock-audit, sec. 4.2; @pier-works, section 3].', raw: '[@dock-audit, sec. 4.2; @pier-works, section 3]', form: 'bracketed', items: [{ key: 'dock-audit', locator: 'sec. 4.2', kind: 'section' }, { key: 'pier-works', locator: 'section 3', kind: 'section' }] },
  { name: 'chap. and chapter', text: 'See [@dock-audit, chap. 2; @pier-works, chapter 5].', raw: '[@dock-audit, chap. 2; @pier-works, chapter 5]', form: 'bracketed', items: [{ key: 'dock-audit', locator: 'chap. 2', kind: 'chapter' }, { key: 'pier-works', locator: 'chapter 5', kind: 'chapter' }] },
  { name: 'a braced key in brackets', text: 'The pier reopened [@{pier-works}].', raw: '[@{pier-works}]', form: 'bracketed', items: [{ key: 'pier-works' }] },
  { name: 'a braced key with punctuation Pandoc needs braces for', text: 'As @{harbour:board.2025.} found, tolls rose.', raw: '@{harbour:board.2025.}', form: 'in-text', items: [{ key: 'harbour:board.2025.' }] },
  { name: 'an in-text key', text: 'As @pier-works notes, the pier reopened.', raw: '@pier-works', form: 'in-text', items: [{ key: 'pier-works' }] },
  { name: 'an in-text key with ¶ in brackets', text: '@pier-works [¶4] says the pier reopened.', raw: '@pier-works [¶4]', form: 'in-text', items: [{ key: 'pier-works', locator: '¶4', kind: 'paragraph', paragraph: 4 }] },
  { name: 'an in-text key with a page and a suffix', text: 'Then @dock-audit [p. 4, in a table] lists tolls.', raw: '@dock-audit [p. 4, in a table]', form: 'in-text', items: [{ key: 'dock-audit', locator: 'p. 4', kind: 'page', page: 4, suffix: 'in a table' }] },
  { name: 'an in-text key before its full stop', text: 'The figures come from @dock-audit.', raw: '@dock-audit', form: 'in-text', items: [{ key: 'dock-audit' }] },
  { name: 'doubled punctuation ends a key', text: 'So says @dock--audit here.', raw: '@dock', form: 'in-text', items: [{ key: 'dock' }] },
  { name: 'an emoji before the citation', text: '🚢⚓ The pier reopened [@pier-works, ¶2].', raw: '[@pier-works, ¶2]', form: 'bracketed', items: [{ key: 'pier-works', locator: '¶2', kind: 'paragraph', paragraph: 2 }] },
  { name: 'an emoji before an in-text key', text: '🚢 @pier-works [p. 3] counts the boats.', raw: '@pier-works [p. 3]', form: 'in-text', items: [{ key: 'pier-works', locator: 'p. 3', kind: 'page', page: 3 }] },
];

describe('citeforms: every citation form', () => {
  for (const row of ROWS) {
    it(`reads ${row.name}`, () => {
      const cs = findCitations(row.text);
      assert.equal(cs.length, 1, `one citation in “${row.text}”: ${cs.map((c) => c.raw).join(' | ')}`);
      const [c] = cs;
      assert.equal(c.error, undefined);
      assert.equal(c.start, row.text.indexOf(row.raw));
      assert.equal(row.text.slice(c.start, c.end), row.raw);
      assert.equal(c.raw, row.raw);
      assert.equal(c.form ?? 'bracketed', row.form);
      assert.equal(c.items.length, row.items.length);
      let from = c.start;
      row.items.forEach((want, n) => {
        const item = c.items[n];
        assert.equal(item.key, want.key);
        // The key span is the key's own characters, found after the previous item's.
        const keyAt = row.text.indexOf(want.key, from);
        assert.deepEqual(item.keySpan, { start: keyAt, end: keyAt + want.key.length });
        from = item.keySpan.end;
        if (want.locator) {
          const at = row.text.indexOf(want.locator, from);
          assert.deepEqual(item.locatorSpan, { start: at, end: at + want.locator.length }, 'locator span');
          assert.equal(item.locator?.text, want.locator);
          assert.equal(item.locator?.kind, want.kind);
          assert.equal(item.locator?.last, want.last);
        } else {
          assert.equal(item.locatorSpan, undefined);
          assert.equal(item.locator, undefined);
        }
        assert.equal(item.paragraph, want.paragraph);
        assert.equal(item.page, want.page);
        assert.equal(item.prefix, want.prefix);
        assert.equal(item.suffix, want.suffix);
        assert.equal(item.suppressAuthor, want.suppressAuthor);
      });
    });
  }

  it('counts offsets in UTF-16 code units, as VS Code does', () => {
    const text = '🚢 [@pier-works, ¶2]';
    const [c] = findCitations(text);
    // The ship is two code units, then a space, "[" and "@": the key starts at 5.
    assert.deepEqual(c.items[0].keySpan, { start: 5, end: 15 });
    assert.deepEqual(c.items[0].locatorSpan, { start: 17, end: 19 });
    assert.equal(c.end, 20);
  });

  it('finds several forms in one paragraph, in text order', () => {
    const text = 'As @pier-works reports, tolls rose [@dock-audit, p. 2]; @{odd key} [¶1] agrees.';
    assert.deepEqual(
      findCitations(text).map((c) => [c.form ?? 'bracketed', c.items.map((i) => i.key).join()]),
      [
        ['in-text', 'pier-works'],
        ['bracketed', 'dock-audit'],
        ['in-text', 'odd key'],
      ],
    );
  });

  describe('what is not a citation', () => {
    const none: [string, string][] = [
      ['an e-mail address', 'Write to desk@pier-works.org with tips.'],
      ['an e-mail address with a braced part', 'Mail name@{x} is no key.'],
      ['Quarto cross-references', 'See @sec-intro and @fig-map, then @tbl-tolls, @eq-growth, @lst-code and @thm-one.'],
      ['a capitalised cross-reference at a sentence start', '@Fig-map shows the pier.'],
      ['a pandoc-crossref reference', 'As @fig:harbour shows.'],
      ['a bracketed cross-reference', 'The pier [@fig-pier] is long.'],
      ['a handle inside a URL', 'Posted at https://social.example/@pierwatch today.'],
      ['an escaped @', 'Type \\@pier-works to cite.'],
      ['a lone @', 'Meet @ noon by the pier.'],
      ['an @ inside a link label', 'Follow [the desk @pierwatch](https://social.example/pierwatch).'],
      ['an @ after a word', 'The pier@night series ran.'],
      ['an @ in an HTML attribute', 'A <span title="@pier-works">pier</span> here.'],
    ];
    for (const [name, text] of none) it(`skips ${name}`, () => assert.deepEqual(findCitations(text), []));

    it('keeps the real key of a citation that mixes a cross-reference in', () => {
      const [c] = findCitations('Tolls [@fig-tolls; @dock-audit].');
      assert.deepEqual(c.items.map((i) => i.key), ['dock-audit']);
      assert.equal(c.error, undefined);
    });

    it('leaves a bracket after an in-text key alone unless it is a locator', () => {
      const [c] = findCitations('As @pier-works [the harbour paper] says.');
      assert.equal(c.raw, '@pier-works');
      const [d] = findCitations('As @pier-works [link](https://x.example) says.');
      assert.equal(d.raw, '@pier-works');
    });

    it('tells cross-reference keys from citation keys', () => {
      for (const k of ['fig-map', 'tbl-a', 'sec-intro', 'eq-1', 'lst-x', 'thm-y', 'Fig-map', 'fig:map']) assert.ok(isCrossReference(k), k);
      for (const k of ['figures-2024', 'section-report', 'pier-works', 'eq']) assert.ok(!isCrossReference(k), k);
    });
  });

  describe('citations it cannot read', () => {
    const bad: [string, RegExp][] = [
      ['A [@pier-works, ¶x] b.', /not a paragraph number/],
      ['A [@pier-works, ¶0] b.', /count from ¶1/],
      ['A [@{pier-works] b.', /no closing “}”/],
      ['A [@{} ] b.', /hold no key/],
      ['A [@pier-works b.', /no closing “\]”/],
      ['A [see it; @pier-works] b.', /has no “@key”/],
      ['A @{unclosed key b.', /no closing “}”/],
      ['A @pier-works [¶x] b.', /not a paragraph number/],
    ];
    for (const [text, message] of bad) {
      it(`reports “${text}”`, () => {
        const cs = findCitations(text);
        assert.equal(cs.length, 1);
        assert.match(cs[0].error ?? '', message);
      });
    }

    it('still cites the key of a citation whose locator is unreadable', () => {
      const [c] = findCitations('A [@pier-works, ¶x] b.');
      assert.deepEqual(c.items.map((i) => i.key), ['pier-works']);
    });
  });

  it('reads locators on their own', () => {
    assert.deepEqual(readLocator('pp. 3–5 and after'), { kind: 'page', length: 7, first: 3, last: 5 });
    assert.deepEqual(readLocator('¶ 12'), { kind: 'paragraph', length: 4, first: 12, last: undefined });
    assert.equal(readLocator('paramount'), undefined);
    assert.equal(readLocator('and passim'), undefined);
    assert.equal(readLocator('p. iv')?.first, undefined, 'a roman page is shown, not checked');
  });

  it('finds keys in a footnote body: in-text, braced, bracketed; no e-mail or cross-reference', () => {
    assert.deepEqual(keysInText('Reporting by desk@pier.org; see @pier-works, para. 1, and @{dock audit} [@tolls-2025] with @fig-1.'), ['pier-works', 'dock audit', 'tolls-2025']);
  });
});

describe('citeforms: long hostile lines', () => {
  it('reads a long line of half-open braces and unclosed locator brackets, with every in-text key found', () => {
    const n = 20_000;
    const cs = findCitations('@{open @k '.repeat(n));
    assert.equal(cs.filter((c) => c.error).length, n, 'each unclosed braced key reported');
    assert.equal(cs.filter((c) => !c.error && c.items[0]?.key === 'k').length, n, 'each in-text key kept');
    const open = findCitations(`@k [p. 4${' and more'.repeat(n)}`);
    assert.deepEqual(open.map((c) => c.raw), ['@k'], 'a locator bracket that never closes is not read as one');
    assert.equal(findCitations('@a '.repeat(100_000)).length, 100_000);
  });
});
