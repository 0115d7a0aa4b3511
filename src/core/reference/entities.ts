import {
  FACILITY_WORDS,
  FUNCTION_CAPITALS,
  LOCATIVE_PREPOSITIONS,
  PROPER_ADJECTIVE_ENDING,
  MONTHS,
  ORG_WORDS,
  SPEECH_VERBS,
  TITLE_HEADS,
  WEEKDAYS,
} from '../lexicon';
import { tokenize, type Token } from '../text/tokens';
import { countryOf, isNationality } from '../language/countries';
import { lemmas } from '../language/wordnet';
import type { Entity, EntityKind, Paragraph, Reference, Span } from '../types';
import { partitionPoint } from '../text/search';
import { isHighSurrogate, isLowSurrogate } from '../text/unicode';

/** A capitalised phrase of a sentence, cut into nationality, office and name. */
export interface NamePhrase {
  /** Token indexes into the sentence's tokens, inclusive. */
  first: number;
  last: number;
  nationality?: { text: string; first: number; last: number };
  title?: { text: string; first: number; last: number };
  name?: { text: string; first: number; last: number };
}

const isDotted = (t: Token) => /^(?:[A-Za-z]\.){2,}$/.test(t.text);
const isAcronym = (t: Token) => t.kind === 'word' && /^[A-Z]{2,6}s?$/.test(t.text);
const stripPossessive = (s: string) => s.replace(/['’]s?$/, '');
const isTimeWord = (t: Token) => WEEKDAYS.has(t.lower) || (MONTHS.has(t.lower) && t.lower !== 'may');

/** Capitalised word that could belong to a name ("Harbour", "Vasquez’s", "U.S."). */
function nameLike(t: Token | undefined): boolean {
  return !!t && (t.capital || isDotted(t)) && !isTimeWord(t);
}

/**
 * True for a word such as "British", "Ukrainian", "French-made", or an acronym like "U.S." used as an
 * adjective: a nationality (the dataset test, countries.isNationality), or another proper adjective of
 * origin or affiliation that qualifies an office the same way ("Republican senator", "Catholic bishop").
 */
export function isNationalityWord(t: Token, next: Token | undefined): boolean {
  if (!t.capital && !isDotted(t)) return false;
  const base = t.text.replace(/-(?:made|built|born|based|led|backed|supplied)$/i, '');
  if (base !== t.text) return true;
  if (isDotted(t)) return !!next && next.kind === 'word';
  return /^[A-Z][a-z]+$/.test(base) && (isNationality(base) || (base.length > 3 && PROPER_ADJECTIVE_ENDING.test(base))) && !!next && next.kind === 'word';
}

/** Finds capitalised phrases in a token list and splits each into nationality, office and name. */
export function namePhrases(tokens: Token[], sentenceStartIndex = 0): NamePhrase[] {
  const out: NamePhrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameLike(tokens[i])) continue;
    let j = i;
    for (;;) {
      const n1 = tokens[j + 1];
      const n2 = tokens[j + 2];
      const n3 = tokens[j + 3];
      if (nameLike(n1)) j += 1;
      else if (n1 && n1.lower === 'of' && nameLike(n2)) j += 2;
      else if (n1 && n1.lower === 'of' && n2?.lower === 'the' && nameLike(n3)) j += 3;
      else if (n1?.text === ',' && n2 && isDotted(n2) && tokens[j].capital && !isDotted(tokens[j])) j += 2;
      else break;
    }
    let first = i;
    // Sentence-initial function words ("According", "The", "However") name nothing, unless the phrase
    // is a country's name ("New Zealand's", per the countries data).
    const country = j > i && countryOf(tokens.slice(i, j + 1).map((t, k) => (k === j - i ? stripPossessive(t.text) : t.text)).join(' ')) !== undefined;
    while (!country && first <= j && FUNCTION_CAPITALS.has(stripPossessive(tokens[first].text)) && (first === sentenceStartIndex || tokens[first].text !== 'The' || first === j)) {
      first++;
    }
    // A sentence-initial word that is an inflected form of a common word ("Farmers warned", "Officials
    // said") is capitalised only because it opens the sentence. A word WordNet knows as it stands
    // ("Brown", "Paris") may be a name and is kept.
    if (first === j && first === sentenceStartIndex && tokens[j + 1]?.kind === 'word' && !tokens[j + 1].capital && commonInflection(tokens[first])) {
      i = j;
      continue;
    }
    if (first <= j) {
      const phrase = splitPhrase(tokens, first, j);
      if (phrase) out.push(phrase);
    }
    i = j;
  }
  return out;
}

