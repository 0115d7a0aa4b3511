import { COMPARATORS, LIGHT_WORDS, MONTHS, SPEECH_VERBS, STOPWORDS, SYNONYM_GROUPS, TITLE_HEADS, WEEKDAYS } from '../lexicon';
import { analyse, sentenceIndex, sentencesContaining, stemsOfConcept, stemsStartingWith, type EntityMention, type ReferenceAnalysis, type SentenceIndex, type SentenceInfo } from '../reference/analysis';
import { namePhrases, type NamePhrase } from '../reference/entities';
import { countryOf } from '../language/countries';
import { conceptsOf, relatedStems, stemOf, tokenize, type Token } from '../text/tokens';
import type { Reference } from '../types';
import { amounts, compatible, contextOverlap, fit, sameContext, sameFigure, type Amount } from './numbers';
import { negationCue } from './negators';

/** One unit of meaning of a statement: an entity, a name the source may not know, a number or a word. */
export interface Unit {
  kind: 'entity' | 'name' | 'number' | 'word';
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  weight: number;
  entityId?: string;
  stem: string;
}

export interface ClaimView {
  tokens: Token[];
  units: Unit[];
  mentions: EntityMention[];
  phrases: NamePhrase[];
  /** Numbers, dates and amounts of the statement. */
  amounts: Amount[];
}

/** Splits a statement into units against one reference (entities are the reference's). */
export function viewClaim(text: string, start: number, end: number, ref: Reference): ClaimView {
  const tokens = tokenize(text, start, end);
  return viewTokens(tokens, analyse(ref));
}

/** `phrases` may be passed in when the same tokens are viewed against several references. */
export function viewTokens(tokens: Token[], a: ReferenceAnalysis, phrases: NamePhrase[] = namePhrases(tokens)): ClaimView {
  const mentions = a.matcher.find(tokens);
  const qs = amounts(tokens);
  // "before", "fewer than", "nearly": the words that bound an amount are weighed with the amount.
  const bound = new Set<number>();
  for (const q of qs) {
    if (q.cmp === 'eq') continue;
    for (let k = q.first - 1; k >= Math.max(0, q.first - 4) && (COMPARATORS.has(tokens[k].lower) || STOPWORDS.has(tokens[k].lower) || /^[$£€¥₹]$/.test(tokens[k].text)); k--) {
      if (COMPARATORS.has(tokens[k].lower)) bound.add(k);
    }
  }
  const units: Unit[] = [];
  const inMention = new Set<number>();
  for (const m of mentions) {
    for (let i = m.first; i <= m.last; i++) inMention.add(i);
    units.push(unit('entity', tokens, m.first, m.last, 2, m.entity.id));
  }
  for (let i = 0; i < tokens.length; i++) {
    if (inMention.has(i)) continue;
    const t = tokens[i];
    if (t.kind === 'punct') continue;
    if (t.kind === 'number') {
      units.push(unit('number', tokens, i, i, 1.5));
      continue;
    }
    if (STOPWORDS.has(t.lower) || t.lower.length < 2 || bound.has(i)) continue;
    // "declined to", "stopped short of": the polarity check weighs a negation, coverage does not.
    if (negationCue(tokens, i)) continue;
    // "15th", "22nd": the suffix is part of the number.
    if (/^(?:st|nd|rd|th)$/.test(t.lower) && tokens[i - 1]?.kind === 'number' && tokens[i - 1].end === t.start) continue;
    // An unknown capitalised word mid-sentence is a name the source may not know ("Toropets").
    const sentenceInitial = i === 0 || /^[.!?:;"“(]$/.test(tokens[i - 1]?.text ?? '');
    if (t.capital && !sentenceInitial && !/^(?:[A-Z]\.)+$/.test(t.text)) {
      // Consecutive unknown capitalised words are one name ("Oval Office").
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1].capital && !inMention.has(j + 1)) j++;
      // A given name before a person the source knows by surname ("Darius" before "Leonard").
      const after = mentions.find((m) => m.first === j + 1);
      if (after && j === i && !TITLE_HEADS.has(t.text) && !/^[A-Z]+$/.test(t.text)) {
        i = j;
        continue;
      }
      units.push(unit('name', tokens, i, j, 1.5));
      i = j;
      continue;
    }
    const weight = LIGHT_WORDS.has(t.lower) ? 0.3 : SPEECH_VERBS.has(t.lower) ? 0.6 : 1;
    units.push(unit('word', tokens, i, i, weight));
  }
  units.sort((x, y) => x.first - y.first);
  return { tokens, units, mentions, phrases, amounts: qs };
}

