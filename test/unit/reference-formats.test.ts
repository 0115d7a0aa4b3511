// References as newsrooms keep them: saved web pages and PDFs read into the same paragraphs as
// Markdown, judged the same, their metadata kept, their bad input refused with a clear message, and
// nothing in them ever run or fetched.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkDraft,
  InputError,
  loadReference,
  MAX_PDF_PAGES,
  readReferenceSource,
  referenceMetaFromText,
  type CheckResult,
  type Reference,
  type SourceText,
} from '../../src/core';
import { findCitations } from '../../src/core';
import { MAX_NESTING, MAX_TAGS } from '../../src/core/reference/formats/html';
import { hoverAt } from '../../src/vscode/present/hover';
import { handWrittenPdf, imageOnlyPdf, manyPagesPdf, paragraphsPdf, PASSWORD_TRAILER } from '../support/pdfs';

const DIR = join(__dirname, '..', 'fixtures', 'references', 'kinds');
const fixture = (name: string) => readFileSync(join(DIR, name));
const markdown = (name: string): Reference => {
  const text = readFileSync(join(DIR, name), 'utf8');
  return loadReference(text, referenceMetaFromText(text, join(DIR, name)));
};
/** The body paragraphs of a Markdown fixture (after its front matter). */
const bodyParagraphs = (name: string) => readFileSync(join(DIR, name), 'utf8').split(/^---$/m)[2].trim().split(/\n\n+/);
const load = (s: SourceText) => loadReference(s.text, s.meta, s.pages);

async function rejects(p: Promise<unknown>, code: InputError['code'], pattern: RegExp): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    return e;
  }
  assert.fail('expected the read to fail');
}

/** What a verdict says, without offsets into the draft's reference (which differ by kind). */
function verdictsOf(r: CheckResult) {
  return r.verdicts.map((v) => ({
    claim: v.claim.text,
    kind: v.kind,
    category: v.category,
    evidence: v.evidence.map((e) => ({ reference: e.reference, paragraph: e.paragraph, text: e.text })),
  }));
}

/** Globals a page's or PDF's code would set if it ever ran. */
const RAN = ['__inlineScriptRan', '__footerScriptRan', '__onloadRan', '__clickRan', '__navRan', '__linkRan', '__imgRan', '__ogRan', '__titleRan', '__pwned'];
const ran = () => RAN.filter((k) => k in globalThis);