/** A word whose base forms WordNet knows, none of them the word itself ("farmers" → farmer). */
function commonInflection(t: Token): boolean {
  const base = lemmas(t.lower);
  return base.length > 0 && !base.includes(t.lower);
}

/**
 * A lower-case word before a name that says what the person does ("physician Leah Okafor",
 * "hydrologist Marie Dubois"): an agent noun in "-ist" or "-ician". Walking WordNet's hypernyms up to
 * "person" was tried and made more things people than are (the subset's senses are not told apart),
 * which lowered the held-out figures; the suffixes are English morphology no dataset here lists.
 */
export function isPersonDescriptor(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !t.capital && t.lower.length >= 5 && /(?:ist|ician)s?$/.test(t.lower);
}

function splitPhrase(tokens: Token[], first: number, last: number): NamePhrase | undefined {
  const phrase: NamePhrase = { first, last };
  let k = first;
  if (tokens[k].text === 'The') k++;
  // Nationality modifiers lead the phrase: "U.S. Secretary of State", "Danish Nordvik cranes".
  if (k < last && isNationalityWord(tokens[k], tokens[k + 1])) {
    phrase.nationality = span(tokens, k, k);
    k++;
  } else if (k === last && isNationalityWord(tokens[k], tokens[k + 1]) && !tokens[k + 1]?.capital) {
    // A lone adjective before a common noun ("European officials") is a modifier, not a name.
    return undefined;
  }
  let head = -1;
  for (let t = k; t <= last; t++) if (TITLE_HEADS.has(stripPossessive(tokens[t].text))) head = t;
  if (head >= 0) {
    let titleEnd = head;
    if (tokens[head + 1]?.lower === 'of' && head + 2 <= last) {
      titleEnd = tokens[head + 2].lower === 'the' && head + 3 <= last ? head + 3 : head + 2;
    }
    phrase.title = span(tokens, k, titleEnd);
    if (titleEnd < last) phrase.name = span(tokens, titleEnd + 1, Math.min(last, titleEnd + 3));
  } else if (k <= last) {
    phrase.name = span(tokens, k, last);
  }
  return phrase;
}

function span(tokens: Token[], first: number, last: number): { text: string; first: number; last: number } {
  const parts: string[] = [];
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    const word = i === last ? stripPossessive(t.text) : t.text;
    parts.push(t.text === ',' ? ',' : (parts.length && tokens[i - 1].text !== ',' ? ' ' : parts.length ? ' ' : '') + word);
  }
  return { text: parts.join('').replace(/ ,/g, ',').trim(), first, last };
}

interface Draft {
  id: string;
  kind?: EntityKind;
  name: string;
  aliases: Set<string>;
  office?: string;
  nationality?: string;
  demonyms: Set<string>;
  holder?: string;
  keySentence: number;
  keyScore: number;
  hints: { locative: number; speaker: number; org: number };
}

/** The entities being gathered from a reference: drafts by lower-case name, and the nationality words seen. */
interface Gathered {
  byName: Map<string, Draft>;
  nationalityWords: Set<string>;
  nextId: number;
}

/** Extracts the entities of a reference from its sentences; nothing is known in advance. */
export function extractEntities(ref: Reference): Entity[] {
  const g: Gathered = { byName: new Map(), nationalityWords: new Set(), nextId: 1 };
  for (const sentence of ref.sentences) {
    const tokens = tokenize(ref.text, sentence.start, sentence.end);
    for (const p of namePhrases(tokens)) notePhrase(g, p, tokens, sentence.index);
  }
  mergeShortForms(g.byName);
  mergeAcronyms(g.byName, g.nationalityWords);
  linkDemonyms([...g.byName.values()], g.nationalityWords);
  const all = [...g.byName.values()];
  assignOfficeHolders(all);
  const byId = new Map(all.map((d) => [d.id, d]));
  const entities = all.map((d) => toEntity(d, byId));
  locateMentions(ref, entities);
  return entities.filter((e) => e.mentions.length > 0);
}

/** The draft named `name` (in any case), made with the next id when it is new. */
function entityFor(g: Gathered, name: string, sentence: number): Draft {
  const key = name.toLowerCase();
  let e = g.byName.get(key);
  if (!e) {
    e = {
      id: `e${g.nextId++}`,
      name,
      aliases: new Set(),
      demonyms: new Set(),
      keySentence: sentence,
      keyScore: 0,
      hints: { locative: 0, speaker: 0, org: 0 },
    };
    g.byName.set(key, e);
  }
  return e;
}

