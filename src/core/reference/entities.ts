import {
  FACILITY_WORDS,
  FUNCTION_CAPITALS,
  LOCATIVE_PREPOSITIONS,
  MONTHS,
  NATIONALITY_SUFFIX,
  ORG_WORDS,
  SPEECH_VERBS,
  TITLE_HEADS,
  WEEKDAYS,
} from '../lexicon';
import { tokenize, type Token } from '../text/tokens';
import type { Entity, EntityKind, Reference, Span } from '../types';

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

/** True for a word such as "British", "Ukrainian", "French-made", or an acronym like "U.S." used as an adjective. */
export function isNationalityWord(t: Token, next: Token | undefined): boolean {
  if (!t.capital && !isDotted(t)) return false;
  const base = t.text.replace(/-(?:made|built|born|based|led|backed|supplied)$/i, '');
  if (base !== t.text) return true;
  if (isDotted(t)) return !!next && next.kind === 'word';
  return /^[A-Z][a-z]+$/.test(base) && base.length > 3 && NATIONALITY_SUFFIX.test(base) && !!next && next.kind === 'word';
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
    // Sentence-initial function words ("According", "The", "However") name nothing.
    while (first <= j && FUNCTION_CAPITALS.has(stripPossessive(tokens[first].text)) && (first === sentenceStartIndex || tokens[first].text !== 'The' || first === j)) {
      first++;
    }
    if (first <= j) {
      const phrase = splitPhrase(tokens, first, j);
      if (phrase) out.push(phrase);
    }
    i = j;
  }
  return out;
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

