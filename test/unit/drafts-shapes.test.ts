// The draft shapes of issue 9, each with fresh wording: the one wrong time word ("Thursday"; the
// source says Tuesday) is flagged contradicted exactly once, and nothing else goes wrong.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft, loadReference, parseDraft, referenceMetaFromText, type CheckResult, type Dialect } from '../../src/core';

const refText = readFileSync(join(__dirname, '../fixtures/drafts/canal-meeting.md'), 'utf8');
const ref = loadReference(refText, referenceMetaFromText(refText, 'canal-meeting.md'));
const WRONG = 'Varga met Okafor in Springfield on Thursday';

/** Checks `draft` and asserts the one contradiction, on "Thursday", with no problem and no other finding against the source. */
/** The draft's one wrong time word flagged, and nothing else wrong; `notes` lists the information notes expected. */
function flaggedOnce(draft: string, dialect?: Dialect, notes: string[] = []): CheckResult {
  const r = checkDraft(draft, [ref], { dialect });
  const contradicted = r.verdicts.filter((v) => v.kind === 'contradicted');
  assert.equal(contradicted.length, 1, `one contradiction, got ${JSON.stringify(r.verdicts.map((v) => [v.kind, v.claim.text]))}`);
  const [v] = contradicted;
  assert.equal(v.category, 'time');
  assert.equal(draft.slice(v.focus!.start, v.focus!.end), 'Thursday');
  assert.ok(v.claim.text.startsWith(WRONG), v.claim.text);
  assert.deepEqual(r.problems.map((p) => p.code), notes, JSON.stringify(r.problems));
  for (const x of r.verdicts) for (const f of x.fixes) for (const e of f.edits) assert.ok(e.start >= x.claim.start && e.end <= x.claim.end, 'fix inside its statement');
  return r;
}

