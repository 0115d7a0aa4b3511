// Countries by name, code and demonym.
//
// Data: the npm package world-countries (mledoze/countries), made available under the Open Database
// License (ODbL) 1.0 (https://opendatacommons.org/licenses/odbl/1-0/); the table in ./data/countries.json
// is a derived database (common and official names, Latin-script alternative spellings, ISO 3166
// alpha-2 and alpha-3 codes with their dotted forms, English demonyms), extracted by
// scripts/build-language-data.mjs and shared under the same licence (see THIRD-PARTY-NOTICES.md).
//
// Pure: no I/O beyond the bundled JSON, which is parsed on the first call, not when this module loads.

interface Raw {
  names: Record<string, string>;
  codes: Record<string, string>;
  demonyms: Record<string, string>;
}

interface Tables {
  names: Map<string, string[]>;
  codes: Map<string, string[]>;
  demonyms: Map<string, string[]>;
}

/**
 * What the dataset lacks, each with why. Keys are folded lower case; values are ISO alpha-3 codes.
 */
const EXTRA_NAMES: Record<string, string> = {
  // Everyday short forms the dataset lists only inside longer names ("Great Britain", "United States
  // of America").
  britain: 'GBR',
  america: 'USA',
  // The dataset now names the country "Türkiye" only; English prose still mostly writes "Turkey".
  turkey: 'TUR',
};
const EXTRA_DEMONYMS: Record<string, string> = {
  // The dataset gives "British" only; "Briton" is the noun for a person from the United Kingdom.
  briton: 'GBR',
  // The dataset gives "Saudi Arabian" only; news prose says "Saudi" ("a Saudi official").
  saudi: 'SAU',
};

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  // Required here rather than imported, so that the bundle parses the JSON on first use only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./data/countries.json') as Raw;
  const toMap = (o: Record<string, string>, extra: Record<string, string> = {}) => {
    const m = new Map<string, string[]>();
    for (const [k, v] of Object.entries(o)) m.set(k, v.split(' '));
    for (const [k, v] of Object.entries(extra)) if (!m.has(k)) m.set(k, [v]);
    return m;
  };
  tables = { names: toMap(raw.names, EXTRA_NAMES), codes: toMap(raw.codes), demonyms: toMap(raw.demonyms, EXTRA_DEMONYMS) };
  return tables;
}

/** Lower case, accents folded, typographic apostrophes made plain, a leading "the" and a possessive dropped. */
function fold(s: string): string {
  // Asked of every capitalised word of every statement: remembered per distinct short phrase.
  if (s.length > 40) return foldUncached(s);
  let f = foldMemo.get(s);
  if (f === undefined) {
    f = foldUncached(s);
    if (foldMemo.size >= 50_000) foldMemo.clear();
    // A slice of a longer text may share its memory: a copy as the key, so the memo holds no draft alive.
    foldMemo.set(s.length > 12 ? s.split('').join('') : s, f);
  }
  return f;
}
const foldMemo = new Map<string, string>();

function foldUncached(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/'s?$/, '');
}

/** A demonym, also as a plural noun ("Americans", "Britons"). */
function demonymIds(folded: string): string[] | undefined {
  const t = load();
  return t.demonyms.get(folded) ?? (folded.endsWith('s') ? t.demonyms.get(folded.slice(0, -1)) : undefined);
}

/**
 * Every country a phrase may name, most likely first (independent countries before territories that
 * share a demonym, as "American" is also said of the Northern Mariana Islands). Codes count only as
 * written, in capitals ("US", "U.S.", "UK"), so that the words "us" and "in" name nothing.
 */
export function countriesOf(phrase: string): readonly string[] {
  const t = load();
  const trimmed = phrase.trim().replace(/^the\s+/i, '').replace(/['’]s$/, '');
  const code = t.codes.get(trimmed);
  if (code) return code;
  const f = fold(phrase);
  if (!f) return [];
  return t.names.get(f) ?? demonymIds(f) ?? [];
}

/**
 * The country a phrase names, as its ISO 3166 alpha-3 code: a name ("France", "the Netherlands",
 * "Côte d'Ivoire"), a common short form ("Britain", "America"), a code with or without dots ("US",
 * "U.S.", "UK", "U.K.") or a demonym ("American", "British", "Canadians"). Undefined when it names none.
 */
export function countryOf(phrase: string): string | undefined {
  return countriesOf(phrase)[0];
}

/**
 * Adjectives of origin that name no sovereign country, so the dataset has none of them: the nations
 * inside the United Kingdom, continents and world regions, peoples without a state of their own, and
 * compass regions ("Western leaders"). They say where someone is from as a demonym does.
 */
const ORIGIN_ADJECTIVES = new Set(
  'english scottish welsh european african asian arab latin nordic scandinavian caribbean balkan baltic basque catalan kurdish flemish western eastern northern southern'.split(' '),
);

/**
 * Is the word a demonym ("Canadian", "Dutch", "Britons"), an adjective or noun of nationality, or an
 * adjective of origin that names no country ("Scottish", "European", "Western")? The one test of
 * nationality in the engine.
 */
export function isNationality(word: string): boolean {
  const w = fold(word);
  return demonymIds(w) !== undefined || ORIGIN_ADJECTIVES.has(w);
}

/** Do two phrases name the same country ("U.S." and "American", "Britain" and "UK")? */
export function sameCountry(a: string, b: string): boolean {
  const x = countriesOf(a);
  if (!x.length) return false;
  return countriesOf(b).some((id) => x.includes(id));
}
