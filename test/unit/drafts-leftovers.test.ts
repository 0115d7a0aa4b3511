// Issue 9 leftovers, each as a kind: link citations in footnotes, citations in a table row's own
// cell, short statements in other languages, statements too short to judge, e-mail addresses in
// statements, and front matter (error positions, unknown `sourcecheck:` keys, `nocite:` keys).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkDraft, DraftChecker, loadReference, parseDraft, problemSeverity, referenceMetaFromText, type CheckResult, type Claim } from '../../src/core';
import { nonEnglishLanguage } from '../../src/core/text/language';

const FERRY = `---
key: ferry-strike
title: Ferry crews walk out over rosters
url: https://harbour-gazette.example/news/ferry-strike
---
Ferry crews in Halden walked out on Tuesday after talks with the operator Nordlink broke down, the union said.

Commuters queued for buses along the coast road.
`;
const ferry = loadReference(FERRY, referenceMetaFromText(FERRY, 'refs/ferry-strike.md'));
const URL = 'https://harbour-gazette.example/news/ferry-strike';
const WRONG = 'Ferry crews in Halden walked out on Thursday';

function verdictOn(r: CheckResult, needle: string) {
  const vs = r.verdicts.filter((v) => v.claim.text.includes(needle));
  assert.equal(vs.length, 1, `one verdict on “${needle}”: ${r.verdicts.map((v) => v.claim.text).join(' | ')}`);
  return vs[0];
}

/** The one statement holding `needle`, after the checker resolved links (as its verdict shows it). */
function citedBy(text: string, needle: string): Claim {
  const v = verdictOn(checkDraft(text, [ferry]), needle);
  return v.claim;
}

/** Types short insertions at random places, checking after each that a warm checker agrees with a fresh check. */
function incrementalEqualsFresh(start: string): void {
  const view = (r: CheckResult) => JSON.stringify(r.verdicts.map((v) => [v.claim.start, v.claim.end, v.kind, v.claim.cited, v.claim.explicitlyCited]));
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.nat(), insert: fc.constantFrom('x', 'very ', ' ') }), { minLength: 1, maxLength: 6 }), (edits) => {
      const checker = new DraftChecker([ferry]);
      let text = start;
      checker.check(text);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at);
        assert.equal(view(checker.check(text)), view(checkDraft(text, [ferry])), JSON.stringify(text));
      }
    }),
    { numRuns: 10 },
  );
}

describe('drafts leftovers: a link citation inside a footnote', () => {
  const shapes = [
    (url: string) => `${WRONG}.[^n]\n\n[^n]: See [the harbour report](${url}).\n`,
    (url: string) => `${WRONG}.[^desk]\n\n[^desk]: Reported by [the Gazette](${url}).\n`,
    (url: string) => `${WRONG}[^2] and buses were late.\n\n[^2]: Background from the desk.\n\n    Source: [story](${url}), second paragraph.\n`,
    (url: string) => `- ${WRONG}[^x]\n- Buses queued.\n\n[^x]: Via [harbour-gazette.example](${url}).\n`,
  ];

  it('cites the statement the footnote marks, with the reference the link points at', () => {
    for (const shape of shapes) {
      const text = shape(URL);
      const claim = citedBy(text, 'Thursday');
      assert.deepEqual(claim.cited, ['ferry-strike'], text);
      assert.ok(claim.explicitlyCited, text);
      const v = verdictOn(checkDraft(text, [ferry]), 'Thursday');
      assert.equal(v.kind, 'contradicted', text);
      assert.equal(text.slice(v.focus!.start, v.focus!.end), 'Thursday');
    }
  });

  it('cites exactly as a key in the same footnote does', () => {
    for (const shape of shapes) {
      const byLink = checkDraft(shape(URL), [ferry]);
      const byKey = checkDraft(shape(URL).replace(/\[([^\]]*)\]\(https:[^)]*\)/, '$1 [@ferry-strike]'), [ferry]);
      const cited = (r: CheckResult) => r.verdicts.filter((v) => v.claim.text.includes('Thursday')).map((v) => [v.kind, v.claim.cited, v.claim.explicitlyCited]);
      assert.deepEqual(cited(byLink), cited(byKey), shape(URL));
    }
  });

  it('does not make a statement of a footnote sentence that only points at the link', () => {
    const text = shapes[0](URL);
    const r = checkDraft(text, [ferry]);
    assert.deepEqual(r.verdicts.map((v) => v.claim.text), [`${WRONG}.`]);
  });

  it('does not cite through a footnote link to another address', () => {
    const text = shapes[0]('https://harbour-gazette.example/news/ferry-timetable');
    const d = parseDraft(text);
    const claim = d.blocks.flatMap((b) => b.claims).find((c) => c.text.includes('Thursday'))!;
    assert.deepEqual(claim.cited, []);
    const r = checkDraft(text, [ferry]);
    for (const v of r.verdicts) assert.deepEqual(v.claim.cited, []);
  });

  it('keeps the footnote link citation across edits elsewhere (incremental re-check equals a fresh check)', () => {
    const start = `Commuters queued for buses.\n\n${shapes[0](URL)}\nCrews met the operator.`;
    incrementalEqualsFresh(start);
  });
});