/** Extracts the entities of a reference from its sentences; nothing is known in advance. */
export function extractEntities(ref: Reference): Entity[] {
  const byName = new Map<string, Draft>();
  const nationalityWords = new Set<string>();
  let nextId = 1;

  const entityFor = (name: string, sentence: number): Draft => {
    const key = name.toLowerCase();
    let e = byName.get(key);
    if (!e) {
      e = {
        id: `e${nextId++}`,
        name,
        aliases: new Set(),
        demonyms: new Set(),
        keySentence: sentence,
        keyScore: 0,
        hints: { locative: 0, speaker: 0, org: 0 },
      };
      byName.set(key, e);
    }
    return e;
  };

  for (const sentence of ref.sentences) {
    const tokens = tokenize(ref.text, sentence.start, sentence.end);
    for (const p of namePhrases(tokens)) {
      if (p.nationality) nationalityWords.add(p.nationality.text.replace(/-\w+$/, ''));
      if (!p.name && p.title) {
        // An office on its own ("the British Prime Minister"): attached to its holder later.
        const office = entityFor(officeName(p), sentence.index);
        office.kind = 'office';
        continue;
      }
      if (!p.name) continue;
      const nameTokens = tokens.slice(p.name.first, p.name.last + 1);
      if (nameTokens.every((t) => FUNCTION_CAPITALS.has(t.text))) continue;
      let name = p.name.text;
      const e = entityFor(name, sentence.index);
      const before = tokens[p.first - 1];
      const after = tokens[p.last + 1];
      if (p.title) {
        e.kind = 'person';
        const office = p.title.text;
        const score = 3;
        if (!e.office || score > e.keyScore) {
          e.office = office;
          if (p.nationality) e.nationality = p.nationality.text;
        }
        const officeEntity = entityFor(officeName(p), sentence.index);
        officeEntity.kind = 'office';
        officeEntity.holder = e.id;
        officeEntity.nationality = p.nationality?.text;
        if (score > e.keyScore) {
          e.keyScore = score;
          e.keySentence = sentence.index;
        }
      } else if (p.nationality && !e.nationality) {
        e.nationality = p.nationality.text.replace(/-(?:made|built|based|supplied)$/i, '');
      }
      if (before && LOCATIVE_PREPOSITIONS.has(before.lower)) e.hints.locative++;
      if (after && SPEECH_VERBS.has(after.lower)) e.hints.speaker++;
      if (after && (after.lower === 'has' || after.lower === 'have') && tokens[p.last + 2] && SPEECH_VERBS.has(tokens[p.last + 2].lower)) e.hints.speaker++;
      if (tokens[p.first]?.text === 'The' || nameTokens.some((t) => ORG_WORDS.has(t.text))) e.hints.org++;
      if (nameTokens.some((t) => FACILITY_WORDS.has(t.text))) e.hints.locative++;
      if (name.includes(',')) e.aliases.add(name.split(',')[0]);
      if (tokens[p.first]?.text === 'The') e.aliases.add(`The ${name}`);
    }
  }

  const drafts = [...byName.values()];
  // A later surname or short form ("Vasquez") is the person named in full elsewhere ("Elena Vasquez").
  for (const short of drafts) {
    if (short.kind === 'office' || short.name.includes(' ')) continue;
    const full = drafts.find((d) => d !== short && d.kind !== 'office' && d.name.split(/\s+/).pop() === short.name);
    if (full) {
      merge(full, short);
      byName.delete(short.name.toLowerCase());
    }
  }
  // Acronyms stand for the capitalised phrase whose initials they spell ("U.S." for "United States").
  const live = () => [...byName.values()];
  for (const word of [...nationalityWords, ...live().map((d) => d.name)]) {
    const letters = word.replace(/\./g, '');
    if (!/^[A-Z]{2,6}$/.test(letters)) continue;
    const full = live().find((d) => d.name.split(/\s+/).length === letters.length && initials(d.name) === letters);
    if (!full) continue;
    full.aliases.add(word);
    full.demonyms.add(word);
    const acronymEntity = byName.get(word.toLowerCase());
    if (acronymEntity && acronymEntity !== full) {
      merge(full, acronymEntity);
      byName.delete(word.toLowerCase());
    }
  }
  // Adjectives of nationality point to the place they come from ("Norwegian" → "Norway").
  for (const word of nationalityWords) {
    if (word.includes('.')) continue;
    const stem = word.replace(/(?:ian|ean|an|ish|ese|ic|i)$/, '');
    if (stem.length < 4) continue;
    const place = live().find((d) => d.kind !== 'office' && !d.name.includes(' ') && d.name.startsWith(stem) && d.name !== word);
    if (place) {
      place.demonyms.add(word);
      place.hints.locative++;
    }
  }

  const entities: Entity[] = [];
  const all = live();
  for (const d of all) {
    if (d.kind === 'office' && !d.holder) {
      // Offices named alone ("the British Prime Minister") belong to whoever holds that office.
      const holder = all.find((p) => p.kind === 'person' && p.office && officeMatches(d.name, p.office, p.nationality));
      if (holder) d.holder = holder.id;
    }
  }
  for (const d of all) {
    const kind: EntityKind =
      d.kind ??
      (d.hints.org > 0
        ? 'organisation'
        : d.hints.locative > 0 || d.demonyms.size > 0
          ? 'place'
          : d.hints.speaker > 0 && d.name.split(' ').length >= 2
            ? 'person'
            : d.hints.speaker > 0
              ? 'person'
              : 'thing');
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
          ? `office held by ${all.find((p) => p.id === d.holder)?.name ?? 'someone named in the source'}`
          : d.nationality && kind === 'thing'
            ? `${d.nationality} ${kindWord(kind)}`
            : undefined;
    entities.push({
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
    });
  }
  locateMentions(ref, entities);
  return entities.filter((e) => e.mentions.length > 0);
}

function kindWord(kind: EntityKind): string {
  return kind === 'thing' ? 'item' : kind;
}

function officeName(p: NamePhrase): string {
  return [p.nationality?.text, p.title?.text].filter(Boolean).join(' ');
}

function officeMatches(officeName: string, office: string, nationality: string | undefined): boolean {
  return officeName.toLowerCase() === [nationality, office].filter(Boolean).join(' ').toLowerCase();
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
  const taken: Span[] = [];
  const text = ref.text;
  for (const { form, entity } of forms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form).replace(/\\?'/g, "['’]")}(?:s|['’]s?)?(?![\\p{L}\\p{N}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => t.start < s.end && s.start < t.end)) continue;
      if (!ref.paragraphs.some((q) => q.start <= s.start && s.end <= q.end)) continue;
      // "the" alias forms are lower-case in running text; other names must keep their capital.
      taken.push(s);
      entity.mentions.push(s);
    }
  }
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    const paras = new Set<number>();
    for (const m of e.mentions) {
      const p = ref.paragraphs.find((q) => q.start <= m.start && m.end <= q.end);
      if (p) paras.add(p.number);
    }
    e.paragraphs = [...paras].sort((a, b) => a - b);
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
