import { LIGHT_WORDS, SPEECH_VERBS, STOPWORDS } from '../lexicon';
import { analyse, type EntityMention, type ReferenceAnalysis, type SentenceInfo } from '../reference/analysis';
import { namePhrases, type NamePhrase } from '../reference/entities';
import { conceptsOf, tokenize, type Token } from '../text/tokens';
import type { Reference } from '../types';

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
    // An unknown capitalised word mid-sentence is a name the source may not know ("Toropets").
    const sentenceInitial = i === 0 || /^[.!?:;"“(]$/.test(tokens[i - 1]?.text ?? '');
    if (t.capital && !sentenceInitial && !/^(?:[A-Z]\.)+$/.test(t.text)) {
      // Consecutive unknown capitalised words are one name ("Oval Office").
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1].capital && !inMention.has(j + 1)) j++;
      units.push(unit('name', tokens, i, j, 1.5));
      i = j;
      continue;
    }
    const weight = LIGHT_WORDS.has(t.lower) ? 0.3 : SPEECH_VERBS.has(t.lower) ? 0.6 : 1;
    units.push(unit('word', tokens, i, i, weight));
  }
  units.sort((x, y) => x.first - y.first);
  return { tokens, units, mentions, phrases };
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

export interface Alignment {
  ref: Reference;
  window: SentenceInfo[];
  /** Share of the statement's weight the window covers, 0..1. */
  coverage: number;
  covered: boolean[];
  view: ClaimView;
  score: number;
}

/** Finds the sentences of a reference that best cover a statement: single sentences and adjacent pairs. */
export function align(view: ClaimView, ref: Reference): Alignment | undefined {
  const a = analyse(ref);
  const { units, tokens } = view;
  if (!units.length) return undefined;
  const total = units.reduce((n, u) => n + u.weight, 0);
  const scored = a.sentences.map((s) => {
    let score = 0;
    for (const u of units) if (covers(u, tokens, [s])) score += u.weight * (a.idf.get(u.entityId ?? tokens[u.first].concept) ?? a.idf.get(tokens[u.first].stem) ?? 1);
    return { s, score };
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
  let best: Alignment | undefined;
  for (const window of windows) {
    const covered = units.map((u) => covers(u, tokens, window));
    const got = units.reduce((n, u, i) => n + (covered[i] ? u.weight : 0), 0);
    const coverage = got / total;
    const score = window.reduce((n, s) => n + (scored[s.sentence.index]?.score ?? 0), 0) / window.length;
    // A second sentence must add something real to be worth citing.
    if (!best || coverage > best.coverage + 0.05 || (Math.abs(coverage - best.coverage) <= 0.05 && window.length < best.window.length) || (Math.abs(coverage - best.coverage) <= 0.05 && window.length === best.window.length && score > best.score)) {
      best = { ref, window, coverage, covered, view, score };
    }
  }
  return best;
}
