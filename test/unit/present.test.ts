// The extension's translation layer (src/vscode/present/) on the engine's real output: what
// becomes a diagnostic and with which range and severity, what hovers and completions say, and
// that untrusted text stays inert in hovers and in the report.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinReferences } from '../../src/builtin';
import { applyFixes, checkDraft, loadReference, safeFixes } from '../../src/core';
import { findCitations } from '../../src/core/draft/citations';
import { completionsAt } from '../../src/vscode/present/completion';
import { DEFAULT_SEVERITIES, diagnosticSpecs, shownResult } from '../../src/vscode/present/diagnostics';
import { fixAllPlan, safeEdits } from '../../src/vscode/present/fixes';
import { escapeMarkdown, HOVER_PASSAGE_CHARS, hoverAt, termCard } from '../../src/vscode/present/hover';
import { clip, referenceDocumentName } from '../../src/vscode/present/format';
import { countFindings, reportHtml } from '../../src/vscode/present/report';
import { citesAnything, judgedPart } from '../../src/vscode/present/scope';
import { statusBarView } from '../../src/vscode/present/status';

const root = join(__dirname, '..', '..');
const sample = readFileSync(join(root, 'media', 'sample-draft.md'), 'utf8');
const refs = builtinReferences();
const result = checkDraft(sample, refs);
const noLink = () => undefined;

describe('translating verdicts into diagnostics', () => {
  const specs = diagnosticSpecs(sample, result);

  it('puts a contradiction on the wrong words, as an error naming its category', () => {
    const role = specs.find((s) => s.code === 'role');
    assert.ok(role);
    assert.equal(role.severity, 'error');
    assert.equal(sample.slice(role.span.start, role.span.end), 'Foreign Secretary');
    assert.equal(role.range.start.line, sample.slice(0, role.span.start).split('\n').length - 1);
    assert.equal(role.related[0].message, 'evidence, ¶5', 'a link to the passage (VS Code labels it with the reference); the hover card quotes it');
  });

  it('warns on unsupported statements, hints at uncited supported ones, and says nothing about cited supported ones', () => {
    const byVerdict = (v: string) => specs.filter((s) => s.verdict >= 0 && result.verdicts[s.verdict].kind === v);
    assert.ok(byVerdict('unsupported').length > 0 && byVerdict('unsupported').every((s) => s.severity === 'warning'));
    const supported = byVerdict('supported');
    assert.ok(supported.length > 0 && supported.every((s) => s.severity === 'hint' && s.code === 'uncited'));
    const citedSupported = result.verdicts.filter((v) => v.kind === 'supported' && v.claim.explicitlyCited).length;
    assert.ok(citedSupported > 0);
    assert.equal(specs.filter((s) => s.verdict >= 0).length, result.verdicts.length - citedSupported);
  });

  it('turns citation problems into diagnostics on the key or locator', () => {
    const problems = specs.filter((s) => s.problem >= 0);
    assert.deepEqual(problems.map((p) => sample.slice(p.span.start, p.span.end)).sort(), ['starmer-washingon', '¶9']);
  });

  it('honours severities set to none and suppression comments', () => {
    const quiet = diagnosticSpecs(sample, result, { ...DEFAULT_SEVERITIES, uncited: 'none', citation: 'none' });
    assert.ok(quiet.every((s) => s.problem < 0 && s.code !== 'uncited'));
    const suppressed = sample.replace('in Berlin [@starmer-washington].', 'in Berlin [@starmer-washington]. <!-- factcheck-ignore -->');
    const after = diagnosticSpecs(suppressed, checkDraft(suppressed, refs));
    assert.ok(!after.some((s) => s.code === 'place'));
    assert.equal(after.length, specs.length - 1);
  });
});