describe('drafts leftovers: a citation alone in another cell of a table row', () => {
  const claimsOf = (text: string) => parseDraft(text).blocks.flatMap((b) => b.claims);
  const claim = (text: string, needle: string) => {
    const cs = claimsOf(text).filter((c) => c.text.includes(needle));
    assert.equal(cs.length, 1, `${needle} in ${JSON.stringify(text)}`);
    return cs[0];
  };

  it('cites every statement cell of its row, and only that row', () => {
    const text = [
      '| Port | What happened | Source |',
      '|---|:--|---|',
      `| Halden | ${WRONG} | [@ferry-strike] |`,
      '| Moss | Buses replaced the morning boats | |',
      '| Larvik | Crews voted on the deal. Pickets stayed home. | [see @ferry-strike, ¶1; @coast-desk] |',
    ].join('\n');
    assert.deepEqual(claim(text, 'Thursday').cited, ['ferry-strike']);
    assert.ok(claim(text, 'Thursday').explicitlyCited);
    assert.deepEqual(claimsOf(text).find((c) => c.text === 'Halden')!.cited, ['ferry-strike'], 'the port cell is a statement cell of the row too');
    assert.deepEqual(claim(text, 'Buses').cited, []);
    assert.ok(!claim(text, 'Buses').explicitlyCited);
    assert.deepEqual(claim(text, 'Crews voted').cited, ['ferry-strike', 'coast-desk']);
    assert.deepEqual(claim(text, 'Pickets').cited, ['ferry-strike', 'coast-desk']);
    assert.deepEqual(claim(text, 'What happened').cited, [], 'the header row is not cited by body rows');
  });

  it('does not cite body rows from a citation in the header row', () => {
    const text = `| Claim | [@ferry-strike] |\n|---|---|\n| ${WRONG} | none |\n`;
    assert.deepEqual(claim(text, 'Thursday').cited, []);
  });

  it('keeps a citation inside a cell with words to that cell', () => {
    const text = `| ${WRONG} [@ferry-strike] | Buses replaced the boats |\n|---|---|\n| a | b |\n`;
    assert.deepEqual(claim(text, 'Thursday').cited, ['ferry-strike']);
    assert.deepEqual(claim(text, 'Buses').cited, []);
  });

  it('cites the row from a footnote mark alone in a cell', () => {
    const text = `| Event | Note |\n|---|---|\n| ${WRONG} | [^s] |\n\n[^s]: See [@ferry-strike].\n`;
    assert.deepEqual(claim(text, 'Thursday').cited, ['ferry-strike']);
  });

  it('flags the wrong weekday through the checker, with a fix inside the statement’s own cell', () => {
    const text = `| What happened | Source |\n|---|---|\n| ${WRONG} | [@ferry-strike] |\n| Commuters queued for buses along the coast road | @ferry-strike |\n`;
    const r = checkDraft(text, [ferry]);
    const v = verdictOn(r, 'Thursday');
    assert.equal(v.kind, 'contradicted');
    assert.equal(text.slice(v.focus!.start, v.focus!.end), 'Thursday');
    assert.deepEqual(v.claim.cited, ['ferry-strike']);
    const cell = text.indexOf(WRONG);
    for (const f of v.fixes) for (const e of f.edits) assert.ok(e.start >= cell && e.end <= cell + WRONG.length, JSON.stringify(f));
    // An in-text key alone in a cell is not moved into the next cell's statement.
    for (const x of r.verdicts) for (const c of x.claim.citations) assert.ok(c.start >= x.claim.start && c.end <= x.claim.end, JSON.stringify(c));
  });

  it('cites the row from a link to a reference alone in a cell, which is no statement itself', () => {
    const text = `| What happened | Source |\n|---|---|\n| ${WRONG} | [Harbour Gazette](${URL}) |\n| Commuters queued for buses | [timetable](https://harbour-gazette.example/timetable) |\n`;
    const r = checkDraft(text, [ferry]);
    const v = verdictOn(r, 'Thursday');
    assert.equal(v.kind, 'contradicted');
    assert.deepEqual(v.claim.cited, ['ferry-strike']);
    assert.ok(v.claim.explicitlyCited);
    assert.ok(r.verdicts.every((x) => !x.claim.text.includes('Harbour Gazette')), 'the link cell is not judged');
    assert.deepEqual(r.problems, [], 'and gets no too-short note');
    // A link to another page is no citation: its cell stays as it was, its row uncited.
    const d = parseDraft(text);
    assert.ok(d.blocks.some((b) => b.claims.some((c) => c.text === 'timetable')));
  });

  it('cites the row from an in-text key alone in a cell, but not from a handle', () => {
    const text = `| What happened | Source |\n|---|---|\n| ${WRONG} | @ferry-strike |\n| Commuters queued for buses | @harbourdesk |\n`;
    const r = checkDraft(text, [ferry]);
    const v = verdictOn(r, 'Thursday');
    assert.equal(v.kind, 'contradicted');
    assert.deepEqual(v.claim.cited, ['ferry-strike']);
    for (const x of r.verdicts) if (x.claim.text.includes('Commuters')) assert.deepEqual(x.claim.cited, []);
    assert.deepEqual(r.problems, []);
  });

  it('re-checks incrementally to the same result as a fresh check (property)', () => {
    const start = `| What happened | Source |\n|---|---|\n| ${WRONG} | [@ferry-strike] |\n| Commuters queued for buses | |\n| Crews met the operator | [Gazette](${URL}) |\n`;
    incrementalEqualsFresh(start);
  });
});

