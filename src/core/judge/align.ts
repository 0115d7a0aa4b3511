import { LIGHT_WORDS, SPEECH_VERBS, STOPWORDS, TITLE_HEADS } from '../lexicon';
import { analyse, type EntityMention, type ReferenceAnalysis, type SentenceInfo } from '../reference/analysis';
import { namePhrases, type NamePhrase } from '../reference/entities';
import { conceptsOf, tokenize, type Token } from '../text/tokens';
import type { Reference } from '../types';
import { amounts, compatible, fit, sameContext, type Amount } from './numbers';

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

export function viewTokens(tokens: Token[], a: ReferenceAnalysis): ClaimView {
  const mentions = a.matcher.find(tokens);
  const phrases = namePhrases(tokens);
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
    if (STOPWORDS.has(t.lower) || t.lower.length < 2) continue;
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
  return { tokens, units, mentions, phrases, amounts: amounts(tokens) };
}

function unit(kind: Unit['kind'], tokens: Token[], first: number, last: number, weight: number, entityId?: string): Unit {
  return {
    kind,
    first,
    last,
    start: tokens[first].start,
    end: tokens[last].end,
    text: tokens.slice(first, last + 1).map((t) => t.text).join(' '),
    weight,
    entityId,
    stem: tokens[first].stem,
  };
}

/** Is this unit said in these sentences (same entity, same word, a synonym, or a close word form)? */
export function covers(u: Unit, tokens: Token[], window: SentenceInfo[]): boolean {
  if (u.entityId) return window.some((s) => s.entityIds.has(u.entityId as string));
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
  for (const s of window) {
    if (s.stems.has(t.stem)) return true;
    for (const c of conceptsOf(t.stem)) if (s.concepts.has(c)) return true;
    if (t.stem.length >= 6) for (const st of s.stems) if (st.length >= 6 && (st.startsWith(t.stem.slice(0, 6)))) return true;
    // Hyphenated compounds: "fact-finding" against "fact finding", "long-range" against "range".
    if (t.lower.includes('-') && t.lower.split('-').every((p) => p.length < 3 || s.lowerText.includes(p))) return true;
  }
  return false;
}

/** A source amount that backs the statement's: same value, or within its bound and about the same thing. */
export function amountBacked(c: Amount, tokens: Token[], window: SentenceInfo[]): 'yes' | 'no' | 'unknown' {
  const pool = window.flatMap((s) => amounts(s.tokens).map((q) => ({ q, s, f: fit(c, q) })));
  // The amount about the same thing, closest in value, decides.
  const nearest = nearestAmount(c, tokens, pool);
  if (nearest && nearest.f !== 'unknown') return nearest.f === 'yes' ? 'yes' : 'no';
  if (c.cmp === 'eq' && pool.some(({ q, f }) => f === 'yes' && q.value === c.value)) return 'yes';
  return 'unknown';
}

/** The source amount most likely to be the statement's: about the same thing, closest in value. */
export function nearestAmount<T extends { q: Amount; s: SentenceInfo; f: string }>(c: Amount, tokens: Token[], pool: T[]): T | undefined {
  const comparable = pool.filter(({ q }) => compatible(c, q) && (c.kind !== 'ordinal' || q.kind === 'ordinal'));
  const timeLike = c.kind === 'date' || c.kind === 'year';
  const aligned = timeLike ? comparable : comparable.filter(({ q, s }) => sameContext(tokens, c, s.tokens, q));
  const list = aligned.length ? aligned : comparable.length === 1 && c.kind !== 'ordinal' ? comparable : [];
  const dist = (q: Amount) => (c.value > 0 && q.value > 0 ? Math.abs(Math.log(q.value / c.value)) : Math.abs(q.value - c.value));
  return list.sort((x, y) => dist(x.q) - dist(y.q))[0];
}

/**
 * A short passage (an excerpt, as quoted under its page's title) often speaks of its subject only as
 * "it", "she" or "the film", or not at all. The statement's first name, when the passage never uses
 * any word of it, is then taken as that subject rather than as a new detail. Returns its index, or -1.
 */
