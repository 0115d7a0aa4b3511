// Draft-reading fixes: a `---` then a blank line is a thematic break, HTML blocks' scripts and styles
// are no statements, footnotes that only cite are no statements, a trailing citation belongs to its
// statement's range, a hard line break ends a statement, and computed (inline code) statements are not judged.
import { strict as assert } from 'node:assert';
import { checkDraft, loadReference, parseDraft, problemSeverity, referenceMetaFromText } from '../../src/core';

const refText = `---
key: ferry-hearing
title: Harbour board meets over ferry timetable
---
Harbour board chair Ingrid Lindqvist met pilot Tunde Adeyemi in Duluth on Tuesday to discuss the winter ferry timetable, according to the Lakeside Herald.

Fishermen warned that ferry fares would climb this autumn.
`;
const ref = loadReference(refText, referenceMetaFromText(refText, 'ferry-hearing.md'));
const statements = (text: string, dialect?: 'markdown' | 'rmarkdown' | 'quarto' | 'mdx') => parseDraft(text, { dialect }).blocks.flatMap((b) => b.claims);

describe('draft reading fixes (2)', () => {
  it('a `---` followed by a blank line is a thematic break, not front matter: the paragraph after it is read', () => {
    const text = '---\n\nLindqvist met Adeyemi in Duluth on Friday [@ferry-hearing].\n---\n\nFishermen warned that ferry fares would climb this autumn.\n';
    const claims = statements(text);
    assert.ok(claims.some((c) => c.text.startsWith('Lindqvist met Adeyemi in Duluth on Friday')), JSON.stringify(claims.map((c) => c.text)));
    const r = checkDraft(text, [ref]);
    assert.ok(r.verdicts.some((v) => v.kind === 'contradicted' && v.claim.text.includes('Friday')));
  });

  it('a block between `---` lines that is not a YAML mapping is prose, not front matter', () => {
    const text = '---\nLindqvist met Adeyemi in Duluth on Friday [@ferry-hearing].\n---\n\nMore text follows here.\n';
    const d = parseDraft(text);
    assert.ok(d.blocks.flatMap((b) => b.claims).some((c) => c.text.includes('Duluth on Friday')));
    // A real mapping is still front matter.
    const fm = parseDraft('---\ntitle: Water notes\n---\n\nLindqvist met Adeyemi in Duluth.\n');
    assert.deepEqual(fm.blocks.flatMap((b) => b.claims).map((c) => c.text), ['Lindqvist met Adeyemi in Duluth.']);
  });

  it('takes no text from script, style, pre, textarea or code in an HTML block, and cuts statements at block-level tags', () => {
    const text = [
      '<section class="widget">',
      '<script>const meeting = { day: "Friday" };',
      'function show() { return meeting; }</script>',
      '<style>.widget { margin: 0; }',
      '</style>',
      '<p>Lindqvist met Adeyemi in Duluth on Tuesday [@ferry-hearing]</p>',
      '<pre>Adeyemi left Duluth on Monday</pre><textarea>draft note Sunday</textarea>',
      '<p>Fishermen warned that ferry fares would climb <code>var x</code> soon</p>',
      '</section>',
      '',
    ].join('\n');
    const claims = statements(text);
    const texts = claims.map((c) => c.text);
    assert.deepEqual(texts, ['Lindqvist met Adeyemi in Duluth on Tuesday', 'Fishermen warned that ferry fares would climb soon'], JSON.stringify(texts));
    assert.deepEqual(claims[0].cited, ['ferry-hearing']);
  });

  it('a trailing citation in a list item or table cell lies inside the statement, and a locator fix keeps the writer\'s form', () => {
    const text = [
      '- Lindqvist met Adeyemi in Duluth on Tuesday [@ferry-hearing, para. 2]',
      '',
      '| Topic | Note |',
      '| --- | --- |',
      '| ferries | Fishermen warned that ferry fares would climb this autumn [@ferry-hearing, ¶1] |',
      '',
    ].join('\n');
    const r = checkDraft(text, [ref]);
    const fixes = r.verdicts.flatMap((v) => v.fixes.filter((f) => f.kind === 'locator').map((f) => ({ v, f })));
    assert.equal(fixes.length, 2, JSON.stringify(r.verdicts.map((v) => [v.kind, v.claim.text])));
    for (const { v, f } of fixes) for (const e of f.edits) assert.ok(e.start >= v.claim.start && e.end <= v.claim.end, `edit ${e.start}-${e.end} outside ${v.claim.start}-${v.claim.end}`);
    const listFix = fixes.find(({ v }) => v.claim.text.startsWith('Lindqvist'))!.f;
    assert.equal(listFix.edits[0].newText, 'para. 1');
    assert.equal(text.slice(listFix.edits[0].start, listFix.edits[0].end), 'para. 2');
    assert.match(listFix.title, /para\. 1/);
    const cellFix = fixes.find(({ v }) => v.claim.text.startsWith('Fishermen'))!.f;
    assert.equal(cellFix.edits[0].newText, '¶2');
  });

  it('a footnote that only cites is no statement, and "para. 2" does not end a sentence', () => {
    const text = [
      'Lindqvist met Adeyemi in Duluth on Friday.[^w] Fishermen warned that fares would climb.[^x]',
      '',
      '[^w]: See @ferry-hearing, ¶1.',
      '',
      '[^x]: Cf. @ferry-hearing, para. 2. The board met again in March.',
      '',
    ].join('\n');
    const texts = statements(text).map((c) => c.text);
    assert.ok(!texts.some((t) => /^(See|Cf\.)/.test(t) || /^\d/.test(t)), JSON.stringify(texts));
    assert.ok(texts.includes('The board met again in March.'), JSON.stringify(texts));
    const r = checkDraft(text, [ref]);
    assert.ok(!r.verdicts.some((v) => /ferry-hearing|^\s*(See|Cf)/.test(v.claim.text)), JSON.stringify(r.verdicts.map((v) => v.claim.text)));
    assert.ok(r.verdicts.some((v) => v.kind === 'contradicted' && v.claim.text.includes('Friday')));
    // In a paragraph, a locator abbreviation does not end the sentence either.
    const para = statements('Fishermen warned that fares would climb (see @ferry-hearing, para. 2). Lindqvist spoke later.\n').map((c) => c.text);
    assert.equal(para.length, 2, JSON.stringify(para));
  });

  it('a hard line break (backslash or two spaces) ends a statement', () => {
    for (const brk of ['\\', '  ']) {
      const text = `Fishermen warned that fares would climb [@ferry-hearing]${brk}\nLindqvist met Adeyemi in Duluth on Friday\n`;
      const texts = statements(text).map((c) => c.text);
      assert.deepEqual(texts, ['Fishermen warned that fares would climb', 'Lindqvist met Adeyemi in Duluth on Friday'], JSON.stringify(brk));
    }
  });

  it('a statement with computed content (R Markdown or Quarto inline code, an MDX expression) gets a not-checked note, no verdict', () => {
    const cases: [string, 'rmarkdown' | 'quarto' | 'mdx'][] = [
      ['Lindqvist met Adeyemi in Duluth on `r meeting_day` [@ferry-hearing]. Fishermen warned that ferry fares would climb this autumn [@ferry-hearing].\n', 'rmarkdown'],
      ['Lindqvist met Adeyemi in Duluth on `{python} meeting_day` [@ferry-hearing]. Fishermen warned that ferry fares would climb this autumn [@ferry-hearing].\n', 'quarto'],
      ['Lindqvist met Adeyemi in Duluth on {meetingDay} [@ferry-hearing]. Fishermen warned that ferry fares would climb this autumn [@ferry-hearing].\n', 'mdx'],
    ];
    for (const [text, dialect] of cases) {
      const r = checkDraft(text, [ref], { dialect });
      assert.ok(!r.verdicts.some((v) => v.claim.text.startsWith('Lindqvist')), `${dialect}: ${JSON.stringify(r.verdicts.map((v) => [v.kind, v.claim.text]))}`);
      assert.ok(r.verdicts.some((v) => v.kind === 'supported' && v.claim.text.startsWith('Fishermen')), dialect);
      const notes = r.problems.filter((p) => p.code === 'not-checked');
      assert.equal(notes.length, 1, dialect);
      assert.match(text.slice(notes[0].start, notes[0].end), /^Lindqvist met Adeyemi/);
      assert.match(notes[0].message, /computed/);
      const claim = statements(text, dialect).find((c) => c.text.startsWith('Lindqvist'))!;
      assert.ok(!claim.text.includes('\uFFFC'));
    }
    assert.equal(problemSeverity('not-checked'), 'information');
  });
});