describe('drafts leftovers: short statements in other languages', () => {
  /** Short English statements, headline style included (few lower-case words). */
  const EN = [
    'The minister met the governor on Friday', 'Crews walk out in Halden', 'Mayor backs new tunnel plan', 'Ferry strike ends after talks',
    'Police close coast road', 'Nordlink cancels morning boats', 'Union rejects pay offer', 'Schools shut as storm nears',
    'Governor signs water bill', 'Prices rose in March', 'Voters approve library levy', 'Firefighters contain blaze near Moss',
    'Council delays budget vote', 'Rail fares climb again', 'Hospital opens new wing', 'Talks collapse over rosters',
    'Buses replace cancelled ferries', 'Minister resigns amid scandal', 'Floods hit northern towns', 'Drought cuts wheat harvest',
    'He denied the report', 'She won the seat', 'Exports fell sharply', 'Turnout hit a record', 'Bridge reopens to traffic',
    'Strikers return to work', 'Airport expands cargo terminal', 'Inflation eases slightly', 'Court upholds ban',
    'Teachers demand smaller classes', 'Mother and son die in flood', 'Man held over arson', 'Fans celebrate title win',
    'Smoke closes highway', 'Lawmakers pass housing bill', 'Ministers met in Oslo on Monday', 'Wages stall as costs soar',
    'Storm knocks out power', 'Residents fear more layoffs', 'Dam levels fall again', 'Nurses vote to strike', 'Pension reform stalls',
    'Ships wait outside port', 'Crime drops in capital', 'Senate blocks tariff plan', 'Two killed in crash', 'Farmers protest fuel tax',
    'Rates stay on hold', 'Ice closes mountain pass', 'Brandt wins second term', 'Rents soar in Bergen', 'Deal saves steel jobs',
    'Ferries run late', 'Shares slide on news', 'Museum returns stolen mask', 'Ban on nets lifted', 'Fire guts old mill',
    'Vote set for June', 'Police arrest two men', 'Crews were paid late', 'It was a hard winter', 'They left on Sunday',
    'Die-hard fans queued overnight', 'Van drivers went on strike', 'Pour concrete before frost', 'Son of mayor elected',
  ];
  /** Short statements in other languages: [ISO 639-1 code, statement]. */
  const FOREIGN: [string, string][] = [
    ['de', 'Der Minister traf den Gouverneur am Freitag'], ['de', 'Die Fähre fuhr nicht'], ['de', 'Der Streik ist vorbei'],
    ['de', 'Die Preise steigen wieder'], ['de', 'Er hat das bestätigt'], ['de', 'Die Schule bleibt geschlossen'],
    ['de', 'Der Bürgermeister sagte nichts'], ['de', 'Brandt kam am Montag zurück'], ['de', 'Die Gespräche sind gescheitert'],
    ['de', 'Das Schiff lag im Hafen'], ['de', 'Sie wurde gestern gewählt'],
    ['fr', 'Le maire a démissionné hier'], ['fr', 'La grève continue'], ['fr', 'Les prix ont augmenté'], ['fr', 'Il a rencontré le ministre'],
    ['fr', 'Le pont est fermé'], ['fr', 'Elle a gagné le siège'], ['fr', 'Brandt est parti lundi'], ['fr', 'Les bateaux sont restés au port'],
    ['fr', 'Le syndicat refuse'], ['fr', 'Une loi sur les loyers'],
    ['es', 'El alcalde visitó la ciudad'], ['es', 'La huelga terminó ayer'], ['es', 'Los precios subieron'], ['es', 'El puente está cerrado'],
    ['es', 'Ella ganó las elecciones'], ['es', 'Brandt llegó el lunes'], ['es', 'No hubo acuerdo'], ['es', 'Las escuelas siguen cerradas'],
    ['es', 'El barco no salió'], ['es', 'Una ley para los inquilinos'],
    ['it', 'Il sindaco ha parlato'], ['it', 'La nave non è partita'], ['it', 'I prezzi sono saliti'], ['it', 'Lo sciopero è finito'],
    ['it', 'Brandt è arrivato lunedì'], ['it', 'Le scuole restano chiuse'], ['it', 'Nessun accordo con il sindacato'], ['it', 'Il ponte è chiuso'],
    ['pt', 'O prefeito saiu ontem'], ['pt', 'A greve acabou'], ['pt', 'Os preços subiram muito'], ['pt', 'O ministro não veio'],
    ['pt', 'Brandt chegou na segunda'], ['pt', 'As escolas continuam fechadas'], ['pt', 'Não houve acordo'], ['pt', 'O navio ficou no porto'],
    ['nl', 'De burgemeester is afgetreden'], ['nl', 'Het veer vaart niet'], ['nl', 'De prijzen stijgen weer'], ['nl', 'Hij heeft het bevestigd'],
    ['nl', 'Brandt kwam maandag terug'], ['nl', 'De scholen blijven dicht'], ['nl', 'Er is geen akkoord'], ['nl', 'Het schip lag in de haven'],
  ];

  it('never sets aside a short English statement, headline style included', () => {
    const flagged = EN.filter((s) => nonEnglishLanguage(s));
    assert.deepEqual(flagged, []);
  });

  it('sets aside nearly every short German, French, Spanish, Italian, Portuguese and Dutch statement, naming its language', () => {
    const missed = FOREIGN.filter(([, s]) => !nonEnglishLanguage(s));
    assert.ok(missed.length * 20 <= FOREIGN.length, `missed ${missed.length} of ${FOREIGN.length}: ${missed.map(([, s]) => s).join(' | ')}`);
    const misnamed = FOREIGN.filter(([code, s]) => nonEnglishLanguage(s) && nonEnglishLanguage(s) !== code);
    assert.deepEqual(misnamed, []);
  });

  it('gives a short foreign statement the not-english note and no verdict, and judges a short English one', () => {
    const text = `Der Streik ist vorbei [@ferry-strike].\n\n${WRONG} [@ferry-strike].\n\nCrews walked out on Thursday [@ferry-strike].\n`;
    const r = checkDraft(text, [ferry]);
    const notes = r.problems.filter((p) => p.code === 'not-english');
    assert.equal(notes.length, 1);
    assert.equal(text.slice(notes[0].start, notes[0].end).startsWith('Der Streik'), true);
    assert.match(notes[0].message, /German/);
    assert.ok(r.verdicts.every((v) => !v.claim.text.startsWith('Der Streik')));
    assert.ok(r.verdicts.some((v) => v.claim.text.startsWith('Crews walked out')));
  });
});