describe('confidence', () => {
  it('hides findings below sourcecheck.minConfidence and keeps supported statements and citation problems', () => {
    const findings = result.verdicts.filter((v) => v.kind !== 'supported' && !v.suppressed);
    assert.ok(findings.length >= 2 && findings.every((v) => typeof v.confidence === 'number' && v.confidence >= 0 && v.confidence <= 1));
    const cut = [...findings.map((v) => v.confidence as number)].sort((a, b) => a - b)[Math.floor(findings.length / 2)];
    const shown = diagnosticSpecs(sample, result, DEFAULT_SEVERITIES, undefined, cut);
    const kept = shown.filter((s) => s.verdict >= 0 && result.verdicts[s.verdict].kind !== 'supported');
    assert.equal(kept.length, findings.filter((v) => (v.confidence as number) >= cut).length);
    assert.ok(kept.length < findings.length);
    assert.equal(shown.filter((s) => s.problem >= 0).length, diagnosticSpecs(sample, result).filter((s) => s.problem >= 0).length);
  });

  it('what no diagnostic shows (a check set off, a finding below the minimum) is not counted or hovered either', () => {
    const flagged = result.verdicts.find((v) => v.kind === 'contradicted' && v.check && !v.suppressed)!;
    assert.ok(flagged, 'the sample draft has a contradiction found by a named check');
    const off = { ...DEFAULT_SEVERITIES, checks: { [flagged.check!]: 'off' as const } };
    const shown = shownResult(result, off);
    assert.ok(!shown.verdicts.some((v) => v.check === flagged.check && v.kind !== 'supported'));
    const sameCheck = result.verdicts.filter((v) => v.check === flagged.check && v.kind === 'contradicted' && !v.suppressed).length;
    assert.equal(countFindings(shown).contradicted, countFindings(result).contradicted - sameCheck);
    assert.equal(hoverAt(sample, flagged.claim.start + 1, shown, refs, noLink)?.markdown.includes('Contradicted') ?? false, false);
    assert.deepEqual(diagnosticSpecs(sample, shown, off).map((s) => s.message), diagnosticSpecs(sample, result, off).map((s) => s.message));
    const top = Math.max(...result.verdicts.filter((v) => v.kind !== 'supported').map((v) => v.confidence ?? 0));
    assert.equal(countFindings(shownResult(result, DEFAULT_SEVERITIES, top + 0.01)).contradicted, 0);
    assert.equal(shownResult(result), result, 'nothing hidden: the same object');
  });

  it('is shown in the hover on a judged statement, as a percentage', () => {
    const v = result.verdicts.find((x) => x.kind === 'contradicted')!;
    const md = hoverAt(sample, v.claim.start + 1, result, refs, noLink)?.markdown ?? '';
    assert.match(md, new RegExp(`confidence ${Math.round((v.confidence as number) * 100)}%`));
  });
});

