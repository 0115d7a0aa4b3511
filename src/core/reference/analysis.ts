import { conceptOf, tokenize, type Token } from '../text/tokens';
import type { Entity, Reference, Sentence } from '../types';
import { partitionPoint } from '../text/search';

/** Tokens of a sentence with the entities found in them. */
export interface SentenceInfo {
  sentence: Sentence;
  tokens: Token[];
  stems: Set<string>;
  concepts: Set<string>;
  entityIds: Set<string>;
  mentions: EntityMention[];
  lowerText: string;
}

export interface EntityMention {
  entity: Entity;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

export interface ReferenceAnalysis {
  sentences: SentenceInfo[];
  /** Inverse document frequency of each concept over the reference's sentences. */
  idf: Map<string, number>;
  matcher: EntityMatcher;
  entityById: Map<string, Entity>;
}

/**
 * Inverted index over a reference's sentences, built once per reference on first use: which
 * sentences hold a stem or an entity, and which stems share a concept or a six-letter start.
 * Every list of sentences is in sentence order without repeats.
 */
export interface SentenceIndex {
  /** Sentences holding each stem (`SentenceInfo.stems`; a number token's stem is its text). */
  byStem: Map<string, number[]>;
  byEntity: Map<string, number[]>;
  /**
   * The reference's stems that belong to a synonym group, by the group's concept. A sentence holds
   * concept c when it holds one of these, or the stem c itself when c is its own concept.
   */
  groupStems: Map<string, string[]>;
  /** The reference's stems of six letters or more, sorted, for prefix search. */
  longStems: string[];
  /** Sentences' `lowerText` joined by NUL, and where each starts, for substring search (built on first use). */
  lowerAll?: string;
  lowerStarts?: number[];
  /** Memo for the retrieval stage (sentences covering a word) of large references, cleared when it grows large. */
  memo: Map<string, readonly number[]>;
  /** Sentences that give any number, amount or date (filled in by the retrieval stage on first use). */
  withAmounts?: number[];
}

const indexes = new WeakMap<ReferenceAnalysis, SentenceIndex>();

/** The inverted index of an analysed reference, built on first use and kept with the analysis. */
export function sentenceIndex(a: ReferenceAnalysis): SentenceIndex {
  let idx = indexes.get(a);
  if (idx) return idx;
  const byStem = new Map<string, number[]>();
  const byEntity = new Map<string, number[]>();
  for (let i = 0; i < a.sentences.length; i++) {
    const s = a.sentences[i];
    // The sets hold each key once, so a sentence is added to a list at most once.
    for (const st of s.stems) {
      const list = byStem.get(st);
      if (list) list.push(i);
      else byStem.set(st, [i]);
    }
    for (const e of s.entityIds) {
      const list = byEntity.get(e);
      if (list) list.push(i);
      else byEntity.set(e, [i]);
    }
  }
  // A token's concept is always conceptOf(its stem), so a sentence's concepts are its stems' concepts.
  const groupStems = new Map<string, string[]>();
  const longStems: string[] = [];
  for (const st of byStem.keys()) {
    const c = conceptOf(st);
    if (c !== st) {
      const list = groupStems.get(c);
      if (list) list.push(st);
      else groupStems.set(c, [st]);
    }
    if (st.length >= 6) longStems.push(st);
  }
  longStems.sort();
  idx = { byStem, byEntity, groupStems, longStems, memo: new Map() };
  indexes.set(a, idx);
  return idx;
}

/** The reference's stems whose concept is `c`. */
export function stemsOfConcept(idx: SentenceIndex, c: string): string[] {
  const group = idx.groupStems.get(c) ?? [];
  return idx.byStem.has(c) && conceptOf(c) === c ? [c, ...group] : group;
}

/** The reference's stems of six letters or more that start with `prefix`. */
export function stemsStartingWith(idx: SentenceIndex, prefix: string): string[] {
  const list = idx.longStems;
  const lo = partitionPoint(list.length, (i) => list[i] < prefix);
  const out: string[] = [];
  for (let i = lo; i < list.length && list[i].startsWith(prefix); i++) out.push(list[i]);
  return out;
}

/** Sentences whose lower-cased text contains `part` (which holds no NUL), in order. */
export function sentencesContaining(a: ReferenceAnalysis, idx: SentenceIndex, part: string): number[] {
  if (idx.lowerAll === undefined || idx.lowerStarts === undefined) {
    const starts: number[] = [];
    let at = 0;
    for (const s of a.sentences) {
      starts.push(at);
      at += s.lowerText.length + 1;
    }
    idx.lowerStarts = starts;
    idx.lowerAll = a.sentences.map((s) => s.lowerText).join('\u0000');
  }
  const all = idx.lowerAll;
  const starts = idx.lowerStarts;
  const out: number[] = [];
  let s = 0;
  for (let p = all.indexOf(part); p >= 0; ) {
    while (s + 1 < starts.length && starts[s + 1] <= p) s++;
    out.push(s);
    // Next occurrence in a later sentence.
    if (s + 1 >= starts.length) break;
    p = all.indexOf(part, Math.max(p + 1, starts[s + 1]));
  }
  return out;
}

const cache = new WeakMap<Reference, ReferenceAnalysis>();

/** Token-level view of a reference for retrieval and checks; computed once per reference. */
export function analyse(ref: Reference): ReferenceAnalysis {
  let a = cache.get(ref);
  if (a) return a;
  const matcher = new EntityMatcher(ref.entities);
  const df = new Map<string, number>();
  const sentences = ref.sentences.map((sentence) => {
    const tokens = tokenize(ref.text, sentence.start, sentence.end);
    const mentions = matcher.find(tokens);
    const stems = new Set<string>();
    let synonyms = false;
    for (const t of tokens) {
      stems.add(t.stem);
      if (t.concept !== t.stem) synonyms = true;
    }
    // Most sentences hold no word of a synonym group: their concepts are their stems (the same set,
    // read only). Otherwise the concepts get a set of their own, in token order.
    let concepts = stems;
    if (synonyms) {
      concepts = new Set<string>();
      for (const t of tokens) concepts.add(t.concept);
    }
    const entityIds = new Set<string>();
    for (const m of mentions) entityIds.add(m.entity.id);
    const info: SentenceInfo = { sentence, tokens, stems, concepts, entityIds, mentions, lowerText: sentence.text.toLowerCase() };
    // Each concept, stem and entity once per sentence (in that order, as the map was always filled).
    for (const c of concepts) df.set(c, (df.get(c) ?? 0) + 1);
    if (concepts !== stems) for (const c of stems) if (!concepts.has(c)) df.set(c, (df.get(c) ?? 0) + 1);
    for (const c of entityIds) if (!concepts.has(c) && !stems.has(c)) df.set(c, (df.get(c) ?? 0) + 1);
    return info;
  });
  const n = sentences.length;
  const idf = new Map<string, number>();
  for (const [c, f] of df) idf.set(c, Math.log(1 + n / f));
  a = { sentences, idf, matcher, entityById: new Map(ref.entities.map((e) => [e.id, e])) };
  cache.set(ref, a);
  return a;
}

/** Finds a reference's entities in any token list by their names and aliases (stem sequences). */
export class EntityMatcher {
  private readonly forms = new Map<string, { entity: Entity; stems: string[] }[]>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      for (const form of [entity.name, ...entity.aliases]) {
        const stems = tokenize(form)
          .filter((t) => t.kind !== 'punct' || t.text === ',')
          .map((t) => t.stem)
          .filter((s) => s !== 'the' && s !== ',');
        if (!stems.length) continue;
        // Lower-case single words ("the") never name anything on their own.
        if (stems.length === 1 && !/[A-Z]/.test(form)) continue;
        const list = this.forms.get(stems[0]) ?? [];
        list.push({ entity, stems });
        this.forms.set(stems[0], list);
      }
    }
    for (const list of this.forms.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** Longest-first, non-overlapping matches; names must be capitalised where they appear. */
  find(tokens: Token[]): EntityMention[] {
    const out: EntityMention[] = [];
    const words: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (tokens[i].kind !== 'punct' && tokens[i].lower !== 'the') words.push(i);
    for (let w = 0; w < words.length; w++) {
      const t = tokens[words[w]];
      const candidates = this.forms.get(t.stem);
      if (!candidates || (!t.capital && !/^(?:[a-z]\.){2,}$/i.test(t.text))) continue;
      for (const c of candidates) {
        const stems = c.stems;
        if (w + stems.length > words.length) continue;
        let ok = true;
        for (let k = 1; k < stems.length && ok; k++) ok = tokens[words[w + k]].stem === stems[k];
        if (!ok) continue;
        out.push({ entity: c.entity, first: words[w], last: words[w + stems.length - 1] });
        w += stems.length - 1;
        break;
      }
    }
    return out;
  }
}