function unit(kind: Unit['kind'], tokens: Token[], first: number, last: number, weight: number, entityId?: string): Unit {
  return {
    kind,
    first,
    last,
    start: tokens[first].start,
    end: tokens[last].end,
    // Most units are one token: its text, without building two arrays to join.
    text: first === last ? tokens[first].text : tokens.slice(first, last + 1).map((t) => t.text).join(' '),
    weight,
    entityId,
    stem: tokens[first].stem,
  };
}

/** Is this unit said in these sentences (same entity, same word, a synonym, or a close word form)? */
export function covers(u: Unit, tokens: Token[], window: SentenceInfo[]): boolean {
  if (u.entityId) return window.some((s) => s.entityIds.has(u.entityId as string));
  const named = titleNumber(u, tokens);
  if (named) {
    // "Part 2", "Volume 4": the source gives the same number, or names the thing without any number.
    const t = tokens[u.first];
    if (window.some((s) => s.tokens.some((x) => x.kind === 'number' && x.lower === t.lower))) return true;
    // "the second volume" for "Volume 2".
    const value = Number(t.text);
    if (window.some((s) => amounts(s.tokens).some((q) => q.kind === 'ordinal' && q.value === value && s.tokens[q.last + 1]?.stem === named.stem))) return true;
    const uses = window.flatMap((s) => s.tokens.flatMap((x, k) => (x.stem === named.stem && x.capital ? [s.tokens[k + 1]] : [])));
    return uses.length > 0 && !uses.some((next) => next?.kind === 'number');
  }
  if (u.kind !== 'name' || u.first === u.last) {
    const amount = amounts(tokens).find((q) => q.first <= u.first && u.first <= q.last);
    if (amount) {
      const backed = amountBacked(amount, tokens, window);
      if (backed !== 'unknown') return backed === 'yes';
      // Neither backed nor ruled out: a bound or a date's finer part must not pass on its digits alone.
      if (amount.cmp !== 'eq' && amount.cmp !== 'approx' && u.kind === 'number') return false;
    }
  }
  if (u.kind === 'number') return window.some((s) => s.tokens.some((t) => t.kind === 'number' && t.lower === tokens[u.first].lower));
  const t = tokens[u.first];
  if (u.kind === 'name' && u.first !== u.last) {
    // Every word of a name of several ("North Harbour" is not "North Bay"), in one sentence.
    const words = nameWords(u, tokens);
    return window.some((s) =>
      words.every((w) => s.stems.has(w.stem) || foldedText(s).includes(fold(w.lower)) || namesSameCountry(s, w) || (w.stem.length >= 6 && [...s.stems].some((st) => st.length >= 6 && st.startsWith(w.stem.slice(0, 6))))),
    );
  }
  // A plain word also meets the words WordNet takes for the same (not a name: "Bush" is no shrub).
  const related = u.kind === 'word' ? relatedStems(t.lower) : NO_MATES;
  for (const s of window) {
    if (s.stems.has(t.stem)) return true;
    if (namesSameCountry(s, t)) return true;
    for (const c of conceptsOf(t.stem)) if (s.concepts.has(c)) return true;
    for (const m of matesOf(t.stem)) if (s.stems.has(m)) return true;
    for (const m of related) if (s.stems.has(m)) return true;
    if (t.stem.length >= 6) for (const st of s.stems) if (st.length >= 6 && (st.startsWith(t.stem.slice(0, 6)))) return true;
    // Hyphenated compounds: "fact-finding" against "fact finding", "long-range" against "range".
    if (t.lower.includes('-') && t.lower.split('-').every((p) => p.length < 3 || s.lowerText.includes(p))) return true;
  }
  return false;
}