describe('hover cards', () => {
  it('describe a name from the reference, with its mentions and key sentence', () => {
    const at = sample.indexOf('Zelenskiy has');
    const card = hoverAt(sample, at + 2, result, refs, noLink);
    assert.ok(card);
    assert.equal(sample.slice(card.span.start, card.span.end), 'Zelenskiy');
    assert.match(card.markdown, /^\*\*Volodymyr Zelenskiy\*\* — Ukrainian President \(Person in starmer\\-washington\)\n\n/);
    assert.match(card.markdown, /Mentioned in starmer\\-washington ¶2/);
    assert.match(card.markdown, /\*\*Supported\*\*/, 'the verdict on the statement follows');
    // The key sentence is the verdict's evidence here: quoted once, not twice.
    assert.equal(card.markdown.split('\n').filter((l) => l.startsWith('> ')).length, 1, card.markdown);
    // On a name outside any judged statement, the key sentence is quoted.
    const bare = hoverAt('Notes on Zelenskiy', 10, undefined, refs, noLink);
    assert.equal(bare?.markdown.split('\n').filter((l) => l.startsWith('> ')).length, 1, bare?.markdown);
  });

  it('give the verdict and evidence on a flagged statement, and the paragraph on a citation', () => {
    const at = sample.indexOf('holding talks');
    const card = hoverAt(sample, at, result, refs, (key, span) => `file:///refs/${key}.md#L1,${span.start + 1}`);
    assert.ok(card);
    assert.match(card.markdown, /\*\*Contradicted\*\* \(place, confidence \d+%\)/);
    assert.match(card.markdown, /\]\(file:\/\/\/refs\/starmer-washington\.md#L1,\d+\)/, 'links to the passage when the caller can');
    const cite = sample.indexOf('[@starmer-washington, ¶3]');
    const citation = hoverAt(sample, cite + 3, result, refs, noLink, findCitations(sample));
    assert.ok(citation);
    assert.ok(citation.markdown.includes(escapeMarkdown('According to The New York Times')), citation.markdown);
  });

  it('on a statement VS Code already flags: the verdict and the passage once, not the diagnostic’s message', () => {
    const specs = diagnosticSpecs(sample, result);
    const diagnosed = new Set(specs.filter((s) => s.verdict >= 0).map((s) => s.verdict));
    const at = sample.indexOf('holding talks');
    const i = result.verdicts.findIndex((v) => v.claim.start <= at && at <= v.claim.end);
    const v = result.verdicts[i];
    assert.ok(diagnosed.has(i));
    const md = hoverAt(sample, at, result, refs, noLink, [], diagnosed)?.markdown ?? '';
    assert.match(md, /^\*\*Contradicted\*\* \(place, confidence \d+%\)\n\n> /);
    assert.ok(!md.includes(escapeMarkdown(v.message)), 'the message is the diagnostic’s, shown above the card');
    assert.equal(md.split('\n').filter((l) => l.startsWith('> ')).length, 1, 'one passage');
    const quoted = md.split('\n').find((l) => l.startsWith('> '))!;
    assert.ok(quoted.replace(/\\(.)/g, '$1').length <= HOVER_PASSAGE_CHARS + 40, `clipped: ${quoted}`);
    // Without a diagnostic (a cited supported statement, or a severity set to none) the card gives the reason.
    const alone = hoverAt(sample, at, result, refs, noLink)?.markdown ?? '';
    assert.ok(alone.includes(escapeMarkdown(v.message)));
  });

  it('name an office’s holder once', () => {
    const office = refs[0].entities.find((e) => e.kind === 'office' && e.holder)!;
    const holder = refs[0].entities.find((e) => e.id === office.holder)!;
    const md = termCard(office, refs[0], noLink);
    const head = md.split('\n\n')[0];
    assert.equal(head, `**${escapeMarkdown(office.name)}** — office held by ${escapeMarkdown(holder.name)} (Office in starmer\\-washington)`, 'not “office held by X; held by X”');
  });

  it('keep links, HTML and command URIs from a reference inert', () => {
    const hostile = loadReference('Harbourmaster Jonas Pike said the ferry would resume [run](command:workbench.action.quit) <script>alert(1)</script> on Monday.\n', { key: 'h', title: '<b>T</b>', path: 'h.md' });
    const draft = 'Jonas Pike said the ferry would resume on Monday [@h].';
    const card = hoverAt(draft, 2, checkDraft(draft, [hostile]), [hostile], noLink);
    assert.ok(card);
    assert.ok(!card.markdown.includes('](command:'));
    assert.ok(!/<script|<b>/.test(card.markdown));
    assert.match(card.markdown, /\\\[run\\\]\\\(command\\:workbench\\\.action\\\.quit\\\)/);
  });
});

describe('completion, report and helpers', () => {
  it('completes keys after [@ and paragraphs after , ¶', () => {
    const keys = completionsAt('As reported [@sta', 17, refs);
    assert.deepEqual(keys.map((k) => k.label), ['starmer-washington']);
    assert.deepEqual(keys[0].replace, { start: 14, end: 17 });
    const line = 'As reported [@starmer-washington, ¶';
    const paras = completionsAt(line, line.length, refs);
    assert.deepEqual(paras.map((p) => p.label), ['1', '2', '3', '4', '5', '6']);
    assert.match(paras[0].documentation, /^British Prime Minister Keir Starmer/);
    assert.deepEqual(completionsAt('no citation here', 5, refs), []);
  });

  it('writes a report with a strict policy and every text escaped', () => {
    const draft = 'Jonas <script>alert(1)</script> said "x" [@starmer-washington].';
    const second = checkDraft(draft, refs);
    const html = reportHtml([{ draft: 'a<b>.md', text: sample, result }, { draft: 'x.md', text: draft, result: second }], "'self' https://*.vscode-cdn.net", 'https://x/report.css');
    assert.match(html, /content="default-src 'none'; style-src 'self' https:\/\/\*\.vscode-cdn\.net; img-src/);
    assert.ok(!/<script|<b>/.test(html));
    assert.match(html, /a&lt;b&gt;\.md:\d+/);
    const a = countFindings(result);
    const b = countFindings(second);
    assert.ok(html.includes(`${a.contradicted + b.contradicted} contradicted · ${a.unsupported + b.unsupported} unsupported · ${a.supported + b.supported} supported`));
    assert.equal((html.match(/<li class="finding (?!problem)/g) ?? []).length, result.verdicts.length + second.verdicts.length);
    assert.match(html, /Supported by the source \(¶1\)/, 'a cited supported statement is not called uncited');
  });

  it('groups the report by verdict, worst first, each row linking to its line', () => {
    const link = (e: { draft: string }, line: number, character: number) => `command:reveal?${encodeURIComponent(JSON.stringify([e.draft, line, character]))}`;
    const html = reportHtml([{ draft: 'sample-draft.md', text: sample, result }], 'x', 'y', link);
    const headings = [...html.matchAll(/<h2>([^<]+) <span class="count">\((\d+)\)<\/span><\/h2>/g)].map((m) => `${m[1]} ${m[2]}`);
    const c = countFindings(result);
    assert.deepEqual(headings, [`Contradicted ${c.contradicted}`, `Unsupported ${c.unsupported}`, `Citation problems ${c.problems}`, `Supported ${c.supported}`]);
    // Within a group, document order; every row's "file:line" links to that line.
    const rows = [...html.matchAll(/<li class="finding (\w+)[^"]*"><p class="head"><a class="where" href="command:reveal\?([^"]+)" title="Go to line (\d+)">sample-draft\.md:(\d+)<\/a>/g)];
    assert.equal(rows.length, result.verdicts.length + result.problems.length, 'every row links');
    const order = { contradicted: 0, unsupported: 1, problem: 2, supported: 3 } as Record<string, number>;
    let last = [-1, -1];
    for (const [, kind, args, title, label] of rows) {
      const [draft, line] = JSON.parse(decodeURIComponent(args)) as [string, number, number];
      assert.equal(draft, 'sample-draft.md');
      assert.equal(line + 1, Number(label));
      assert.equal(title, label);
      const key = [order[kind], line];
      assert.ok(key[0] > last[0] || (key[0] === last[0] && key[1] >= last[1]), `out of order at ${kind} line ${label}`);
      last = key;
    }
    assert.ok(!/<table/.test(html), 'one column of blocks, readable in a narrow editor group');
  });

  it('fixes all safe findings through the engine: citations only, every safe fix offered alone, without overlaps', () => {
    const plan = fixAllPlan({ text: sample, result });
    assert.deepEqual(plan.fixes.map((f) => f.kind).sort(), ['insert-citation', 'key', 'locator']);
    const offered = [...result.verdicts.filter((v) => !v.suppressed).flatMap((v) => v.fixes), ...result.problems.flatMap((p) => p.fixes)];
    for (const f of offered.filter((x) => x.safe)) assert.ok(plan.fixes.includes(f), `offered alone but not in fix all: ${f.title}`);
    assert.ok(offered.some((f) => !f.safe && f.kind === 'correct') && plan.fixes.every((f) => f.kind !== 'correct' && f.kind !== 'quote'));
    assert.equal(plan.text, applyFixes(sample, safeFixes(result)).text, 'the same text the engine makes');
    const edits = safeEdits({ text: sample, result });
    assert.deepEqual(edits, plan.edits);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start || edits[i - 1].start === edits[i - 1].end, 'sorted and disjoint');
    assert.ok(plan.text.includes('Biden and Starmer met in the Oval Office [@starmer-washington].') && plan.text.includes('in Berlin'));
  });

  it('words the status bar apart from VS Code’s own error and warning counts', () => {
    const c = countFindings(result);
    const view = statusBarView(c, { truncated: false, chars: sample.length });
    assert.equal(view.text, `$(checklist) Sources: ${c.contradicted} ✗ ${c.unsupported} ? ${c.supported} ✓`);
    assert.ok(!/\$\((error|warning|pass)\)/.test(view.text), 'not the icons of the Problems counts');
    assert.equal(view.tooltip, `Source Check: ${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported, ${c.problems} citation problems. Click to open the Problems view.`);
    assert.match(statusBarView({ contradicted: 0, unsupported: 0, supported: 1, problems: 1 }, { truncated: true, chars: 2000 }).tooltip, /1 citation problem \(only the first 2,000 characters were judged\)\./);
    assert.match(statusBarView(undefined).text, /^\$\(sync~spin\) Sources: checking/);
  });

  it('names a reference’s document after its file, or a built-in one after its title', () => {
    assert.equal(referenceDocumentName(refs[0]), clip(refs[0].title, 64));
    assert.ok(refs[0].title.startsWith(referenceDocumentName(refs[0]).slice(0, -1)));
    assert.equal(referenceDocumentName({ key: 'k', title: 'x' }, '/ws/references/harbour-bridge.md'), 'harbour-bridge.md');
    assert.equal(referenceDocumentName({ key: 'k', title: 'Us/them: a \\ b' }), 'Us-them: a - b');
    assert.equal(referenceDocumentName({ key: 'k', title: '  ' }), 'k');
  });

  it('judges a huge draft up to the limit at a paragraph break, and only drafts that cite something', () => {
    const text = 'a b c.\n\n'.repeat(1000);
    const part = judgedPart(text, 1000);
    assert.equal(part.truncated, true);
    assert.ok(part.text.length <= 1000 && text.startsWith(part.text) && part.text.endsWith('c.'));
    assert.deepEqual(judgedPart('short', 1000), { text: 'short', truncated: false });
    assert.equal(citesAnything(sample), true);
    assert.equal(citesAnything('Mail me at desk@example.com about Biden.'), false);
    assert.equal(citesAnything('---\nreferences: [x]\n---\nText.'), true);
    // Read by the same front-matter reader as the engine: a block list counts, a body line does not.
    assert.equal(citesAnything('---\r\nreferences:\r\n  - x\r\n---\r\nText.'), true);
    assert.equal(citesAnything('Notes\n\nreferences: see below.'), false);
  });
});
