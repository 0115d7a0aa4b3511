// Hostile and realistic drafts and references for the property tests (fast-check arbitraries),
// and the checks every result must pass whatever the input.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { builtinReferences } from '../../src/builtin';
import { loadReference, type CheckResult, type Reference, type Span } from '../../src/core';

const root = join(__dirname, '..', '..');
export const SAMPLE_DRAFT = readFileSync(join(root, 'media', 'sample-draft.md'), 'utf8');
export const HARBOUR = readFileSync(join(root, 'test', 'fixtures', 'references', 'harbour-bridge.md'), 'utf8');
export const BUILTIN = builtinReferences()[0];
const KEY = BUILTIN.key;

/** The sample draft's statements with their citations, one per line of prose. */
const draftSentences = SAMPLE_DRAFT.split(/\n/)
  .filter((l) => /^[A-Z]/.test(l))
  .flatMap((l) => l.split(/(?<=[.!?\]]|\[\^1\])\s+(?=[A-Z])/));
const harbourRef = loadReference(HARBOUR, { key: 'harbour-bridge', title: 'Harbour Bridge', path: 'fixture' });
const refSentences = BUILTIN.sentences.map((s) => s.text);
const harbourSentences = harbourRef.sentences.map((s) => s.text);

// --- Pieces of hostile text --------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const emoji = fc.constantFrom('😀', '👩‍👩‍👧‍👦', '🇬🇧', '🏳️‍🌈', '𝔘𝔨𝔯𝔞𝔦𝔫𝔢', '🚀🚀', '\u{1F600}\u{FE0F}', '𠜎𠜱');
const combining = fc.constantFrom('e\u0301', '\u0301', 'Zelenskiy\u0308', 'a\u0300\u0301\u0302\u0303', '\u20dd', 'Ukraine\u0336', 'ﬁnal', 'Ⅻ', 'İstanbul');
const rtl = fc.constantFrom(
  'مرحبا بالعالم.',
  'قال ستارمر إن المحادثات مهمة [@' + KEY + '].',
  'שלום עולם, זה משפט.',
  '\u202eStarmer met Biden\u202c',
  '\u200fBiden\u200e',
  'Biden said ‏"שלום" in Washington.',
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r', '\u2028', '\u0085');
const blank = fc.constantFrom('', ' ', '\t', '\u00a0', '\u3000', '   \n  \n', '\r\n \r\n', '\u200b', '\ufeff');
const adversarialCitation = fc.constantFrom(
  '[@',
  '[@@a;;]',
  '[@key, ¶-1]',
  `[@${KEY}, ¶999]`,
  `[@${KEY}, ¶0]`,
  `[@${KEY}, ¶x]`,
  `[@${KEY}, para. 3]`,
  `[@${KEY}; @${KEY}, ¶2]`,
  `[see @${KEY}, ¶1; @other]`,
  `[-@${KEY}]`,
  '[@]',
  '[@;]',
  '[]',
  '[@starmer-washingon]',
  `[@${KEY}`,
  `@${KEY}]`,
  '[^1]',
  '[^missing]',
  `[^1]: Note citing @${KEY}, ¶6.`,
  `[@${KEY}](http://example.invalid)`,
  `[@${KEY}]: http://example.invalid`,
  '[@😀]',
  '[@a\u0301]',
  `[@${KEY}, ¶${'9'.repeat(30)}]`,
  '[[[[@',
  '[@a; @b; @c; @d; @e; @f]',
);
const manyCitations = fc
  .tuple(fc.integer({ min: 2, max: 400 }), fc.constantFrom(`[@${KEY}]`, `[@${KEY}, ¶999]`, '[@nope, ¶2]', '[@', '[@@a;;]'))
  .map(([n, c]) => `Starmer met Biden ${Array.from({ length: n }, () => c).join(' ')}.`);
const markup = fc.constantFrom(
  '# Heading',
  '## Starmer met Biden',
  '```\ncode [@x]\n```',
  '~~~\nunclosed fence',
  '`Putin` said',
  '**Starmer** and _Biden_',
  '<!-- factcheck-ignore -->',
  '<!-- factcheck-disable-next-line -->',
  '<!-- factcheck-disable -->',
  '<!-- factcheck-enable -->',
  '<!-- unclosed comment',
  '<div>html</div>',
  '| a | b |',
  '---',
  '* * *',
  '[link](http://example.invalid)',
  '![image](x.png)',
  '<https://example.invalid>',
  '---\nreferences: [' + KEY + ']\n---\n',
  '---\r\nreferences:\r\n  - ' + KEY + '\r\n---\r\n',
  '---\rreferences: ' + KEY + '\r---\r',
  '---\ntitle: no close',
  '\\[@escaped]',
  '"an unclosed quotation',
  '“escalate the conflict and alter its nature”',
);
const nested = fc
  .tuple(fc.integer({ min: 1, max: 50 }), fc.constantFrom('> ', '- ', '  - ', '1. ', '> - ', '* '), fc.constantFrom(...draftSentences))
  .map(([depth, marker, s]) => Array.from({ length: depth }, (_, i) => marker.repeat(i + 1) + s).join('\n'));
const longLine = fc
  .tuple(fc.integer({ min: 200, max: 4000 }), fc.constantFrom('a', 'Starmer met Biden in Washington and ', 'the missiles may not ', '😀', 'U.S. ', '"quote ', '*_', '['))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
const unicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 10 }),
  fc.array(fc.oneof(loneSurrogate, fc.constantFrom('a', ' ', '.', '@', '[', ']')), { maxLength: 12 }).map((a) => a.join('')),
);

