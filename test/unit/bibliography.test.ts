// Bibliographies (BibTeX, CSL JSON, CSL YAML): parsing, the `file` field, pairing entries with text,
// the `no-text` note for a cited entry without text, and the command line's --bibliography.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assembleBibliography,
  attachmentText,
  checkDraft,
  DraftChecker,
  draftBibliographies,
  readFrontMatter,
  entryReferenceMeta,
  loadReference,
  normalizeUrl,
  parseBibliography,
  parseFileField,
  problemSeverity,
  referenceMetaFromText,
  SARIF_LEVEL,
  type Reference,
  type Verdict,
} from '../../src/core';
import { loadBibliographies } from '../../src/cli/bibliographies';
import { paragraphsPdf } from '../support/pdfs';
import { loadReferenceFile } from '../../src/cli/io';
import { ROOT, run } from '../support/cli';
import { bibtexAttachEdit } from '../../src/vscode/present/attach';
import { diagnosticSpecs } from '../../src/vscode/present/diagnostics';
import { metadataSummary } from '../../src/vscode/present/format';
import { hoverAt, metadataMarkdown } from '../../src/vscode/present/hover';
import { DEFAULT_SETTINGS, settingsFrom } from '../../src/vscode/config';

const DIR = join(ROOT, 'test', 'fixtures', 'bibliography');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const parse = (name: string) => parseBibliography(read(name), join(DIR, name));
const markdownRef = (name: string, key?: string): Reference => {
  const text = read(name);
  const meta = referenceMetaFromText(text, join(DIR, name));
  return loadReference(text, key ? { ...meta, key } : meta);
};
/** What a verdict concludes, without the key it was cited by. */
const gist = (v: Verdict) => ({ text: v.claim.text.replace(/\[@[^\]]*\]/g, ''), kind: v.kind, category: v.category, confidence: v.confidence, evidence: v.evidence.map((e) => [e.paragraph, e.text]), message: v.message });