describe('draft shapes (issue 9)', () => {
  it('1. a YAML block list of references in front matter links the draft', () => {
    const d = `---\ntitle: Canal notes\nreferences:\n  - canal-meeting\n---\n${WRONG}.\n`;
    assert.deepEqual(parseDraft(d).frontMatterKeys, ['canal-meeting']);
    flaggedOnce(d);
  });

  it('1b. our own sourcecheck: { references } key links the draft', () => {
    flaggedOnce(`---\nsourcecheck:\n  references: [canal-meeting]\n---\n${WRONG}.\n`);
  });

  it('2. TOML front matter is read and never judged', () => {
    const d = `+++\ntitle = "Canal notes: Springfield on Friday"\nreferences = ["canal-meeting"]\n+++\n${WRONG}.\n`;
    const p = parseDraft(d);
    assert.deepEqual(p.frontMatterKeys, ['canal-meeting']);
    assert.ok(p.blocks.every((b) => b.start > d.indexOf('+++', 3)));
    flaggedOnce(d);
  });

  it('3. list items without full stops are statements of their own, and a fix stays in its item', () => {
    const d = `* ${WRONG} [@canal-meeting]\n* Shop owners said the closure had cut their trade [@canal-meeting]\n`;
    const p = parseDraft(d);
    assert.deepEqual(p.blocks.flatMap((b) => b.claims.map((c) => c.text)), [WRONG, 'Shop owners said the closure had cut their trade']);
    const r = flaggedOnce(d);
    const fix = r.verdicts.find((v) => v.kind === 'contradicted')!.fixes[0];
    const fixed = d.slice(0, fix.edits[0].start) + fix.edits[0].newText + d.slice(fix.edits[0].end);
    assert.equal(fixed.split('\n').length, d.split('\n').length);
    assert.equal((fixed.match(/\[@canal-meeting\]/g) ?? []).length, 2);
  });

  it('4. a GFM table cell is a statement', () => {
    const d = `| Who | What |\n| --- | --- |\n| Varga | ${WRONG} [@canal-meeting]. |\n`;
    const claims = parseDraft(d).blocks.flatMap((b) => b.claims.map((c) => c.text));
    assert.ok(claims.includes(`${WRONG}.`), JSON.stringify(claims));
    flaggedOnce(d);
  });

  it('6. MDX: import/export lines and a {/* */} comment are never judged', () => {
    const d = `import Chart from './chart.js'\nexport const meta = { title: 'Canal' }\n\n{/* Varga met Okafor in Chicago on Sunday [@canal-meeting]. */}\n\n${WRONG} [@canal-meeting].\n\n<Chart data={[1, 2]} />\n`;
    const p = parseDraft(d, { dialect: 'mdx' });
    assert.deepEqual(p.blocks.flatMap((b) => b.claims.map((c) => c.text)), [`${WRONG}.`]);
    flaggedOnce(d, 'mdx');
  });

  it('6b. MDX comments can hold suppression directives', () => {
    const d = `${WRONG} [@canal-meeting]. {/* factcheck-ignore */}\n`;
    const r = checkDraft(d, [ref], { dialect: 'mdx' });
    assert.ok(r.verdicts.every((v) => v.kind !== 'contradicted' || v.suppressed));
  });

  it('7. Pandoc inline bibliography: CSL items under references: are known keys, not linked keys', () => {
    const d = [
      '---',
      'references:',
      '- id: canal-meeting',
      '  type: article-newspaper',
      '  title: Mayor asks state for help as canal repairs stall',
      '  container-title: Valley Courier',
      '  issued:',
      '    date-parts: [[2025, 4, 8]]',
      '- id: lock-report',
      '  type: report',
      '  title: Lock inspection report',
      '---',
      `${WRONG} [@canal-meeting]. The locks were inspected twice [@lock-report].`,
      '',
    ].join('\n');
    const p = parseDraft(d);
    assert.deepEqual(p.frontMatterKeys, []);
    assert.deepEqual(p.inlineSources.map((s) => [s.key, s.outlet ?? null, s.date ?? null]), [['canal-meeting', 'Valley Courier', '2025-04-08'], ['lock-report', null, null]]);
    // lock-report has no text: citing it is no unknown key, only the note that there is nothing to check against.
    const r = flaggedOnce(d, undefined, ['no-text']);
    assert.match(r.problems[0].message, /Lock inspection report/);
    assert.equal(d.slice(r.problems[0].start, r.problems[0].end), 'lock-report');
  });

  it('8. a key in the second, indented paragraph of a footnote is found', () => {
    const d = `${WRONG}.[^desk]\n\n[^desk]: Reporting by the city desk.\n\n    See @canal-meeting, para. 1.\n`;
    const p = parseDraft(d);
    assert.deepEqual(p.footnoteKeys.get('desk'), ['canal-meeting']);
    assert.deepEqual(p.blocks[0].claims[0].cited, ['canal-meeting']);
    flaggedOnce(d);
  });

  it('9. Quarto ::: fences are not glued into the statement', () => {
    const d = `::: {.callout-note}\n${WRONG} [@canal-meeting].\n:::\n\n::: warning\nShop owners said the closure had cut their trade [@canal-meeting].\n:::\n`;
    const claims = parseDraft(d, { dialect: 'quarto' }).blocks.flatMap((b) => b.claims.map((c) => c.text));
    assert.deepEqual(claims, [`${WRONG}.`, 'Shop owners said the closure had cut their trade.']);
    flaggedOnce(d, 'quarto');
  });

  it('Quarto and R Markdown code chunks, chunk options and inline r code are not prose', () => {
    const d = ['---', 'title: "Canal"', 'sourcecheck:', '  references: [canal-meeting]', '---', '', '```{r}', '#| echo: false', 'x <- "Varga met Okafor in Chicago on Sunday."', '```', '', `${WRONG}. It was a day with \`r nrow(x)\` votes.`, '', '$$', 'Varga met Okafor in Chicago on Sunday.', '$$', ''].join('\n');
    for (const dialect of ['quarto', 'rmarkdown'] as const) {
      const claims = parseDraft(d, { dialect }).blocks.flatMap((b) => b.claims);
      assert.equal(claims.length, 2);
      for (const c of claims) assert.ok(!/Chicago|nrow|echo/.test(c.text), c.text);
      // The statement holding inline r code is computed: noted, not judged.
      assert.deepEqual(claims.map((c) => !!c.computed), [false, true]);
      flaggedOnce(d, dialect, ['not-checked']);
    }
  });

  it('block quotes, headings, HTML blocks and nested lists give statements; code, comments and link targets do not', () => {
    const d = [
      '# Varga met Okafor in Springfield on Thursday',
      '',
      '> Shop owners said the closure had cut their trade',
      '> [@canal-meeting].',
      '',
      '<div class="box">Repairs were discussed at length.</div>',
      '',
      '<!-- Varga met Okafor in Chicago on Sunday. -->',
      '',
      '    Varga met Okafor in Chicago on Sunday.',
      '',
      '- one [link](https://example.com/Chicago/Sunday) here',
      '  - nested item on the canal',
      '',
      '[def]: https://example.com/Sunday',
    ].join('\n');
    const claims = parseDraft(d).blocks.flatMap((b) => b.claims.map((c) => c.text));
    assert.deepEqual(claims, ['Varga met Okafor in Springfield on Thursday', 'Shop owners said the closure had cut their trade.', 'Repairs were discussed at length.', 'one link here', 'nested item on the canal']);
    const links = parseDraft(d).links;
    assert.deepEqual(links.map((l) => [d.slice(l.label.start, l.label.end), l.url]), [['link', 'https://example.com/Chicago/Sunday']]);
  });

  it('CRLF and LF drafts give the same statements at the same places, line for line', () => {
    const lf = `---\nreferences:\n  - canal-meeting\n---\n* ${WRONG}\n* Shop owners said the closure had cut their trade\n\n| a | b |\n|---|---|\n| x | the canal stays shut |\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const texts = (t: string) => parseDraft(t).blocks.flatMap((b) => b.claims.map((c) => c.text));
    assert.deepEqual(texts(crlf), texts(lf));
    for (const c of parseDraft(crlf).blocks.flatMap((b) => b.claims)) assert.ok(!/[\r\n]/.test(crlf.slice(c.start, c.end)));
  });

  it('bad front matter gives one clear notice, never a throw, and the rest is judged', () => {
    const cases: [string, RegExp][] = [
      [`---\nreferences: [canal-meeting\ntitle: x\n---\n${WRONG} [@canal-meeting].\n`, /not valid YAML/],
      [`+++\nreferences = [canal-meeting]\n+++\n${WRONG} [@canal-meeting].\n`, /not valid TOML/],
      [`---\nreferences: [canal-meeting]\n\n${WRONG} [@canal-meeting].\n`, /never closed/],
    ];
    for (const [d, message] of cases) {
      const r = checkDraft(d, [ref]);
      assert.deepEqual(r.problems.map((p) => p.code), ['front-matter'], d);
      assert.match(r.problems[0].message, message);
      assert.equal(r.verdicts.filter((v) => v.kind === 'contradicted').length, 1);
    }
  });

  it('MDX that cannot be read gives a notice and is read as Markdown', () => {
    const d = `Prices rose 3 < 4 times {oops\n\n${WRONG} [@canal-meeting].\n`;
    const r = checkDraft(d, [ref], { dialect: 'mdx' });
    assert.deepEqual(r.problems.map((p) => p.code), ['draft-syntax']);
    assert.equal(r.verdicts.filter((v) => v.kind === 'contradicted').length, 1);
  });

  it('a 5 MB table: no throw, a notice, every row a statement of its own', () => {
    const row = `| Varga | Shop owners said the closure had cut their trade [@canal-meeting]. |\n`;
    const d = '| Who | What |\n| --- | --- |\n' + row.repeat(Math.ceil((5 * 1024 * 1024) / row.length));
    const p = parseDraft(d);
    assert.deepEqual(p.notices.map((n) => n.code), ['draft-syntax']);
    assert.match(p.notices[0].message, /row by row/);
    const claims = p.blocks.flatMap((b) => b.claims);
    assert.equal(claims.filter((c) => c.text === 'Shop owners said the closure had cut their trade.' && c.explicitlyCited).length, Math.ceil((5 * 1024 * 1024) / row.length));
  });
});