/** What one name phrase of a sentence tells: an office, a person holding one, a nationality, hints of the kind. */
function notePhrase(g: Gathered, p: NamePhrase, tokens: Token[], sentence: number): void {
  if (p.nationality) g.nationalityWords.add(p.nationality.text.replace(/-\w+$/, ''));
  if (!p.name && p.title) {
    // An office on its own ("the British Prime Minister"): attached to its holder later.
    const office = entityFor(g, officeName(p), sentence);
    office.kind = 'office';
    return;
  }
  if (!p.name) return;
  const nameTokens = tokens.slice(p.name.first, p.name.last + 1);
  if (nameTokens.every((t) => FUNCTION_CAPITALS.has(t.text))) return;
  const name = p.name.text;
  const e = entityFor(g, name, sentence);
  const before = tokens[p.first - 1];
  const after = tokens[p.last + 1];
  if (p.title) noteOffice(g, e, p, sentence);
  else if (p.nationality && !e.nationality) e.nationality = p.nationality.text.replace(/-(?:made|built|based|supplied)$/i, '');
  // "physician Leah Okafor": a descriptor of what someone does before a full name.
  if (!e.kind && p.name.last > p.name.first && p.first === p.name.first && isPersonDescriptor(before)) e.kind = 'person';
  if (before && LOCATIVE_PREPOSITIONS.has(before.lower)) e.hints.locative++;
  if (after && SPEECH_VERBS.has(after.lower)) e.hints.speaker++;
  if (after && (after.lower === 'has' || after.lower === 'have') && tokens[p.last + 2] && SPEECH_VERBS.has(tokens[p.last + 2].lower)) e.hints.speaker++;
  if (tokens[p.first]?.text === 'The' || nameTokens.some((t) => ORG_WORDS.has(t.text))) e.hints.org++;
  if (nameTokens.some((t) => FACILITY_WORDS.has(t.text))) e.hints.locative++;
  if (name.includes(',')) e.aliases.add(name.split(',')[0]);
  if (tokens[p.first]?.text === 'The') e.aliases.add(`The ${name}`);
}

/** A name with a title ("Harbour Commissioner Ada Lindqvist"): a person holding an office, and the office held by them. */
function noteOffice(g: Gathered, e: Draft, p: NamePhrase, sentence: number): void {
  e.kind = 'person';
  const office = (p.title as NonNullable<NamePhrase['title']>).text;
  const score = 3;
  if (!e.office || score > e.keyScore) {
    e.office = office;
    if (p.nationality) e.nationality = p.nationality.text;
  }
  const officeEntity = entityFor(g, officeName(p), sentence);
  officeEntity.kind = 'office';
  officeEntity.holder = e.id;
  officeEntity.nationality = p.nationality?.text;
  if (score > e.keyScore) {
    e.keyScore = score;
    e.keySentence = sentence;
  }
}

/** A later surname or short form ("Vasquez") is the person named in full elsewhere ("Elena Vasquez"). */
function mergeShortForms(byName: Map<string, Draft>): void {
  const drafts = [...byName.values()];
  // Candidates by last word, in order (whether a draft is an office never changes from here on).
  const byLastWord = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.kind === 'office') continue;
    const last = d.name.split(/\s+/).pop() as string;
    const list = byLastWord.get(last);
    if (list) list.push(d);
    else byLastWord.set(last, [d]);
  }
  for (const short of drafts) {
    if (short.kind === 'office' || short.name.includes(' ')) continue;
    const full = byLastWord.get(short.name)?.find((d) => d !== short);
    if (full) {
      merge(full, short);
      byName.delete(short.name.toLowerCase());
    }
  }
}

/** Acronyms stand for the capitalised phrase whose initials they spell ("U.S." for "United States"). */
function mergeAcronyms(byName: Map<string, Draft>, nationalityWords: Set<string>): void {
  // Candidates by word count and initials, in order; the first one not yet merged away is taken.
  const byInitials = new Map<string, Draft[]>();
  for (const d of byName.values()) {
    const k = `${d.name.split(/\s+/).length} ${initials(d.name)}`;
    const list = byInitials.get(k);
    if (list) list.push(d);
    else byInitials.set(k, [d]);
  }
  for (const word of [...nationalityWords, ...[...byName.values()].map((d) => d.name)]) {
    const letters = word.replace(/\./g, '');
    if (!/^[A-Z]{2,6}$/.test(letters)) continue;
    const full = byInitials.get(`${letters.length} ${letters}`)?.find((d) => byName.get(d.name.toLowerCase()) === d);
    if (!full) continue;
    full.aliases.add(word);
    full.demonyms.add(word);
    const acronymEntity = byName.get(word.toLowerCase());
    if (acronymEntity && acronymEntity !== full) {
      merge(full, acronymEntity);
      byName.delete(word.toLowerCase());
    }
  }
}