describe('bibliographies', () => {
  describe('parsing', () => {
    it('reads a BibTeX library: key, title, authors, date, outlet, URL and attached file', () => {
      const bib = parse('library.bib');
      assert.deepEqual(bib.issues, []);
      assert.deepEqual(
        bib.entries.map((e) => e.key),
        ['crane2015', 'ozone2014', 'harbour2016', 'missing2017'],
      );
      const crane = bib.entries[0];
      // Braces that protect capitals are markup, not title text.
      assert.equal(crane.title, 'At Least 107 Killed in Mecca Crane Collapse');
      assert.equal(crane.author, 'Ann Reporter, Wire Desk');
      assert.equal(crane.date, '2015-09-12');
      assert.equal(crane.outlet, 'Example News');
      assert.equal(crane.url, 'https://news.example.com/2015/09/mecca-crane');
      assert.deepEqual(crane.files, ['files/crane.md']);
      assert.equal(crane.line, 2);
      assert.deepEqual(bib.entries[2].files, []);
    });

    it('reads CSL JSON and CSL YAML (Pandoc’s `references:`), with `file` fields', () => {
      const json = parse('library.json');
      assert.deepEqual(json.issues, []);
      assert.deepEqual(
        json.entries.map((e) => [e.key, e.author, e.date, e.outlet, e.files]),
        [
          ['korea2015', 'Min-ji Kim', '2015-08-21', 'Example Wire', ['files/korea.txt']],
          ['council2019', undefined, '2019', 'City Council', []],
        ],
      );
      const yaml = parse('library.yaml');
      assert.deepEqual(yaml.issues, []);
      assert.deepEqual(
        yaml.entries.map((e) => [e.key, e.date, e.files, e.url]),
        [
          ['crane-yaml', '2015-09-12', ['files/crane.md'], undefined],
          ['nofile-yaml', undefined, [], 'https://pages.example.com/kept-as-link'],
        ],
      );
    });

    it('keeps the good entries of a .bib with a syntax error and names the file and line of the bad one', () => {
      const bib = parse('broken.bib');
      assert.deepEqual(
        bib.entries.map((e) => e.key),
        ['good-one', 'good-two'],
      );
      assert.equal(bib.issues.length, 1);
      assert.equal(bib.issues[0].line, 7);
      assert.match(bib.issues[0].message, /broken\.bib”, line 7: the entry “broken-one” cannot be read/);
    });

    it('of two entries with one key keeps the first and says so', () => {
      const bib = parse('duplicate.bib');
      assert.deepEqual(
        bib.entries.map((e) => e.title),
        ['The First Entry With This Key'],
      );
      assert.equal(bib.issues.length, 1);
      assert.match(bib.issues[0].message, /two entries with the key “same-key” \(lines 1 and 6\); the first is used/);
    });

    it('reports JSON and YAML that do not parse, or are not CSL, without throwing', () => {
      const bad = parseBibliography('[\n  { "id": "a", "title": "A" },\n  { "id": \n]', 'refs.json');
      assert.deepEqual(bad.entries, []);
      assert.match(bad.issues[0].message, /refs\.json”, line \d: not valid JSON/);
      const yaml = parseBibliography('references:\n  - id: a\n    title: [unclosed\n', 'refs.yaml');
      assert.deepEqual(yaml.entries, []);
      assert.match(yaml.issues[0].message, /refs\.yaml”, line \d+: not valid YAML/);
      const notCsl = parseBibliography('{"hello": 1}', 'x.json');
      assert.match(notCsl.issues[0].message, /is not CSL/);
      const noId = parseBibliography('[{"title": "No id"}, {"id": "ok", "title": "Fine"}]', 'y.json');
      assert.deepEqual(
        noId.entries.map((e) => e.key),
        ['ok'],
      );
      assert.match(noId.issues[0].message, /entry 1: it has no `id`/);
    });

    it('reads the `file` field as Zotero, Better BibTeX, JabRef and Mendeley write it', () => {
      assert.deepEqual(parseFileField('Full Text:files/12/article.pdf:application/pdf'), ['files/12/article.pdf']);
      assert.deepEqual(parseFileField(':/abs/path.pdf:PDF;other.html:text/html'), ['/abs/path.pdf', 'other.html']);
      // Better BibTeX escapes the drive colon and backslashes of Windows paths.
      assert.deepEqual(parseFileField('Snapshot:C\\:\\\\Users\\\\me\\\\Zotero\\\\a.pdf:application/pdf'), ['C:\\Users\\me\\Zotero\\a.pdf']);
      // Unescaped drive colons (JabRef) are part of the path.
      assert.deepEqual(parseFileField(':C:/papers/a.pdf:PDF'), ['C:/papers/a.pdf']);
      assert.deepEqual(parseFileField('C:/papers/b.pdf'), ['C:/papers/b.pdf']);
      assert.deepEqual(parseFileField('plain.pdf'), ['plain.pdf']);
      assert.deepEqual(parseFileField('A note\\; with a semicolon:dir/semi\\;colon.pdf:PDF'), ['dir/semi;colon.pdf']);
      assert.deepEqual(parseFileField(''), []);
    });

    it('reads a draft’s `bibliography:` front matter, one file or a list', () => {
      assert.deepEqual(draftBibliographies('---\nbibliography: refs/library.bib\n---\nText.'), ['refs/library.bib']);
      assert.deepEqual(draftBibliographies('---\nbibliography: [a.bib, "b.json"]\n---\nText.'), ['a.bib', 'b.json']);
      // Each name's place in the draft, for a problem on a file that cannot be read (YAML list, TOML, a name also written elsewhere).
      for (const t of ['---\nbibliography:\n  - a.bib\n  - lib/b.json\n---\nText.', '+++\nbibliography = ["a.bib", "lib/b.json"]\n+++\nText.', '---\ntitle: a.bib and lib/b.json\nbibliography: [a.bib, lib/b.json]\n---\n']) {
        const fm = readFrontMatter(t);
        assert.deepEqual(fm.bibliographySpans.map((x) => t.slice(x.start, x.end)), ['a.bib', 'lib/b.json'], t);
        assert.ok(fm.bibliographySpans.every((x) => x.start > t.indexOf('bibliography')), t);
      }
      assert.deepEqual(draftBibliographies('No front matter.'), []);
    });

    it('normalises URLs for matching: scheme, www., trailing slash, fragment and tracking parameters', () => {
      const a = normalizeUrl('http://www.Example.org/science/ozone-crops/?utm_source=x&id=3#top');
      assert.equal(a, normalizeUrl('https://example.org/science/ozone-crops?id=3'));
      assert.notEqual(normalizeUrl('https://example.org/a?id=3'), normalizeUrl('https://example.org/a?id=4'));
      assert.equal(normalizeUrl('javascript:alert(1)'), undefined);
    });

    it('never throws on arbitrary input, BibTeX-like or not, and every entry it keeps has a key and a title', () => {
      const bibtexish = fc
        .array(fc.oneof(fc.constantFrom('@article{', '@misc(', 'k1', ',', '=', '{', '}', '"', '\\', ':', ';', 'title', 'file', 'author', ' and ', '\n', '%', '@string{', '#'), fc.string({ maxLength: 6 })), { maxLength: 60 })
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(bibtexish, fc.constantFrom('x.bib', 'x.json', 'x.yaml'), (text, path) => {
          const bib = parseBibliography(text, path);
          for (const e of bib.entries) assert.ok(e.key && e.title, JSON.stringify(e));
          assert.equal(new Set(bib.entries.map((e) => e.key)).size, bib.entries.length);
        }),
        { numRuns: 150 },
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (field) => {
          for (const p of parseFileField(field)) assert.ok(p.length > 0 && p === p.trim());
        }),
        { numRuns: 300 },
      );
    });

    it('refuses attached files it cannot read as text, naming them', () => {
      assert.throws(() => attachmentText(new TextEncoder().encode('x'), 'a.docx'), /Attached file “a\.docx” is a \.docx file/);
      assert.throws(() => attachmentText(new TextEncoder().encode('  \n'), 'a.md'), /is empty/);
      assert.equal(attachmentText(new TextEncoder().encode('Some text.'), 'a.txt'), 'Some text.');
    });
  });

  describe('entries as references', () => {
    const ozone = markdownRef('sources/ozone.md');

    it('an entry takes the text of its attached file, or of a workspace reference with its URL; the rest are known sources', () => {
      const bib = parse('library.bib');
      const crane = bib.entries[0];
      const attached = new Map([[crane.key, loadReference(read('files/crane.md'), entryReferenceMeta(crane, join(DIR, 'files/crane.md')))]]);
      const out = assembleBibliography(bib, attached, [ozone]);
      assert.deepEqual(
        out.references.map((r) => r.key),
        ['crane2015', 'ozone2014'],
      );
      const matched = out.references[1];
      assert.equal(matched.text, ozone.text);
      assert.equal(matched.title, 'Ozone and Warming Cut Crop Yields');
      assert.equal(matched.author, 'Bea Writer');
      assert.deepEqual(
        out.sources.map((s) => s.key),
        ['harbour2016', 'missing2017'],
      );
    });

    it('an entry whose URL matches two references uses the first and says so; the attached file’s format is kept', () => {
      const bib = parse('library.bib');
      const twin = { ...markdownRef('files/crane.md', 'other'), url: 'https://example.org/science/ozone-crops' };
      const out = assembleBibliography(bib, new Map(), [ozone, twin]);
      assert.equal(out.references.find((r) => r.key === 'ozone2014')!.text, ozone.text);
      assert.equal(out.issues.length, 1);
      assert.match(out.issues[0], /entry “ozone2014”: its URL matches 2 references \(“ozone-crops”, “other”\); “ozone-crops” is used\./);
      assert.equal(entryReferenceMeta(bib.entries[0], '/x/files/crane.md').format, 'markdown');
      assert.equal(entryReferenceMeta(bib.entries[0], '/x/files/a.TXT').format, 'text');
    });

    for (const [label, bibFile, entryKey, textFile] of [
      ['BibTeX, attached Markdown', 'library.bib', 'crane2015', 'files/crane.md'],
      ['CSL JSON, attached text file', 'library.json', 'korea2015', 'files/korea.txt'],
      ['CSL YAML, attached Markdown', 'library.yaml', 'crane-yaml', 'files/crane.md'],
      ['BibTeX, matched by URL', 'library.bib', 'ozone2014', 'sources/ozone.md'],
    ] as const) {
      it(`judges a draft citing the entry key as it judges the same text cited by its Markdown key (${label})`, () => {
        const plain = markdownRef(textFile, 'plain-text');
        const set = loadBibliographies([join(DIR, bibFile)], textFile.startsWith('sources/') ? [ozone] : []);
        const fromBib = set.references.find((r) => r.key === entryKey);
        assert.ok(fromBib, `no reference for ${entryKey}: ${set.warnings.join('; ')}`);
        // Statements of our own about each article: some it backs, some it does not.
        const statements: Record<string, string[]> = {
          'files/crane.md': ['A storm caused a crane to fall into the Grand Mosque in Mecca', 'The collapse killed more than 500 people, according to the Civil Defense Authority', 'The accident happened when the mosque was relatively uncrowded'],
          'files/korea.txt': ['North Korea placed its military on high alert', 'South Korea said it fired 36 shells at the border', 'The report came after an exchange of artillery fire'],
          'sources/ozone.md': ['The study was published in the journal Nature Climate Change', 'Ozone pollution will double crop yields by 2050', 'Researchers from three universities analysed crop production'],
        };
        const draft = (key: string) => statements[textFile].map((s) => `${s} [@${key}].`).join('\n\n') + '\n';
        const a = checkDraft(draft(entryKey), [fromBib]);
        const b = checkDraft(draft('plain-text'), [plain]);
        assert.equal(a.problems.length, 0, a.problems.map((p) => p.message).join('; '));
        assert.ok(a.verdicts.length >= 3, 'every statement is judged');
        assert.deepEqual(a.verdicts.map(gist), b.verdicts.map(gist));
      });
    }
  });

  describe('the draft’s own inline CSL items', () => {
    it('an item whose URL is a loaded reference’s cites that reference under the item’s key', () => {
      const text = '---\nkey: canal-report\ntitle: Canal repairs stall\nurl: https://www.valley.example/canal/\n---\nThe canal lock was closed for repairs on Tuesday, and the barges waited at the quay.\n';
      const ref = loadReference(text, referenceMetaFromText(text, 'canal.md'));
      const draft = (url: string) =>
        `---\nreferences:\n  - id: courier-canal\n    type: article-newspaper\n    title: Canal repairs stall\n    URL: ${url}\n---\n\nThe canal lock was closed for repairs on Friday [@courier-canal].\n`;
      const r = checkDraft(draft('http://valley.example/canal'), [ref]);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.verdicts.map((v) => [v.kind, v.category, v.evidence[0]?.reference]), [['contradicted', 'time', 'courier-canal']]);
      // Another address: no text for the item, only the note.
      const other = checkDraft(draft('https://elsewhere.example/canal'), [ref]);
      assert.deepEqual(other.problems.map((p) => p.code), ['no-text']);
      assert.equal(other.verdicts.length, 0);
    });
  });

  describe('attached saved pages and PDFs (what Zotero usually attaches)', function () {
    this.timeout(60_000);
    const KINDS = join(ROOT, 'test', 'fixtures', 'references', 'kinds');
    let tmp: string;
    before(() => {
      tmp = mkdtempSync(join(tmpdir(), 'factcheck-attach-'));
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    it('reads an attached .html and .pdf under the entry’s key and title, judged like the same text as Markdown', async () => {
      writeFileSync(join(tmp, 'page.html'), readFileSync(join(KINDS, 'crane-page.html')));
      const md = readFileSync(join(KINDS, 'crane-page.md'), 'utf8');
      const plain = loadReference(md, referenceMetaFromText(md, 'crane-page.md'));
      writeFileSync(join(tmp, 'report.pdf'), await paragraphsPdf(plain.paragraphs.map((p) => p.text)));
      writeFileSync(
        join(tmp, 'lib.bib'),
        [
          '@article{page2015, title = {Crane falls on mosque}, journal = {Desk Wire}, year = {2015}, file = {Snapshot:page.html:text/html}}',
          '@report{report2015, title = {Crane report}, file = {Full Text:report.pdf:application/pdf}}',
        ].join('\n'),
      );
      const set = loadBibliographies([join(tmp, 'lib.bib')], []);
      assert.deepEqual(set.warnings, []);
      const page = set.references.find((r) => r.key === 'page2015');
      const report = set.references.find((r) => r.key === 'report2015');
      assert.ok(page && report, set.references.map((r) => r.key).join(', '));
      assert.equal(page.title, 'Crane falls on mosque');
      assert.equal(page.outlet, 'Desk Wire');
      assert.equal(page.format, 'html');
      assert.equal(report.format, 'pdf');
      assert.ok(report.paragraphs.every((p) => p.page !== undefined), 'a PDF’s paragraphs keep their pages');
      // The same text as the page named as a reference file, and as the paragraphs the PDF was made of.
      const asFile = loadReferenceFile(join(tmp, 'page.html'));
      assert.deepEqual(page.paragraphs.map((p) => p.text), asFile.paragraphs.map((p) => p.text));
      assert.deepEqual(report.paragraphs.map((p) => p.text), plain.paragraphs.map((p) => p.text));
      const statements = plain.sentences.slice(0, 3).map((x) => x.text.replace(/[.!?"”]+$/, ''));
      const gistOf = (key: string, ref: Reference) =>
        checkDraft(statements.map((x) => `${x} [@${key}].`).join('\n\n') + '\n', [ref]).verdicts.map((v) => [v.kind, v.category, v.evidence[0]?.text]);
      assert.deepEqual(gistOf('page2015', page), gistOf(asFile.key, asFile));
      assert.deepEqual(gistOf('report2015', report), gistOf(plain.key, plain));
    });
  });

  describe('citing an entry with no text', () => {
    const source = { key: 'harbour2016', title: 'Harbour Authority Annual Report', outlet: 'Harbour Authority', date: '2016', declaredIn: '/x/library.bib' };
    const [ref] = [markdownRef('files/crane.md', 'crane')];

    it('gives one information note per source, never an unknown key, and judges nothing against other sources', () => {
      const text = 'The harbour authority reported a record year for the crane trade [@harbour2016].\n\nThe crane figures were repeated in a second statement [@harbour2016; @crane].\n';
      const result = new DraftChecker([ref], { knownSources: [source] }).check(text);
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['no-text'],
      );
      const p = result.problems[0];
      assert.equal(text.slice(p.start, p.end), 'harbour2016');
      assert.match(p.message, /^No text of this source to check against: “Harbour Authority Annual Report” \(Harbour Authority, 2016\)\./);
      assert.equal(problemSeverity(p.code, 'warning'), 'information');
      assert.equal(SARIF_LEVEL[problemSeverity(p.code, 'warning')], 'note');
      // The first statement cites only the source without text: not judged. The second is judged against the text it cites.
      assert.ok(!result.verdicts.some((v) => v.claim.text.includes('record year')));
      assert.ok(result.verdicts.some((v) => v.claim.text.includes('second statement')));
      // Without the bibliography the same key is unknown.
      assert.deepEqual(
        checkDraft(text, [ref]).problems.map((p) => p.code),
        ['unknown-key', 'unknown-key'],
      );
    });

    it('names why an attached file was not used', () => {
      const result = checkDraft('Cited here [@harbour2016].\n', [ref], { knownSources: [{ ...source, problem: 'Its attached file “a.md” does not exist' }] });
      assert.match(result.problems[0].message, /Its attached file “a\.md” does not exist\.$/);
    });

    it('setReferences replaces the known sources', () => {
      const checker = new DraftChecker([ref], { knownSources: [source] });
      checker.setReferences([ref], []);
      assert.deepEqual(
        checker.check('Cited here [@harbour2016].\n').problems.map((p) => p.code),
        ['unknown-key'],
      );
    });
  });

  describe('command line', function () {
    this.timeout(60_000);
    let tmp = '';
    before(() => {
      tmp = mkdtempSync(join(tmpdir(), 'factcheck-bib-'));
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    it('check reads the draft’s own bibliography: the entry without text is a note, not a failure', () => {
      const r = run('check', join(DIR, 'draft.md'), '--format', 'json');
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out);
      const problems = json.files[0].problems;
      assert.deepEqual(
        problems.map((p: { code: string }) => p.code),
        ['no-text'],
      );
      assert.ok(json.files[0].claims.length >= 3);
      assert.ok(json.files[0].claims.every((c: { cited: string[] }) => c.cited.includes('crane2015')));
      const crane = json.references.find((x: { key: string }) => x.key === 'crane2015');
      assert.equal(crane.author, 'Ann Reporter, Wire Desk');
      // The missing attachment of another entry is a warning on standard error.
      assert.match(r.err, /entry “missing2017”: its attached file “.*not-there\.md” does not exist/);
    });

    it('--bibliography (repeatable) and a config file’s `bibliographies`', () => {
      const draft = join(tmp, 'd.md');
      writeFileSync(draft, 'North Korea placed its military on high alert [@korea2015].\n\nThe minutes were approved [@council2019].\n');
      const r = run('check', draft, '--bibliography', join(DIR, 'library.json'), '--bibliography', join(DIR, 'library.yaml'));
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /ℹ citation \[no-text\] No text of this source to check against: “Council budget minutes”/);
      assert.match(r.out, /1 cited source with no text to check against/);
      writeFileSync(join(tmp, '.sourcecheck.json'), JSON.stringify({ bibliographies: [join(DIR, 'library.json')] }));
      const viaConfig = run('check', draft, '--format', 'json');
      assert.equal(viaConfig.code, 0, viaConfig.err);
      assert.deepEqual(
        JSON.parse(viaConfig.out).files[0].problems.map((p: { code: string }) => p.code),
        ['no-text'],
      );
      rmSync(join(tmp, '.sourcecheck.json'));
    });

    it('a bibliography that cannot be read is bad input (exit 2); one with a syntax error still loads the rest', () => {
      const draft = join(tmp, 'e.md');
      writeFileSync(draft, 'Some statement about the first entry [@good-one].\n');
      const missing = run('check', draft, '--bibliography', join(tmp, 'nope.bib'));
      assert.equal(missing.code, 2);
      assert.match(missing.err, /^factcheck: Bibliography “.*nope\.bib” does not exist\./);
      // Files that give no entry at all: bad JSON, not a list, plain text, empty, not a bibliography kind.
      for (const [name, body, said] of [
        ['cut.json', '[{"id": "a1", "title": ', /has no entry that can be read/],
        ['words.bib', 'just some words, no entries\n', /has no entr/],
        ['empty.bib', '', /has no entries/],
        ['notes.md', '# Notes\n', /is not a bibliography: BibTeX \(\.bib\)/],
      ] as const) {
        writeFileSync(join(tmp, name), body);
        const r = run('check', draft, '--bibliography', join(tmp, name));
        assert.equal(r.code, 2, `${name}: ${r.err}`);
        assert.match(r.err, said, name);
      }
      const broken = run('check', draft, '--bibliography', join(DIR, 'broken.bib'));
      assert.equal(broken.code, 0, broken.err);
      assert.match(broken.err, /broken\.bib”, line 7: the entry “broken-one” cannot be read/);
      assert.match(broken.out, /\[no-text\].*The First Good Entry/);
    });

    it('references prints metadata in text and JSON, keeping key, title and path', () => {
      const args = ['references', '--reference', join(DIR, 'sources/ozone.md'), '--bibliography', join(DIR, 'library.bib')];
      const json = JSON.parse(run(...args, '--format', 'json').out);
      const crane = json.references.find((x: { key: string }) => x.key === 'crane2015');
      assert.deepEqual(crane, {
        key: 'crane2015',
        title: 'At Least 107 Killed in Mecca Crane Collapse',
        path: join(DIR, 'files/crane.md'),
        url: 'https://news.example.com/2015/09/mecca-crane',
        author: 'Ann Reporter, Wire Desk',
        date: '2015-09-12',
        outlet: 'Example News',
        format: 'markdown',
      });
      assert.deepEqual(
        json.sources.map((s: { key: string }) => s.key),
        ['harbour2016', 'missing2017'],
      );
      assert.match(json.sources[1].problem, /does not exist/);
      const text = run(...args).out;
      assert.match(text, /^crane2015\tAt Least 107 Killed in Mecca Crane Collapse\t.*crane\.md\t\(\d+ paragraphs, \d+ names\)\n {4}Example News · Ann Reporter, Wire Desk · 12 September 2015 · https:\/\/news\.example\.com\/2015\/09\/mecca-crane$/m);
      assert.match(text, /^harbour2016\tHarbour Authority Annual Report\t.*library\.bib\t\(no text\)$/m);
    });
  });

  describe('in the editor (presentation, without vscode)', () => {
    const crane = markdownRef('files/crane.md', 'crane');
    const withMeta: Reference = { ...crane, key: 'crane2015', title: 'Crane <b>collapse</b>', outlet: 'Example *News*', author: 'Ann Reporter', date: '2015-09-12', url: 'https://news.example.com/a_(b)?x=1' };
    const link = () => undefined;

    it('the citation hover shows title, outlet, author, date and URL, escaped, the URL as a link only when http(s)', () => {
      const text = 'A crane fell [@crane2015].';
      const card = hoverAt(text, text.indexOf('crane2015'), undefined, [withMeta], link, [{ start: 13, end: 25, raw: '[@crane2015]', items: [{ key: 'crane2015', keySpan: { start: 15, end: 24 } }] }]);
      assert.ok(card);
      assert.match(card.markdown, /Crane &lt;b&gt;collapse&lt;\/b&gt;/);
      assert.match(card.markdown, /Example \\\*News\\\* · Ann Reporter · 12 September 2015 · \[[^\]]+\]\(https:\/\/news\.example\.com\/a_%28b%29\?x=1\)/);
      for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>x</script>', 'command:workbench.action.quit', 'file:///etc/passwd', 'not a url']) {
        const md = metadataMarkdown({ url })!;
        assert.ok(!/\]\(/.test(md), `${url} became a link: ${md}`);
        assert.ok(!md.includes('<'), md);
      }
    });

    it('the hover on a source without text says so, with its metadata', () => {
      const source = { key: 'harbour2016', title: 'Harbour Authority Annual Report', outlet: 'Harbour Authority', date: '2016', declaredIn: '/w/library.bib' };
      const text = 'Figures [@harbour2016].';
      const card = hoverAt(text, 12, undefined, [crane], link, [{ start: 8, end: 22, raw: '[@harbour2016]', items: [{ key: 'harbour2016', keySpan: { start: 10, end: 21 } }] }], new Set(), [source]);
      assert.ok(card);
      assert.match(card.markdown, /\*\*Harbour Authority Annual Report\*\* \(harbour2016\): no text of this source to check against\./);
      assert.match(card.markdown, /From library\\\.bib; attach its file/);
    });

    it('the reference picker’s detail line', () => {
      assert.equal(metadataSummary(withMeta), 'Example *News* · Ann Reporter · 12 September 2015 · https://news.example.com/a_(b)?x=1');
      assert.equal(metadataSummary({}), '');
    });

    it('a no-text note is an information diagnostic even when citation problems are warnings or hidden', () => {
      const text = 'Cited here [@harbour2016].\n';
      const result = checkDraft(text, [crane], { knownSources: [{ key: 'harbour2016', title: 'Report', declaredIn: 'x.bib' }] });
      assert.deepEqual(
        diagnosticSpecs(text, result).map((d) => [d.code, d.severity]),
        [['no-text', 'information']],
      );
      assert.deepEqual(
        diagnosticSpecs(text, result, { ...DEFAULT_SETTINGS.severities, citation: 'none' }).map((d) => d.code),
        ['no-text'],
      );
    });

    it('the sourcecheck.bibliographies setting is read as a list of paths', () => {
      assert.deepEqual(DEFAULT_SETTINGS.bibliographies, []);
      assert.deepEqual(settingsFrom((k) => (k === 'bibliographies' ? ['library.bib', 3, ' '] : undefined)).bibliographies, ['library.bib']);
    });

    it('"Attach a file…" writes the file field as Zotero does, new or added to an existing one', () => {
      const bib = read('library.bib');
      const edit = bibtexAttachEdit(bib, 'harbour2016', 'files/harbour: report.md');
      assert.ok(edit);
      const after = bib.slice(0, edit.start) + edit.newText + bib.slice(edit.end);
      const parsed = parseBibliography(after, 'library.bib');
      assert.deepEqual(parsed.issues, []);
      assert.deepEqual(parsed.entries.find((e) => e.key === 'harbour2016')!.files, ['files/harbour: report.md']);
      // The other entries are untouched (the one after it moves down a line).
      const noLine = ({ line: _line, ...e }: { line?: number }) => e;
      assert.deepEqual(
        parsed.entries.filter((e) => e.key !== 'harbour2016').map(noLine),
        parse('library.bib').entries.filter((e) => e.key !== 'harbour2016').map(noLine),
      );
      const again = bibtexAttachEdit(after, 'harbour2016', 'files/second.txt')!;
      const twice = after.slice(0, again.start) + again.newText + after.slice(again.end);
      assert.deepEqual(parseBibliography(twice, 'library.bib').entries.find((e) => e.key === 'harbour2016')!.files, ['files/second.txt', 'files/harbour: report.md']);
      assert.equal(bibtexAttachEdit(bib, 'no-such-key', 'a.md'), undefined);
    });
  });
});