/** A word or short phrase likely to keep an edit inside one block of prose. */
export const proseEdit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('x', 'Starmer', ' not', ' may', '12', ' Friday', 'the ', 'Berlin', 'Prime Minister ', 'é', '', 'Blinken', '3,000') },
  { weight: 2, arbitrary: fc.oneof(emoji, combining, loneSurrogate) },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\r', '[@', ']', `[@${KEY}]`, '*', '#', '<!--', '-->', '`', '"', '. ') },
);

/** One piece of a draft: mostly real statements, the rest hostile. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...draftSentences) },
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...refSentences), fc.constantFrom(`[@${KEY}]`, `[@${KEY}, ¶2]`, '', `[@${KEY}, ¶99]`)).map(([s, c]) => s.replace(/\.?$/, ` ${c}.`)) },
  { weight: 3, arbitrary: adversarialCitation },
  { weight: 3, arbitrary: markup },
  { weight: 2, arbitrary: unicode },
  { weight: 2, arbitrary: fc.oneof(emoji, combining, rtl, loneSurrogate) },
  { weight: 2, arbitrary: blank },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: longLine },
  { weight: 1, arbitrary: manyCitations },
);

const separator = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(' ', '\n\n') }, { weight: 2, arbitrary: lineEnd }, { weight: 1, arbitrary: fc.constant('') });

/** Joins pieces with separators. */
export const joined = (piece: fc.Arbitrary<string>, maxLength = 24) =>
  fc.array(fc.tuple(piece, separator), { maxLength }).map((parts) => parts.map(([p, s]) => p + s).join(''));

/** A draft against the built-in reference. */
export const draft = fc.oneof(
  { weight: 10, arbitrary: joined(fragment) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: fc.constant(SAMPLE_DRAFT) },
);

// --- Generated references ---------------------------------------------------------------------