describe('reference kinds: saved web pages (.html)', () => {
  let page: SourceText;
  before(async () => {
    page = await readReferenceSource(fixture('crane-page.html'), join(DIR, 'crane-page.html'));
  });

  it('keeps the article paragraphs, in order, exactly as the same article in Markdown', () => {
    const ref = load(page);
    const md = markdown('crane-page.md');
    assert.deepEqual(
      md.paragraphs.map((p) => p.text),
      ref.paragraphs.slice(0, md.paragraphs.length).map((p) => p.text),
    );
  });

  it('drops navigation, the cookie banner, asides, the footer, comments and scripts', () => {
    for (const gone of ['Home', 'Subscribe', 'cookies', 'Accept all', 'Most read', 'Copyright', "editors' note", 'globalThis', 'font-family', 'changed by a script']) {
      assert.ok(!page.text.includes(gone), `“${gone}” is in the text:\n${page.text}`);
    }
  });

  it('takes title, byline, date, site name and the canonical address from the page', () => {
    assert.equal(page.meta.key, 'crane-page');
    assert.equal(page.meta.format, 'html');
    assert.equal(page.meta.title, "Crane falls into Mecca's Grand Mosque");
    assert.equal(page.meta.author, 'Dana Reyes');
    assert.equal(page.meta.outlet, 'Example News');
    assert.match(page.meta.date ?? '', /^2015-09-12/);
    assert.equal(page.meta.url, 'https://news.example.org/2015/09/12/crane-falls?utm_source=feed');
  });

  it('runs none of the page’s code and lets no javascript: address through', () => {
    assert.deepEqual(ran(), []);
    assert.ok(!/javascript:/i.test(page.text + JSON.stringify(page.meta)));
  });

  it('drops an og:url that is not an http(s) address', async () => {
    const html = '<html><head><meta property="og:url" content="javascript:alert(1)"></head><body><article>' + '<p>The harbour authority opened a second ferry terminal on the east bank this spring, and commuters welcomed it.</p>'.repeat(4) + '</article></body></html>';
    const s = await readReferenceSource(new TextEncoder().encode(html), 'ferry.html');
    assert.equal(s.meta.url, undefined);
  });

  it('escapes a page title carrying markup wherever a hover shows it', async () => {
    const html =
      '<html><head><title>Ferry &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(2)) news</title></head><body><article>' +
      '<p>The harbour authority opened a second ferry terminal on the east bank this spring, and commuters welcomed it.</p>'.repeat(4) +
      '</article></body></html>';
    const ref = load(await readReferenceSource(new TextEncoder().encode(html), 'ferry.htm'));
    assert.match(ref.title, /<script>/, 'the title is kept as the page gives it (escaping is the view’s job)');
    const draft = 'A second ferry terminal opened [@ferry, ¶1].';
    const card = hoverAt(draft, draft.indexOf('@ferry') + 1, undefined, [ref], () => undefined, findCitations(draft));
    assert.ok(card, 'a hover on the citation');
    assert.ok(!card.markdown.includes('<script'), card.markdown);
    assert.ok(!/\]\(javascript:/i.test(card.markdown), card.markdown);
    assert.match(card.markdown, /&lt;script&gt;/);
  });

  it('reads a page saved in Windows-1252 (not UTF-8)', async () => {
    const html = '<html><head><title>Caf\xe9 owners</title></head><body><article>' + '<p>The caf\xe9 owners on the quay said their trade fell by a third during the repairs last winter.</p>'.repeat(4) + '</article></body></html>';
    const bytes = Uint8Array.from(html, (c) => c.charCodeAt(0));
    const s = await readReferenceSource(bytes, 'cafe.html');
    assert.match(s.text, /café owners on the quay/);
  });

  it('refuses a page with no article text, naming the file', async () => {
    const html = '<html><head><title>Menu</title><script>globalThis.__inlineScriptRan = true</script></head><body><nav><a href="/">Home</a></nav></body></html>';
    await rejects(readReferenceSource(new TextEncoder().encode(html), 'sources/menu.html'), 'empty-reference', /sources\/menu\.html.*no article text/);
    assert.deepEqual(ran(), []);
  });

  it('refuses a 50 MB page at once with a message giving the limit (never parses it)', async () => {
    const chunk = new TextEncoder().encode('<p>' + 'word '.repeat(200) + '</p>\n');
    const bytes = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i + chunk.length <= bytes.length; i += chunk.length) bytes.set(chunk, i);
    await rejects(readReferenceSource(bytes, 'huge.html'), 'too-large', /huge\.html.*50\.0 MB.*up to \d+ MB/);
  });

  it('is judged like the same article in Markdown: same verdicts, categories and evidence paragraphs', () => {
    const draft = [
      'A storm made a crane fall into the Grand Mosque in Mecca [@crane-page].',
      '',
      'The crane collapse killed 50 people [@crane-page].',
      '',
      'The accident came a month before the Hajj began [@crane-page].',
      '',
      'Khaled Al-Maeena said the toll would have been worse an hour later [@crane-page].',
      '',
    ].join('\n');
    const fromHtml = verdictsOf(checkDraft(draft, [load(page)]));
    const fromMd = verdictsOf(checkDraft(draft, [markdown('crane-page.md')]));
    assert.ok(fromMd.length >= 4, 'every statement is judged');
    assert.ok(fromMd.some((v) => v.kind === 'contradicted') && fromMd.some((v) => v.kind === 'supported'), JSON.stringify(fromMd, null, 1));
    assert.deepEqual(fromHtml, fromMd);
  });
});