describe('drafts leftovers: cited statements too short to judge', () => {
  it('gives each cited statement of one or two words an information note on its own range, never silence', () => {
    const text = `Strike [@ferry-strike].\n\n- Crews struck [@ferry-strike]\n- ${WRONG} [@ferry-strike]\n\n| Event | Source |\n|---|---|\n| Walkout | [@ferry-strike] |\n`;
    const r = checkDraft(text, [ferry]);
    const notes = r.problems.filter((p) => p.code === 'not-checked');
    assert.deepEqual(notes.map((p) => text.slice(p.start, p.end).replace(/\s*\[@ferry-strike\]\.?$/, '')), ['Strike', 'Crews struck', 'Walkout']);
    for (const n of notes) assert.match(n.message, /too few words/);
    assert.equal(problemSeverity('not-checked'), 'information');
    // Every cited statement is either judged or noted.
    const claims = parseDraft(text).blocks.flatMap((b) => b.claims).filter((c) => c.explicitlyCited);
    for (const c of claims) assert.ok(r.verdicts.some((v) => v.claim.start === c.start) || notes.some((p) => p.start === c.start), c.text);
  });

  it('leaves short uncited statements (headings, labels) without a note', () => {
    const text = `# Strike\n\n${WRONG} [@ferry-strike].\n\nMore soon.\n`;
    const r = checkDraft(text, [ferry]);
    assert.deepEqual(r.problems, []);
  });
});