/** Adjectives of nationality point to the place they come from ("Norwegian" → "Norway"). */
function linkDemonyms(places: Draft[], nationalityWords: Set<string>): void {
  for (const word of nationalityWords) {
    if (word.includes('.')) continue;
    const stem = word.replace(/(?:ian|ean|an|ish|ese|ic|i)$/, '');
    if (stem.length < 4) continue;
    const place = places.find((d) => d.kind !== 'office' && !d.name.includes(' ') && d.name.startsWith(stem) && d.name !== word);
    if (place) {
      place.demonyms.add(word);
      place.hints.locative++;
    }
  }
}

/** Offices named alone ("the British Prime Minister") belong to the first person who holds that office. */
function assignOfficeHolders(all: Draft[]): void {
  // The first person who holds each office, by the office's name in lower case.
  const holders = new Map<string, Draft>();
  for (const p of all) {
    if (p.kind !== 'person' || !p.office) continue;
    const k = officeKey(p.office, p.nationality);
    if (!holders.has(k)) holders.set(k, p);
  }
  for (const d of all) {
    if (d.kind === 'office' && !d.holder) {
      const holder = holders.get(d.name.toLowerCase());
      if (holder) d.holder = holder.id;
    }
  }
}

/** The kind a draft's hints point to when nothing named it outright. */
function kindOf(d: Draft): EntityKind {
  return (
    d.kind ??
    (d.hints.org > 0
      ? 'organisation'
      : d.hints.locative > 0 || d.demonyms.size > 0
        ? 'place'
        : d.hints.speaker > 0 && d.name.split(' ').length >= 2
          ? 'person'
          : d.hints.speaker > 0
            ? 'person'
            : 'thing')
  );
}

/** A finished entity from its draft (no mentions yet): kind, name, aliases and description. */
function toEntity(d: Draft, byId: Map<string, Draft>): Entity {
  const kind = kindOf(d);
  const name = kind === 'thing' && /[a-z]s$/.test(d.name) && !ORG_WORDS.has(d.name.split(' ').pop() ?? '') ? d.name.slice(0, -1) : d.name;
  const aliases = new Set(d.aliases);
  if (name !== d.name) aliases.add(d.name);
  if (kind === 'person' && d.name.includes(' ')) aliases.add(d.name.split(/\s+/).pop() as string);
  if (kind === 'office') aliases.add(`the ${d.name}`);
  for (const dem of d.demonyms) aliases.add(dem);
  aliases.delete(name);
  const description =
    kind === 'person' && d.office
      ? [d.nationality, d.office].filter(Boolean).join(' ')
      : kind === 'office' && d.holder
        ? `office held by ${byId.get(d.holder)?.name ?? 'someone named in the source'}`
        : d.nationality && kind === 'thing'
          ? `${d.nationality} ${kindWord(kind)}`
          : undefined;
  return {
    id: d.id,
    kind,
    name,
    aliases: [...aliases],
    office: d.office,
    nationality: d.nationality,
    demonyms: d.demonyms.size ? [...d.demonyms] : undefined,
    holder: d.holder,
    description,
    mentions: [],
    paragraphs: [],
    keySentence: d.keySentence,
  };
}

function kindWord(kind: EntityKind): string {
  return kind === 'thing' ? 'item' : kind;
}

function officeName(p: NamePhrase): string {
  return [p.nationality?.text, p.title?.text].filter(Boolean).join(' ');
}

