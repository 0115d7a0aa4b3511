import { tokenize, type Token } from '../text/tokens';
import type { Entity, Reference, Sentence } from '../types';

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
    const info: SentenceInfo = {
      sentence,
      tokens,
      stems: new Set(tokens.map((t) => t.stem)),
      concepts: new Set(tokens.map((t) => t.concept)),
      entityIds: new Set(mentions.map((m) => m.entity.id)),
      mentions,
      lowerText: sentence.text.toLowerCase(),
    };
    for (const c of new Set([...info.concepts, ...info.stems, ...info.entityIds])) df.set(c, (df.get(c) ?? 0) + 1);
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