describe('drafts leftovers: e-mail addresses stay in the statement', () => {
  it('keeps a bare or bracketed address in the statement’s text and prose, and never reads it as a citation', () => {
    for (const [text, address] of [
      ['Crews asked riders to write to rosters@nordlink.example before Friday [@ferry-strike].', 'rosters@nordlink.example'],
      ['The union named <press@halden-union.example> as its contact [@ferry-strike].', 'press@halden-union.example'],
      ['Timetables come from <mailto:ops@nordlink.example> each morning [@ferry-strike].', 'ops@nordlink.example'],
      ['- Complaints go to help.desk@coast-buses.example\n- Buses queued [@ferry-strike]', 'help.desk@coast-buses.example'],
    ] as const) {
      const d = parseDraft(text);
      const claims = d.blocks.flatMap((b) => b.claims);
      const c = claims.find((x) => x.text.includes(address));
      assert.ok(c, `${address} in ${JSON.stringify(claims.map((x) => x.text))}`);
      const at = text.indexOf(address);
      assert.equal(d.prose.slice(at, at + address.length), address);
      assert.ok(at >= c.start && at + address.length <= c.end);
      assert.ok(d.citations.every((x) => x.items.every((i) => i.key === 'ferry-strike')), JSON.stringify(d.citations));
      const r = checkDraft(text, [ferry]);
      assert.deepEqual(r.problems.filter((p) => p.code === 'unknown-key' || p.code === 'malformed-citation'), []);
    }
  });

  it('judges a statement holding an address and finds the wrong weekday', () => {
    const text = `${WRONG}, the union told desk@harbour-gazette.example [@ferry-strike].\n`;
    const v = verdictOn(checkDraft(text, [ferry]), 'Thursday');
    assert.equal(v.kind, 'contradicted');
    assert.ok(v.claim.text.includes('desk@harbour-gazette.example'), v.claim.text);
    assert.equal(text.slice(v.focus!.start, v.focus!.end), 'Thursday');
  });
});