describe('reference kinds: PDF', function () {
  this.timeout(60_000);
  const paras = bodyParagraphs('ozone-report.md');
  let pdf: SourceText;
  before(async () => {
    const bytes = await paragraphsPdf(paras, { header: 'Climate Desk · Ozone Report', hyphenateOver: 8, title: 'Ozone and heat cut crop yields' });
    pdf = await readReferenceSource(bytes, join('reports', 'ozone-report.pdf'));
  });

  it('rebuilds the paragraphs: running header and page numbers dropped, words hyphenated at line ends joined', () => {
    assert.equal(pdf.meta.format, 'pdf');
    assert.equal(pdf.meta.title, 'Ozone and heat cut crop yields');
    assert.equal(pdf.meta.key, 'ozone-report');
    assert.ok(!pdf.text.includes('Climate Desk'), 'the running header is gone');
    assert.deepEqual(pdf.text.split('\n\n').slice(1).map((p) => p.trim()), paras);
  });

  it('gives each paragraph the page it starts on', () => {
    const ref = load(pdf);
    const pages = ref.paragraphs.map((p) => p.page);
    assert.ok(pages.every((p) => p === 1 || p === 2), String(pages));
    assert.deepEqual([...pages].sort((a, b) => a! - b!), pages, 'pages ascend');
    assert.equal(pages[0], 1);
    assert.equal(pages.at(-1), 2);
  });

  it('is judged like the same report in Markdown', () => {
    const draft = [
      'The study on ozone and crops appeared in Nature Climate Change [@ozone-report].',
      '',
      'Surface ozone in the U.S. fell by 40 percent from 1980 to 2012 [@ozone-report].',
      '',
      'The research was funded by the European Space Agency [@ozone-report].',
      '',
      'Heald said ozone and temperature had often been studied together [@ozone-report].',
      '',
    ].join('\n');
    const fromPdf = verdictsOf(checkDraft(draft, [load(pdf)]));
    const fromMd = verdictsOf(checkDraft(draft, [markdown('ozone-report.md')]));
    assert.ok(fromMd.length >= 4);
    assert.ok(fromMd.some((v) => v.kind === 'contradicted') && fromMd.some((v) => v.kind === 'supported'), JSON.stringify(fromMd, null, 1));
    assert.deepEqual(fromPdf, fromMd);
  });

  it('never runs code carried in a font’s /FontMatrix (CVE-2024-4367) and still reads the text', async () => {
    const version = (JSON.parse(readFileSync(require.resolve('pdfjs-dist/package.json'), 'utf8')) as { version: string }).version.split('.').map(Number);
    assert.ok(version[0] > 4 || (version[0] === 4 && (version[1] > 2 || (version[1] === 2 && version[2] >= 67))), `pdfjs-dist ${version.join('.')} is older than the fix`);
    const evil = handWrittenPdf('The ferry timetable changes in May.', '/FontMatrix [1 0 0 1 0 (\\) ; globalThis.__pwned = true; //)]');
    assert.ok(new TextDecoder().decode(evil).includes('globalThis.__pwned = true'), 'the payload is in the file');
    try {
      const s = await readReferenceSource(evil, 'evil.pdf');
      assert.match(s.text, /ferry timetable changes in May/);
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
    }
    assert.equal((globalThis as { __pwned?: boolean }).__pwned, undefined);
    assert.deepEqual(ran(), []);
  });

  it('refuses a PDF of images only with “no text layer”, naming the file', async () => {
    await rejects(readReferenceSource(await imageOnlyPdf(), 'scans/page.pdf'), 'empty-reference', /scans\/page\.pdf.*no text layer/);
  });

  it('refuses a truncated PDF with a clear message', async () => {
    const whole = await paragraphsPdf(paras.slice(0, 2));
    await rejects(readReferenceSource(whole.slice(0, Math.floor(whole.length / 3)), 'cut.pdf'), 'unreadable', /cut\.pdf.*(damaged or truncated|cannot be read)/);
  });

  it('refuses a password-protected PDF with a clear message', async () => {
    await rejects(readReferenceSource(handWrittenPdf('Sealed minutes of the meeting.', '', PASSWORD_TRAILER), 'sealed.pdf'), 'unreadable', /sealed\.pdf.*password/);
  });

  it('reads a 2,000-page PDF only up to its page limit, and says so', async () => {
    const bomb = await manyPagesPdf(2000, (i) => `Filing page ${i} records that the dock board met and adjourned.`);
    const s = await readReferenceSource(bomb, 'bomb.pdf');
    assert.equal(s.notices.length, 1);
    assert.match(s.notices[0], new RegExp(`bomb\\.pdf.*2,000 pages.*first ${MAX_PDF_PAGES}`));
    const ref = load(s);
    assert.equal(Math.max(...ref.paragraphs.map((p) => p.page ?? 0)), MAX_PDF_PAGES);
    assert.ok(!s.text.includes(`page ${MAX_PDF_PAGES + 1} `));
  });

  it('stops at the character cap with a notice rather than failing', async () => {
    const s = await readReferenceSource(await paragraphsPdf(paras), 'capped.pdf', 1500);
    assert.ok(s.text.length <= 1500);
    assert.match(s.notices.join(' '), /capped\.pdf”: only the first .*1,500 characters/);
    assert.ok(load(s).paragraphs.length >= 1);
  });
});