const names = ['Mara Oduya', 'Tomas Reyes', 'Ana Lindqvist', 'Kofi Mensah', 'Li Wei', 'Élodie Brun', 'Søren Kask'];
const offices = ['Mayor', 'Harbour Master', 'Finance Minister', 'chief engineer', 'Governor'];
const places = ['Port Alden', 'Kestrel Bay', 'Oslo', 'Nairobi', 'the Old Town', 'Reykjavík'];
const synthetic = fc
  .record({
    who: fc.constantFrom(...names),
    office: fc.constantFrom(...offices),
    verb: fc.constantFrom('said', 'warned', 'announced', 'did not confirm', 'may approve', 'rejected'),
    n: fc.integer({ min: 0, max: 5_000_000 }),
    what: fc.constantFrom('repairs', 'ferries', 'new homes', 'the budget', 'missiles', 'bridges'),
    where: fc.constantFrom(...places),
    when: fc.constantFrom('on Monday', 'in March 2024', 'before Friday', 'last year', 'by 2030'),
  })
  .map((r) => `${r.office} ${r.who} ${r.verb} that ${r.n.toLocaleString('en-GB')} ${r.what} would come to ${r.where} ${r.when}.`);

export const referenceKey = fc.constantFrom('gen', 'alt-ref', 'ref_2', 'Ünïcode-kéy', 'a', 'x:y.z');

/** A reference text: real sentences of both articles, made-up reports, and some hostile text. */
export const referenceText = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: synthetic },
        { weight: 3, arbitrary: fc.constantFrom(...harbourSentences) },
        { weight: 2, arbitrary: fc.constantFrom(...refSentences) },
        { weight: 1, arbitrary: fc.oneof(unicode, emoji, rtl, combining, blank) },
      ),
      { minLength: 0, maxLength: 14 },
    ),
    fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\r\r', ' ', '\r\n'),
    fc.boolean(),
  )
  .map(([parts, sep, fm]) => (fm ? '---\ntitle: Generated\n---\n\n# Generated\n\n' : '') + parts.join(sep));

/** A reference and a draft that cites it, made of its own sentences (some altered) and hostile pieces. */
export const generatedCase = fc
  .tuple(referenceText, referenceKey, fc.boolean())
  .chain(([text, key, withBuiltin]) => {
    let ref: Reference | undefined;
    let loadError: unknown;
    try {
      ref = loadReference(text, { key, title: 'Generated', path: `generated:${key}` });
    } catch (e) {
      loadError = e; // the property checks it is an InputError (a message for people), never a crash
    }
    const own = ref ? ref.sentences.map((s) => s.text) : ['Nothing here.'];
    const cited = fc
      .tuple(fc.constantFrom(...own), fc.constantFrom(`[@${key}]`, `[@${key}, ¶1]`, `[@${key}, ¶${(ref?.paragraphs.length ?? 0) + 1}]`, ''), fc.nat(), fc.constantFrom('', 'not ', '17 ', 'Berlin ', 'Mara Oduya '))
      .map(([s, c, at, insert]) => {
        const words = s.split(' ');
        const i = at % (words.length + 1);
        return [...words.slice(0, i), insert + (words[i] ?? ''), ...words.slice(i + 1)].join(' ').replace(/\.?$/, ` ${c}.`);
      });
    const piece = fc.oneof({ weight: 4, arbitrary: cited }, { weight: 2, arbitrary: fragment });
    const head = fc.constantFrom('', `---\nreferences: [${key}]\n---\n\n`, `---\nreferences: [${key}, ${KEY}]\n---\n\n`);
    return fc.record({
      refText: fc.constant(text),
      loadError: fc.constant(loadError),
      ref: fc.constant(ref),
      refs: fc.constant(described(ref ? (withBuiltin ? [BUILTIN, ref] : [ref]) : [BUILTIN])),
      draft: fc.tuple(head, joined(piece, 14)).map(([h, d]) => h + d),
    });
  });

/** References print as their keys in a counterexample (the text is printed as refText). */
export function described(refs: Reference[]): Reference[] {
  return Object.assign(refs, { [fc.toStringMethod]: () => `[${refs.map((r) => (r === BUILTIN ? 'BUILTIN' : `loadReference(refText, {key: ${JSON.stringify(r.key)}})`)).join(', ')}]` });
}

/** An edit: where (as a fraction of the text), how much to delete, what to insert. */
export const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 12 }), ins: proseEdit });
export type Edit = { at: number; del: number; ins: string };
export const applyEdit = (text: string, e: Edit): string => {
  const p = Math.floor(e.at * text.length);
  return text.slice(0, p) + e.ins + text.slice(Math.min(text.length, p + e.del));
};