function passageTopic(view: ClaimView, a: ReferenceAnalysis): number {
  if (a.sentences.length > 4) return -1;
  const { units, tokens } = view;
  // The first name of the statement is the one most likely to be its subject.
  const i = units.findIndex((u) => u.kind === 'name');
  const u = units[i];
  // A lone adjective of nationality ("is Albanian") is a detail, not a subject.
  if (!u || (u.first === u.last && /^[A-Z][a-z]+(?:an|ese|ish|ic|ch)$/.test(tokens[u.first].text))) return -1;
  // Every word of the name is absent from the passage (a name it uses in part is a different matter).
  const words = tokens.slice(u.first, u.last + 1).filter((t) => t.kind === 'word');
  if (words.some((t) => a.sentences.some((s) => s.stems.has(t.stem)))) return -1;
  return i;
}

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

/** Finds the sentences of a reference that best cover a statement: single sentences and adjacent pairs. */
export function align(view: ClaimView, ref: Reference): Alignment | undefined {
  const a = analyse(ref);
  const { units, tokens } = view;
  if (!units.length) return undefined;
  const topic = passageTopic(view, a);
  const weightOf = (u: Unit, i: number) => (i === topic ? 0 : u.weight);
  const total = units.reduce((n, u, i) => n + weightOf(u, i), 0) || 1;
  const idfOf = (u: Unit) => a.idf.get(u.entityId ?? tokens[u.first].concept) ?? a.idf.get(tokens[u.first].stem) ?? 1;
  const scored = a.sentences.map((s) => {
    let score = 0;
    const hit = units.map((u) => covers(u, tokens, [s]));
    units.forEach((u, i) => {
      if (hit[i]) score += u.weight * idfOf(u);
    });
    return { s, score, hit };
  });
  const top = scored
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, 5);
  if (!top.length) return undefined;
  const windows: SentenceInfo[][] = [];
  for (const { s } of top) {
    windows.push([s]);
    for (const d of [-1, 1]) {
      const n = a.sentences[s.sentence.index + d];
      if (n && n.sentence.paragraph === s.sentence.paragraph) windows.push(d < 0 ? [n, s] : [s, n]);
    }
  }
  const wide: SentenceInfo[][] = [];
  // A statement may gather what several sentences say ("born in X ... moved to Y in 1990"): grow the
  // best single sentences with the sentences that add most of what is still missing.
  for (const seed of top.slice(0, 3)) {
    const window = [seed.s];
    const have = seed.hit.slice();
    for (let step = 0; step < 2; step++) {
      let pick: (typeof scored)[number] | undefined;
      let gain = 0;
      for (const x of scored) {
        if (window.includes(x.s)) continue;
        let g = 0;
        units.forEach((u, i) => {
          if (!have[i] && x.hit[i] && i !== topic) g += weightOf(u, i) * idfOf(u);
        });
        if (g > gain) {
          gain = g;
          pick = x;
        }
      }
      if (!pick) break;
      window.push(pick.s);
      pick.hit.forEach((h, i) => (have[i] ||= h));
      wide.push([...window].sort((x, y) => x.sentence.index - y.sentence.index));
    }
  }
  const pickBest = (list: SentenceInfo[][]): Alignment | undefined => {
    let best: Alignment | undefined;
    for (const window of list) {
      const covered = units.map((u, i) => i === topic || covers(u, tokens, window));
      const got = units.reduce((n, u, i) => n + (covered[i] ? weightOf(u, i) : 0), 0);
      const coverage = got / total;
      const score = window.reduce((n, s) => n + (scored[s.sentence.index]?.score ?? 0), 0) / window.length;
      // A second sentence must add something real to be worth citing.
      if (!best || coverage > best.coverage + 0.05 || (Math.abs(coverage - best.coverage) <= 0.05 && window.length < best.window.length) || (Math.abs(coverage - best.coverage) <= 0.05 && window.length === best.window.length && score > best.score)) {
        best = { ref, window, coverage, covered, view, score };
      }
    }
    return best;
  };
  const best = pickBest(windows);
  if (best) {
    const w = pickBest(wide);
    // Far sentences may add a date or a detail, not join two actors: the people and bodies the statement
    // names must meet in one sentence ("X met Y" is not backed by one sentence on X and another on Y).
    const actors = units
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => u.entityId && ['person', 'organisation', 'organization'].includes(a.entityById.get(u.entityId)?.kind ?? ''));
    const ids = new Set(actors.map(({ u }) => u.entityId));
    const met = ids.size < 2 || (w && w.window.some((s) => [...ids].every((id) => s.entityIds.has(id as string))));
    if (w && met && w.coverage > best.coverage + 0.05) best.wide = w;
  }
  return best;
}