describe('reference kinds: the dispatcher', () => {
  it('reads Markdown and text as before (front matter key and title)', async () => {
    const bytes = fixture('crane-page.md');
    const s = await readReferenceSource(bytes, join(DIR, 'crane-page.md'));
    assert.equal(s.text, bytes.toString('utf8'));
    assert.deepEqual({ key: s.meta.key, title: s.meta.title, format: s.meta.format }, { key: 'crane-page', title: "Crane falls into Mecca's Grand Mosque", format: 'markdown' });
    assert.equal((await readReferenceSource(new TextEncoder().encode('One line of notes.'), 'notes.txt')).meta.format, 'text');
  });

  it('loadReference sets each paragraph’s page from the page markers', () => {
    const text = '# T\n\nFirst page text here.\n\nStill the first page.\n\nSecond page text here.\n';
    const ref = loadReference(text, { key: 't', title: 'T', path: 't.pdf' }, [
      { start: text.indexOf('First'), page: 1 },
      { start: text.indexOf('Second'), page: 2 },
    ]);
    assert.deepEqual(ref.paragraphs.map((p) => p.page), [1, 1, 2]);
    assert.equal(loadReference(text, { key: 't', title: 'T', path: 't.md' }).paragraphs[0].page, undefined);
  });
});

describe('saved web pages: bounded before parsing, unclosed rows, Windows-1252', () => {
  const LEAD = '<p>The lighthouse keeper on Varne Island logged forty-one storms during the winter of 1987, more than in any year before.</p>';
  const nested = (n: number) => `<html><body><article>${LEAD}${'<div>'.repeat(n)}innermost note about fog${'</div>'.repeat(n)}</article></body></html>`;

  for (const n of [5000, 60000]) {
    it(`reads a page nesting ${n.toLocaleString('en')} <div>s at once, flattening past ${MAX_NESTING} with a notice and keeping the text`, async () => {
      const s = await readReferenceSource(new TextEncoder().encode(nested(n)), 'lighthouse.html');
      assert.match(s.text, /keeper on Varne Island logged forty-one storms/);
      assert.match(s.text, /innermost note about fog/);
      assert.equal(s.notices.length, 1, s.notices.join('\n'));
      assert.match(s.notices[0], new RegExp(`lighthouse\\.html.*nested more than ${MAX_NESTING} deep.*flattened.*text is kept`));
    });
  }

  it('leaves a page of ordinary depth as it is (no notice)', async () => {
    const s = await readReferenceSource(new TextEncoder().encode(nested(20)), 'lighthouse.html');
    assert.deepEqual(s.notices, []);
    assert.match(s.text, /innermost note about fog/);
  });

  it(`refuses a page of more than ${MAX_TAGS.toLocaleString('en')} tags before parsing it, naming the file and the bound`, async () => {
    const html = '<html><body>' + '<div><span>tide</span></div>'.repeat(150_000) + '</body></html>';
    await rejects(readReferenceSource(new TextEncoder().encode(html), 'tides/table.html'), 'too-large', new RegExp(`tides/table\\.html.*300,002 tags.*up to ${MAX_TAGS.toLocaleString('en')}`));
  });

  it('keeps every row of a page whose row <div>s are never closed', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<div class=row><p>Row ${i} of the keeper's log records a gale from the south-west and a lamp check at dusk.</p>`).join('\n');
    const s = await readReferenceSource(new TextEncoder().encode(`<html><body><article><h1>Keeper's log</h1>${rows}</article></body></html>`), 'log.html');
    const found = s.text.match(/Row \d+ of the keeper's log/g) ?? [];
    assert.equal(found.length, 40, s.text);
    assert.match(s.text, /Row 0 of the keeper's log[\s\S]*Row 39 of the keeper's log/);
  });

  it('still nests <div>s that are closed, around rows that are not', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<div class=entry><p>Entry ${i}: the relief boat landed stores and two crew at the north jetty before noon.</p>`).join('');
    const html = `<html><body><div id=page><div class=main><article>${rows}</article></div><div class=side>Other news</div></div></body></html>`;
    const s = await readReferenceSource(new TextEncoder().encode(html), 'entries.html');
    assert.equal((s.text.match(/Entry \d+: the relief boat/g) ?? []).length, 12, s.text);
  });

  it('reads an unlabelled Windows-1252 page’s curly quotes and dashes (bytes 0x80–0x9F)', async () => {
    // Built byte by byte: 0x93/0x94 are “ and ”, 0x97 is —, 0x92 is ’, 0x80 is €.
    const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
    const page = [
      ...bytes('<html><head><title>Harbour dues rise '), 0x97, ...bytes(' Quay Gazette</title></head><body><article>'),
      ...bytes('<p>The harbour master said the new dues were '), 0x93, ...bytes('long overdue'), 0x94, ...bytes(' and would cost each trawler '), 0x80,
      ...bytes('40 a month; the fishermen'), 0x92, ...bytes('s association disagreed, calling the rise unfair to small boats.</p>'),
      ...bytes('<p>A vote on the dues is expected at the next council meeting, which is open to the public and held in the old customs house.</p>'),
      ...bytes('</article></body></html>'),
    ];
    const s = await readReferenceSource(Uint8Array.from(page), 'dues.html');
    assert.equal(s.meta.title, 'Harbour dues rise — Quay Gazette');
    assert.match(s.text, /were “long overdue” and would cost each trawler €40 a month; the fishermen’s association/);
    assert.ok(!/[\u0080-\u009f]/.test(s.text), JSON.stringify(s.text));
  });

  it('reads a page in the charset it declares when that is not UTF-8 or Latin', async () => {
    // "Порт" (port) in Windows-1251, declared in a <meta>.
    const word = [0xcf, 0xee, 0xf0, 0xf2];
    const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
    const para = [...ascii('<p>'), ...word, ...ascii(' opened a new ferry berth this spring, and the ferry company added two crossings a day to the timetable.</p>')];
    const page = [...ascii('<html><head><meta charset="windows-1251"><title>News</title></head><body><article>'), ...para, ...para, ...ascii('</article></body></html>')];
    const s = await readReferenceSource(Uint8Array.from(page), 'port.html');
    assert.match(s.text, /Порт opened a new ferry berth/);
  });
});