/** An office as its holder's description names it, in lower case: an office entity's name matches it. */
function officeKey(office: string, nationality: string | undefined): string {
  return [nationality, office].filter(Boolean).join(' ').toLowerCase();
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

function merge(into: Draft, from: Draft): void {
  into.aliases.add(from.name);
  for (const a of from.aliases) into.aliases.add(a);
  for (const a of from.demonyms) into.demonyms.add(a);
  into.hints.locative += from.hints.locative;
  into.hints.speaker += from.hints.speaker;
  into.hints.org += from.hints.org;
  if (!into.kind && from.kind && from.kind !== 'office') into.kind = from.kind;
  if (!into.office && from.office) {
    into.office = from.office;
    into.nationality = from.nationality;
  }
}

/** Finds every mention of every name and alias, longest first, on word boundaries. */
export function locateMentions(ref: Reference, entities: Entity[]): void {
  const forms: { form: string; entity: Entity }[] = [];
  for (const e of entities) for (const f of [e.name, ...e.aliases]) if (f.length > 1) forms.push({ form: f, entity: e });
  forms.sort((a, b) => b.form.length - a.form.length);
  const text = ref.text;
  // Characters already claimed by a (longer or earlier) mention: a match overlapping any of them is
  // skipped. Checking a match costs its own length, never the number of mentions found so far.
  const taken = new Uint8Array(text.length);
  const take = (entity: Entity, start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return;
    const s = { start, end };
    if (!paragraphOf(ref, s)) return;
    // "the" alias forms are lower-case in running text; other names must keep their capital.
    taken.fill(1, start, end);
    entity.mentions.push(s);
  };
  for (const { form, entity } of forms) {
    const cut = form.indexOf("'");
    const literal = cut < 0 ? form : form.slice(0, cut);
    if (!literal || /[\\\ud800-\udfff]/.test(form)) {
      // Rare forms (a leading apostrophe, a backslash, characters outside the BMP): the pattern itself.
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form).replace(/\\?'/g, "['’]")}(?:s|['’]s?)?(?![\\p{L}\\p{N}])`, 'gu');
      for (let m = re.exec(text); m; m = re.exec(text)) take(entity, m.index, m.index + m[0].length);
      continue;
    }
    // The same matches as that pattern, without compiling one per form (compiling \p{L} costs more
    // than the search): places that start with the form's text up to its first apostrophe, then the
    // rest of the form (either apostrophe for '), then "s", "'s" or "'" if a word boundary follows.
    for (let at = text.indexOf(literal); at >= 0; ) {
      const end = matchFormAt(text, form, at);
      if (end >= 0) take(entity, at, end);
      at = text.indexOf(literal, end >= 0 ? end : at + 1);
    }
  }
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    const paras = new Set<number>();
    for (const m of e.mentions) {
      const p = paragraphOf(ref, m);
      if (p) paras.add(p.number);
    }
    e.paragraphs = [...paras].sort((a, b) => a - b);
  }
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII_WORD = Array.from({ length: 128 }, (_, c) => LETTER_OR_DIGIT.test(String.fromCharCode(c)));
const isWordPoint = (cp: number) => (cp < 128 ? ASCII_WORD[cp] : LETTER_OR_DIGIT.test(String.fromCodePoint(cp)));

/** A letter or digit (\p{L}, \p{N}) ends at `at` (exclusive), reading a surrogate pair as one character. */
function wordBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const c = text.charCodeAt(at - 1);
  if (isLowSurrogate(c) && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2))) return isWordPoint(text.codePointAt(at - 2) as number);
  return isWordPoint(c);
}

/** A letter or digit starts at `at`, reading a surrogate pair as one character. */
function wordAfter(text: string, at: number): boolean {
  return at < text.length && isWordPoint(text.codePointAt(at) as number);
}

/**
 * Where a match of `(?<![\p{L}\p{N}])FORM(?:s|['’]s?)?(?![\p{L}\p{N}])` (flag u, each ' of the form
 * matching ' or ’) starting at `at` ends, or -1; alternatives are tried in the pattern's order. Only
 * for forms with no backslash and no surrogates, which start at `at` with a character of their own.
 */
function matchFormAt(text: string, form: string, at: number): number {
  if (wordBefore(text, at)) return -1;
  const n = form.length;
  if (at + n > text.length) return -1;
  for (let k = 0; k < n; k++) {
    const f = form.charCodeAt(k);
    const c = text.charCodeAt(at + k);
    if (c !== f && !(f === APOSTROPHE && c === RIGHT_QUOTE)) return -1;
  }
  const e = at + n;
  const c = text.charCodeAt(e);
  if (c === 0x73 /* s */ && !wordAfter(text, e + 1)) return e + 1;
  if (c === APOSTROPHE || c === RIGHT_QUOTE) {
    if (text.charCodeAt(e + 1) === 0x73 && !wordAfter(text, e + 2)) return e + 2;
    if (!wordAfter(text, e + 1)) return e + 1;
  }
  return wordAfter(text, e) ? -1 : e;
}

/** The paragraph that holds the whole span, found by binary search (paragraphs are in text order and never overlap). */
function paragraphOf(ref: Reference, s: Span): Paragraph | undefined {
  const paras = ref.paragraphs;
  // The last paragraph that starts at or before the span.
  const p = paras[partitionPoint(paras.length, (i) => paras[i].start <= s.start) - 1];
  return p && s.end <= p.end ? p : undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