// --- What every result must satisfy ---------------------------------------------------------------

/** True when `at` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

function assertSpan(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: offsets must be integers (${s.start}, ${s.end})`);
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: [${s.start}, ${s.end}) outside [0, ${text.length}]`);
  assert.ok(!splitsPair(text, s.start), `${what}: starts inside a surrogate pair at ${s.start}`);
  assert.ok(!splitsPair(text, s.end), `${what}: ends inside a surrogate pair at ${s.end}`);
}

/** Every range of a result lies in its text, in order, and never splits a character. */
export function assertRanges(text: string, refs: Reference[], r: CheckResult): void {
  const byKey = new Map(refs.map((x) => [x.key, x]));
  for (const v of r.verdicts) {
    const c = v.claim;
    assertSpan(text, c, `claim “${c.text}”`);
    if (v.focus) {
      assertSpan(text, v.focus, `focus of “${c.text}”`);
      assert.ok(c.start <= v.focus.start && v.focus.end <= c.end, `focus [${v.focus.start}, ${v.focus.end}) outside its claim [${c.start}, ${c.end})`);
    }
    for (const cit of c.citations) {
      assertSpan(text, cit, `citation ${cit.raw}`);
      for (const item of cit.items) {
        assertSpan(text, item.keySpan, `key of ${cit.raw}`);
        if (item.locatorSpan) assertSpan(text, item.locatorSpan, `locator of ${cit.raw}`);
      }
    }
    for (const q of c.quotes) assertSpan(text, q, `quote “${q.text}”`);
    for (const e of v.evidence) {
      const ref = byKey.get(e.reference);
      assert.ok(ref, `evidence names an unloaded reference “${e.reference}”`);
      assertSpan(ref.text, e, `evidence in ${e.reference}`);
      assert.ok(e.paragraph >= 1 && e.paragraph <= ref.paragraphs.length, `evidence paragraph ${e.paragraph} of ${ref.paragraphs.length}`);
      assert.equal(ref.text.slice(e.start, e.end), e.text, `evidence text is not the text at its range in “${e.reference}”`);
    }
    for (const f of v.fixes) for (const e of f.edits) assertSpan(text, e, `edit of fix “${f.title}”`);
  }
  for (const p of r.problems) {
    assertSpan(text, p, `problem ${p.code}`);
    for (const f of p.fixes) for (const e of f.edits) assertSpan(text, e, `edit of fix “${f.title}”`);
  }
}

/** Runs `fn`, failing when it takes longer than `ms`; returns its value. */
export function timed<T>(ms: number, what: string, fn: () => T): T {
  const t0 = performance.now();
  const value = fn();
  const took = performance.now() - t0;
  assert.ok(took <= ms, `${what} took ${Math.round(took)} ms (limit ${ms} ms)`);
  return value;
}

/** A result as plain data, for deep comparison. */
export const plain = (r: CheckResult): unknown => JSON.parse(JSON.stringify(r));

/** A draft with LF line ends only, made to be converted to CRLF and CR. */
export const lfDraft = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...draftSentences) },
        { weight: 3, arbitrary: fc.constantFrom(...refSentences).map((s) => s.replace(/\.?$/, ` [@${KEY}].`)) },
        { weight: 2, arbitrary: adversarialCitation.filter((c) => !c.includes('\r')) },
        { weight: 2, arbitrary: markup.filter((c) => !c.includes('\r')) },
        { weight: 1, arbitrary: nested },
      ),
      fc.constantFrom(' ', '\n', '\n\n', '\n  \n'),
    ),
    { maxLength: 16 },
  )
  .chain((parts) => fc.tuple(fc.constantFrom('', `---\nreferences: [${KEY}]\n---\n`), fc.constant(parts.map(([p, s]) => p + s).join(''))))
  .map(([head, body]) => head + body);