/** The country a capitalised word names, remembered: words recur across statements and sentences. */
const countryMemo = new Map<string, string | null>();
function countryOfWord(text: string): string | undefined {
  let c = countryMemo.get(text);
  if (c === undefined) {
    if (countryMemo.size > 50_000) countryMemo.clear();
    countryMemo.set(text, (c = countryOf(text) ?? null));
  }
  return c ?? undefined;
}

/** Does the sentence name the country the word names, in any form ("American" and "U.S.", "Britain" and "UK")? */
function namesSameCountry(s: SentenceInfo, w: Token): boolean {
  if (!w.capital) return false;
  const c = countryOfWord(w.text);
  return c !== undefined && countrySentences(s).has(c);
}
const countriesIn = new WeakMap<SentenceInfo, Set<string>>();
/** The countries a sentence names, worked out once per sentence. */
function countrySentences(s: SentenceInfo): Set<string> {
  let set = countriesIn.get(s);
  if (!set) {
    set = new Set();
    for (const x of s.tokens) {
      if (!x.capital) continue;
      const c = countryOfWord(x.text);
      if (c) set.add(c);
    }
    countriesIn.set(s, set);
  }
  return set;
}

/**
 * Stems that share a synonym group with a stem, in any of its groups. A reference word counts under
 * its first group only; a word in two groups (a "report", and a figure "reported") must still
 * meet its synonyms of the other.
 */
let mates: Map<string, string[]> | undefined;
/** Built on first use, not when the module loads (a process that never judges need not stem the groups). */
function mateTable(): Map<string, string[]> {
  if (mates) return mates;
  mates = new Map();
  const sets = new Map<string, Set<string>>();
  for (const group of SYNONYM_GROUPS) {
    const stems = group.filter((w) => !w.includes(' ')).map(stemOf);
    for (const st of stems) {
      let set = sets.get(st);
      if (!set) sets.set(st, (set = new Set()));
      for (const o of stems) if (o !== st) set.add(o);
    }
  }
  for (const [st, set] of sets) mates.set(st, [...set]);
  return mates;
}
const NO_MATES: readonly string[] = [];
export const matesOf = (stem: string): readonly string[] => mateTable().get(stem) ?? NO_MATES;

/**
 * The capitalised word a number is part of the name of ("Part 2", "Volume 4", "Route 66"), when it
 * stands right after it mid-sentence and is not the day of a month or a weekday.
 */