describe('drafts leftovers: front matter', () => {
  const lineOf = (text: string, at: number) => text.slice(0, at).split(/\r\n|\n|\r/).length;

  it('points a YAML error at the line of the error, not at the closing fence', () => {
    for (const [text, line, starts] of [
      ['---\ntitle: "Ferry crews strike\nauthor: Kari Berg\n---\nCrews walked out.\n', 2, '"Ferry'],
      ['---\ntitle: Ferry\nsourcecheck:\n  references: [ferry-strike, coast-desk\nauthor: Kari\n---\nCrews walked out.\n', 4, '[ferry-strike'],
      ["---\r\nauthor: Kari\r\nsummary: 'Crews walk out\r\n---\r\nCrews walked out.\r\n", 3, "'Crews"],
      ['---\ntitle: Ferry\nauthor: Kari: Berg\n---\nCrews walked out.\n', 3, 'Kari'],
      ['\uFEFF---\ndesk: {name: harbour\n---\nCrews walked out.\n', 2, '{name'],
    ] as const) {
      const d = parseDraft(text);
      const n = d.notices.filter((x) => x.code === 'front-matter');
      assert.equal(n.length, 1, text);
      assert.equal(lineOf(text, n[0].start), line, `${JSON.stringify(text)}: ${n[0].message}`);
      assert.ok(text.slice(n[0].start).startsWith(starts), JSON.stringify(text.slice(n[0].start, n[0].end)));
      assert.match(n[0].message, new RegExp(`\\(line ${line}\\)`));
      assert.ok(!/[\r\n]/.test(text.slice(n[0].start, n[0].end)), 'the span stays on its line');
    }
  });

  it('warns on an unknown key inside sourcecheck:, suggesting the known one when close, and still reads the rest', () => {
    const text = `---\ntitle: Ferry\nsourcecheck:\n  referencs: [ferry-strike]\n  colour: blue\n---\n${WRONG} [@ferry-strike].\n`;
    const r = checkDraft(text, [ferry]);
    const ws = r.problems.filter((p) => p.code === 'front-matter');
    assert.deepEqual(ws.map((p) => text.slice(p.start, p.end)), ['referencs', 'colour']);
    assert.match(ws[0].message, /Did you mean “references”\?/);
    assert.doesNotMatch(ws[1].message, /Did you mean/);
    assert.equal(problemSeverity('front-matter'), 'warning');
    assert.deepEqual(ws[0].fixes.map((f) => f.edits), [[{ start: text.indexOf('referencs'), end: text.indexOf('referencs') + 9, newText: 'references' }]]);
    assert.equal(verdictOn(r, 'Thursday').kind, 'contradicted');
  });

  it('warns the same way in TOML front matter, and not at all on the known key', () => {
    const toml = `+++\ntitle = "Ferry"\n[sourcecheck]\nrefrences = ["ferry-strike"]\n+++\nCrews walked out.\n`;
    const d = parseDraft(toml);
    assert.deepEqual(d.notices.map((n) => toml.slice(n.start, n.end)), ['refrences']);
    assert.equal(d.notices[0].suggestion, 'references');
    assert.deepEqual(parseDraft(`---\nsourcecheck:\n  references: [ferry-strike]\n---\nCrews walked out.\n`).notices, []);
  });

  it('reports a nocite key that no reference has, at its place in the front matter; @* and known keys are fine', () => {
    const text = `---\ntitle: Ferry\nnocite: |\n  @ferry-strike, @ferry-strke, @*\n---\nCommuters queued for buses along the coast road.\n`;
    const r = checkDraft(text, [ferry]);
    const unknown = r.problems.filter((p) => p.code === 'unknown-key');
    assert.equal(unknown.length, 1, JSON.stringify(r.problems));
    assert.equal(text.slice(unknown[0].start, unknown[0].end), 'ferry-strke');
    assert.equal(unknown[0].suggestion, 'ferry-strike');
    assert.deepEqual(unknown[0].fixes[0].edits, [{ start: unknown[0].start, end: unknown[0].end, newText: 'ferry-strike' }]);
    const toml = `+++\nnocite = ["@coast-desk"]\n+++\nCommuters queued for buses.\n`;
    const t = checkDraft(toml, [ferry]).problems.filter((p) => p.code === 'unknown-key');
    assert.deepEqual(t.map((p) => toml.slice(p.start, p.end)), ['coast-desk']);
  });

  it('does not let nocite keys cite any statement (Pandoc semantics)', () => {
    const text = `---\nnocite: "@ferry-strike"\n---\n${WRONG}.\n`;
    const d = parseDraft(text);
    for (const c of d.blocks.flatMap((b) => b.claims)) {
      assert.deepEqual(c.cited, []);
      assert.equal(c.explicitlyCited, false);
    }
  });
});