export function titleNumber(u: Unit, tokens: Token[]): Token | undefined {
  if (u.kind !== 'number' || u.first !== u.last || u.first < 2) return undefined;
  const t = tokens[u.first];
  const prev = tokens[u.first - 1];
  if (!/^\d{1,4}$/.test(t.text) || prev.kind !== 'word' || !prev.capital || prev.end + 1 !== t.start) return undefined;
  if (MONTHS.has(prev.lower) || WEEKDAYS.has(prev.lower) || /^[.!?:;"“(]$/.test(tokens[u.first - 2].text)) return undefined;
  const next = tokens[u.first + 1];
  if (next && next.start === t.end) return undefined;
  return prev;
}

/** Lower-case text without accents ("Zürich" as "zurich"). */
const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '');
const folded = new WeakMap<SentenceInfo, string>();
function foldedText(s: SentenceInfo): string {
  let f = folded.get(s);
  if (f === undefined) folded.set(s, (f = fold(s.lowerText)));
  return f;
}

/** The words of a name of several tokens, without "of", "the" and other small words. */
function nameWords(u: Unit, tokens: Token[]): Token[] {
  return tokens.slice(u.first, u.last + 1).filter((x, k) => x.kind === 'word' && (k === 0 || !STOPWORDS.has(x.lower)));
}

/** Sentence indexes, ascending. */
type Ids = readonly number[];

const EMPTY: Ids = [];

/** Is `k` in the ascending list? */
function has(list: Ids, k: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid];
    if (v === k) return true;
    if (v < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Ascending, without repeats, of the given ascending lists. */
function union(lists: Ids[], n: number): Ids {
  const nonEmpty = lists.filter((l) => l.length);
  if (!nonEmpty.length) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  const mark = new Uint8Array(n);
  let count = 0;
  for (const l of nonEmpty) {
    for (let i = 0; i < l.length; i++) {
      if (!mark[l[i]]) {
        mark[l[i]] = 1;
        count++;
      }
    }
  }
  const out: number[] = new Array(count);
  for (let k = 0, j = 0; j < count; k++) if (mark[k]) out[j++] = k;
  return out;
}

/** The amount a unit is part of, when `covers` weighs it as an amount (a window's amounts together decide). */
function amountOf(u: Unit, tokens: Token[]): Amount | undefined {
  if (u.entityId || (u.kind === 'name' && u.first !== u.last)) return undefined;
  return amounts(tokens).find((q) => q.first <= u.first && u.first <= q.last);
}

/**
 * The sentences (indexes, ascending) a unit is said in, each on its own: exactly those `s` for which
 * `covers(u, tokens, [s])` holds, found through the index rather than by trying every sentence.
 */
export function coveringSentences(u: Unit, tokens: Token[], a: ReferenceAnalysis, idx: SentenceIndex = sentenceIndex(a)): Ids {
  if (u.entityId) return idx.byEntity.get(u.entityId) ?? EMPTY;
  const t = tokens[u.first];
  const named = titleNumber(u, tokens);
  if (named) {
    const candidates = union([numberSentences(t, a, idx), idx.byStem.get(named.stem) ?? EMPTY], a.sentences.length);
    return candidates.filter((k) => covers(u, tokens, [a.sentences[k]]));
  }
  {
    const amount = amountOf(u, tokens);
    if (amount) {
      // An amount is backed only where the source gives one that fits it; otherwise the unit's word
      // or digits decide, unless the source rules it out. Gather both, then ask `covers` of each.
      idx.withAmounts ??= a.sentences.flatMap((s, k) => (amounts(s.tokens).length ? [k] : []));
      const fitting = idx.withAmounts.filter((k) => amounts(a.sentences[k].tokens).some((q) => fit(amount, q) === 'yes'));
      const plain = u.kind === 'number' ? numberSentences(t, a, idx) : wordSentences(t, a, idx, u.kind === 'word');
      const candidates = union([fitting, plain], a.sentences.length);
      return candidates.filter((k) => covers(u, tokens, [a.sentences[k]]));
    }
  }
  if (u.kind === 'number') return numberSentences(t, a, idx);
  if (u.kind === 'name' && u.first !== u.last) return wordSentences(t, a, idx, false).filter((k) => covers(u, tokens, [a.sentences[k]]));
  return wordSentences(t, a, idx, u.kind === 'word');
}

/**
 * Sentences with a number token written as `t` is. A number token's stem is its lower-cased text, and
 * no other kind of token has a stem starting with a digit or "$", so the stem index answers this.
 */
function numberSentences(t: Token, a: ReferenceAnalysis, idx: SentenceIndex): Ids {
  if (/^[\d$]/.test(t.lower)) return idx.byStem.get(t.lower) ?? EMPTY;
  const out: number[] = [];
  a.sentences.forEach((s, k) => s.tokens.some((x) => x.kind === 'number' && x.lower === t.lower) && out.push(k));
  return out;
}

/**
 * Sentences that hold a word: its stem, a synonym, a word of the same six-letter start, or its
 * hyphenated parts; with `wordnet`, also a word WordNet takes for the same (see `relatedStems`).
 */
function wordSentences(t: Token, a: ReferenceAnalysis, idx: SentenceIndex, wordnet: boolean): Ids {
  const hyphen = t.lower.includes('-');
  const n = a.sentences.length;
  // Every reference keeps what it worked out: with WordNet's related words a lookup costs more than the memo.
  const memo = idx.memo;
  // A capitalised word may name a country, which widens its sentences: keyed apart.
  const key = `${hyphen || wordnet ? `${t.stem}\u0000${t.lower}` : t.stem}${wordnet ? '\u0001' : ''}${t.capital ? '\u0002' : ''}`;
  let out = memo.get(key);
  if (out) return out;
  const lists: Ids[] = [];
  const stemList = (st: string) => {
    const l = idx.byStem.get(st);
    if (l) lists.push(l);
  };
  stemList(t.stem);
  // Sentences naming the same country in another form.
  const country = t.capital ? countryOfWord(t.text) : undefined;
  if (country) lists.push(a.sentences.flatMap((s, k) => (countrySentences(s).has(country) ? [k] : [])));
  // Sentences holding a synonym: the reference's stems of each concept the word belongs to.
  for (const c of conceptsOf(t.stem)) for (const st of stemsOfConcept(idx, c)) stemList(st);
  for (const m of matesOf(t.stem)) stemList(m);
  if (wordnet) for (const m of relatedStems(t.lower)) stemList(m);
  if (t.stem.length >= 6) for (const st of stemsStartingWith(idx, t.stem.slice(0, 6))) stemList(st);
  if (hyphen) {
    // Every part of three letters or more appears in the sentence's text.
    let common: number[] | undefined;
    for (const p of t.lower.split('-')) {
      if (p.length < 3) continue;
      const inText = sentencesContaining(a, idx, p);
      common = common ? common.filter((k) => has(inText, k)) : inText;
      if (!common.length) break;
    }
    lists.push(common ?? Array.from({ length: n }, (_, k) => k));
  }
  out = union(lists, n);
  if (memo.size >= 50_000) memo.clear();
  memo.set(key, out);
  return out;
}

/** A source amount that backs the statement's: same value, or within its bound and about the same thing. */
export function amountBacked(c: Amount, tokens: Token[], window: SentenceInfo[]): 'yes' | 'no' | 'unknown' {
  const pool = window.flatMap((s) => amounts(s.tokens).map((q) => ({ q, s, f: fit(c, q) })));
  // The very figure the statement gives, when it is too long to match by chance, is the one it speaks of.
  if (c.cmp === 'eq' && distinctive(c, tokens) && pool.some(({ q, f }) => f === 'yes' && q.value === c.value && q.kind === c.kind)) return 'yes';
  // The amount about the same thing, closest in value, decides.
  const nearest = nearestAmount(c, tokens, pool);
  if (nearest && nearest.f !== 'unknown') return nearest.f === 'yes' ? 'yes' : 'no';
  if (c.cmp === 'eq' && pool.some(({ q, f }) => f === 'yes' && q.value === c.value)) return 'yes';
  return 'unknown';
}

/** An amount of three significant digits or more ("12,480", "$ 3.75 million", "18.5%"). */
function distinctive(c: Amount, tokens: Token[]): boolean {
  const digits = tokens
    .slice(c.first, c.last + 1)
    .map((t) => t.text.replace(/\D/g, ''))
    .join('')
    .replace(/^0+|0+$/g, '');
  return digits.length >= 3;
}

/** The source amount most likely to be the statement's: about the same thing, closest in value. */
export function nearestAmount<T extends { q: Amount; s: SentenceInfo; f: string }>(c: Amount, tokens: Token[], pool: T[]): T | undefined {
  const comparable = pool.filter(({ q }) => compatible(c, q) && (c.kind !== 'ordinal' || q.kind === 'ordinal'));
  const timeLike = c.kind === 'date' || c.kind === 'year';
  const aligned = timeLike ? comparable : comparable.filter(({ q, s }) => sameContext(tokens, c, s.tokens, q));
  // Failing a shared word, the source's very figure ("less than $ 10 million" against "$ 10 million").
  const same = aligned.length ? [] : comparable.filter(({ q }) => sameFigure(c.value, q.value));
  const list = aligned.length ? aligned : same.length ? same : comparable.length === 1 && c.kind !== 'ordinal' ? comparable : [];
  const dist = (q: Amount) => (c.value > 0 && q.value > 0 ? Math.abs(Math.log(q.value / c.value)) : Math.abs(q.value - c.value));
  if (timeLike && list.length > 1) {
    // Several dates: the one said of the same thing ("the 1950 novel X") before the closest in time.
    const overlap = new Map(list.map((x) => [x, contextOverlap(tokens, c, x.s.tokens, x.q)]));
    return list.sort((x, y) => (overlap.get(y) as number) - (overlap.get(x) as number) || dist(x.q) - dist(y.q))[0];
  }
  return list.sort((x, y) => dist(x.q) - dist(y.q))[0];
}

/**
 * A short passage (an excerpt, as quoted under its page's title) often speaks of its subject only as
 * "it", "she" or "the film", or not at all. The statement's first name, when the passage never uses
 * any word of it, is then taken as that subject rather than as a new detail; so are the words of a
 * title it opens that the passage does not use ("The Tale of the Northern Lights"). Returns their
 * unit indexes.
 */
function passageTopic(view: ClaimView, a: ReferenceAnalysis): Set<number> {
  const topic = new Set<number>();
  if (a.sentences.length > 4) return topic;
  const { units, tokens } = view;
  // The first name of the statement is the one most likely to be its subject. The month of a date
  // names nothing.
  const i = units.findIndex((u) => u.kind === 'name' && !view.amounts.some((q) => q.first <= u.first && u.last <= q.last));
  const u = units[i];
  // A lone adjective of nationality ("is Albanian") is a detail, not a subject.
  if (!u || (u.first === u.last && /^[A-Z][a-z]+(?:an|ese|ish|ic|ch)$/.test(tokens[u.first].text))) return topic;
  const absent = (x: Unit) => !tokens.slice(x.first, x.last + 1).some((t) => t.kind === 'word' && a.sentences.some((s) => s.stems.has(t.stem)));
  // Every word of the name is absent from the passage (a name it uses in part is a different matter).
  if (absent(u)) topic.add(i);
  // The rest of a title: names joined by "of", "the", ":" and the like.
  for (let k = i + 1; k < units.length; k++) {
    const x = units[k];
    const gap = tokens.slice(units[k - 1].last + 1, x.first);
    if (!(x.kind === 'name' || x.kind === 'entity') || !gap.every((t) => TITLE_GLUE.has(t.lower))) break;
    if (x.kind === 'name' && absent(x)) topic.add(k);
  }
  return topic;
}

/** Words and marks that join the words of a title ("Tale of the Northern Lights", "Part 2: The Return"). */
const TITLE_GLUE = new Set(['of', 'the', 'a', 'an', 'in', 'on', 'to', 'from', 'and', 'for', 'with', 'at', ':', '-', '–', "'s", '&']);

export interface Alignment {
  ref: Reference;
  window: SentenceInfo[];
  /** Share of the statement's weight the window covers, 0..1. */
  coverage: number;
  covered: boolean[];
  view: ClaimView;
  score: number;
  /** Sentences from further apart that together cover more; they can back a statement, never contradict it. */
  wide?: Alignment;
}

/** What `align` works out once per statement and reference, shared by its steps. */
interface AlignWork {
  ref: Reference;
  a: ReferenceAnalysis;
  view: ClaimView;
  units: Unit[];
  tokens: Token[];
  /** 1 for the units taken as the passage's subject (weighed as said). */
  topicFlags: Uint8Array;
  /** The units' total weight, topic units left out (1 when there is none). */
  total: number;
  /** Each unit's rarity in the reference. */
  idfs: number[];
  /** Each unit's sentences (indexes, ascending). */
  lists: Ids[];
  /** Each sentence's score: the weighed units it says. */
  scoreOf: Float64Array;
  /** Units weighed as amounts, which a window's sentences decide together. */
  pooled: boolean[];
}

/** Finds the sentences of a reference that best cover a statement: single sentences and adjacent pairs. */
export function align(view: ClaimView, ref: Reference): Alignment | undefined {
  const a = analyse(ref);
  const { units, tokens } = view;
  if (!units.length) return undefined;
  const topicFlags = topicUnits(view, a);
  const total = units.reduce((n, u, i) => n + (topicFlags[i] === 1 ? 0 : u.weight), 0) || 1;
  const idfs = units.map((u) => a.idf.get(u.entityId ?? tokens[u.first].concept) ?? a.idf.get(tokens[u.first].stem) ?? 1);
  // Only sentences that say at least one unit of the statement can score: each unit's sentences
  // come from the reference's inverted index, and scores add up over those lists alone.
  const idx = sentenceIndex(a);
  const lists = units.map((u) => coveringSentences(u, tokens, a, idx));
  const { scoreOf, hits } = sentenceScores(units, idfs, lists, a.sentences.length);
  if (!hits.length) return undefined;
  const top = bestSentences(hits, scoreOf, 5);
  const pooled = units.map((u) => amountOf(u, tokens) !== undefined);
  const work: AlignWork = { ref, a, view, units, tokens, topicFlags, total, idfs, lists, scoreOf, pooled };
  const best = pickBest(work, adjacentWindows(top, a));
  if (best) {
    const w = pickBest(work, wideWindows(work, top.slice(0, 3)));
    if (w && actorsMeet(work, w) && w.coverage > best.coverage + 0.05) best.wide = w;
  }
  return best;
}

/** Flags (1) for the units taken as the passage's subject, see `passageTopic`, with the number of a title among them. */
function topicUnits(view: ClaimView, a: ReferenceAnalysis): Uint8Array {
  const { units, tokens } = view;
  const topic = passageTopic(view, a);
  // The number of a title the passage never names is part of that subject ("Part 2" of a title).
  for (const i of [...topic]) if (units[i + 1] && titleNumber(units[i + 1], tokens) && units[i + 1].first === units[i].last + 1) topic.add(i + 1);
  // Read for every unit of every window: flags rather than set lookups.
  const flags = new Uint8Array(units.length);
  for (const i of topic) flags[i] = 1;
  return flags;
}

/** Each sentence's score (the rarity-weighed units it says), and the sentences that say any, in order of first hit. */
function sentenceScores(units: Unit[], idfs: number[], lists: Ids[], n: number): { scoreOf: Float64Array; hits: number[] } {
  const scoreOf = new Float64Array(n);
  const seen = new Uint8Array(n);
  const hits: number[] = [];
  units.forEach((u, i) => {
    const w = u.weight * idfs[i];
    const list = lists[i];
    for (let j = 0; j < list.length; j++) {
      const k = list[j];
      if (!seen[k]) {
        seen[k] = 1;
        hits.push(k);
      }
      scoreOf[k] += w;
    }
  });
  return { scoreOf, hits };
}

/** The `count` best sentences by score, ties in sentence order (as a stable sort of all sentences would leave them). */
function bestSentences(hits: number[], scoreOf: Float64Array, count: number): number[] {
  const before = (x: number, y: number, sx: number, sy: number) => sx > sy || (sx === sy && x < y);
  const top: number[] = [];
  for (const k of hits) {
    const sk = scoreOf[k];
    if (top.length === count && !before(k, top[count - 1], sk, scoreOf[top[count - 1]])) continue;
    let at = top.length;
    while (at > 0 && before(k, top[at - 1], sk, scoreOf[top[at - 1]])) at--;
    top.splice(at, 0, k);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Each sentence alone, and with the sentence before and after it in the same paragraph. */
function adjacentWindows(top: number[], a: ReferenceAnalysis): SentenceInfo[][] {
  const windows: SentenceInfo[][] = [];
  for (const k of top) {
    const s = a.sentences[k];
    windows.push([s]);
    for (const d of [-1, 1]) {
      const nb = a.sentences[s.sentence.index + d];
      if (nb && nb.sentence.paragraph === s.sentence.paragraph) windows.push(d < 0 ? [nb, s] : [s, nb]);
    }
  }
  return windows;
}

/** Which units sentence `k` says, from the units' sentence lists. */
const unitsSaid = (work: AlignWork, k: number): boolean[] => work.lists.map((list) => has(list, k));

/**
 * A statement may gather what several sentences say ("born in X ... moved to Y in 1990"): each seed
 * sentence grown, twice, with the sentence that adds most of what is still missing; every grown
 * window (in reference order) is returned.
 */
function wideWindows(work: AlignWork, seeds: number[]): SentenceInfo[][] {
  const { a, units, topicFlags, idfs, lists } = work;
  const wide: SentenceInfo[][] = [];
  const gainOf = new Float64Array(a.sentences.length);
  const touched: number[] = [];
  for (const seed of seeds) {
    const window = [a.sentences[seed]];
    const have = unitsSaid(work, seed);
    for (let step = 0; step < 2; step++) {
      // What each sentence adds: the weight of the units it says that the window still lacks.
      units.forEach((u, i) => {
        if (have[i] || topicFlags[i] === 1) return;
        const g = u.weight * idfs[i];
        const list = lists[i];
        for (let j = 0; j < list.length; j++) {
          const k = list[j];
          if (gainOf[k] === 0) touched.push(k);
          gainOf[k] += g;
        }
      });
      // The sentence adding most, the first in the reference on a tie.
      let pick = -1;
      let gain = 0;
      for (const k of touched) {
        const g = gainOf[k];
        gainOf[k] = 0;
        if ((g > gain || (g === gain && pick >= 0 && k < pick)) && !window.includes(a.sentences[k])) {
          gain = g;
          pick = k;
        }
      }
      touched.length = 0;
      if (pick < 0) break;
      window.push(a.sentences[pick]);
      unitsSaid(work, pick).forEach((h, i) => (have[i] ||= h));
      wide.push([...window].sort((x, y) => x.sentence.index - y.sentence.index));
    }
  }
  return wide;
}

/** The window covering most of the statement: a second sentence must add something real to be worth citing. */
function pickBest(work: AlignWork, list: SentenceInfo[][]): Alignment | undefined {
  const { ref, view, units, tokens, topicFlags, total, lists, scoreOf, pooled } = work;
  // Which units each sentence says, worked out once per sentence: the windows share their sentences.
  const saysOf = new Map<number, Uint8Array>();
  const says = (k: number): Uint8Array => {
    let flags = saysOf.get(k);
    if (!flags) {
      flags = new Uint8Array(units.length);
      for (let i = 0; i < units.length; i++) if (has(lists[i], k)) flags[i] = 1;
      saysOf.set(k, flags);
    }
    return flags;
  };
  let best: Alignment | undefined;
  for (const window of list) {
    // A unit other than an amount is said in a window when it is said in one of its sentences.
    const flags = window.map((s) => says(s.sentence.index));
    const covered: boolean[] = new Array(units.length);
    let got = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const topic = topicFlags[i] === 1;
      let c = topic;
      if (!c) {
        if (pooled[i]) c = covers(u, tokens, window);
        else for (let w = 0; w < flags.length && !c; w++) c = flags[w][i] === 1;
      }
      covered[i] = c;
      // In unit order, as a sum over all units (an uncovered unit adds nothing).
      if (c) got += topic ? 0 : u.weight;
    }
    const coverage = got / total;
    const score = window.reduce((n, s) => n + (scoreOf[s.sentence.index] ?? 0), 0) / window.length;
    if (!best || coverage > best.coverage + 0.05 || (Math.abs(coverage - best.coverage) <= 0.05 && window.length < best.window.length) || (Math.abs(coverage - best.coverage) <= 0.05 && window.length === best.window.length && score > best.score)) {
      best = { ref, window, coverage, covered, view, score };
    }
  }
  return best;
}

/**
 * Far sentences may add a date or a detail, not join two actors: the people and bodies the statement
 * names must meet in one sentence of the wide window ("X met Y" is not backed by one sentence on X
 * and another on Y).
 */
function actorsMeet(work: AlignWork, w: Alignment): boolean {
  const { a, units } = work;
  const actors = units.filter((u) => u.entityId && ['person', 'organisation', 'organization'].includes(a.entityById.get(u.entityId)?.kind ?? ''));
  const ids = new Set(actors.map((u) => u.entityId));
  return ids.size < 2 || w.window.some((s) => [...ids].every((id) => s.entityIds.has(id as string)));
}
