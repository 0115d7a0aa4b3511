import { isNationality } from '../language/countries';
import { ANTONYM_FALSE_FRIENDS, ANTONYM_PAIRS, COMPARATORS, CERTAINTY, EXCLUSIVE_SETS, HEDGES, NEGATIONS, STANCE_AGAINST, STANCE_FOR, STOPWORDS } from '../lexicon';
import type { SentenceInfo } from '../reference/analysis';
import { conceptsOf, stemOf, type Token } from '../text/tokens';

import { coverageWithout, para, type Check, type CheckContext, type Finding } from './context';
import { amounts, type Amount } from './numbers';
import { ORDER_STEMS } from './checks/order';
import { negator } from './negators';
import { lemmas } from '../language/wordnet';
import { clauseText } from './phrases';

const CLAUSE_BREAK = new Set([',', ';', ':', '.', 'but', 'while', 'whereas', 'although', 'which', 'who']);

/** Is the token at `i` under a negation within a few words before it, in the same clause? */
function negated(tokens: Token[], i: number, span = 3): boolean {
  for (let k = i - 1; k >= Math.max(0, i - span); k--) {
    if (CLAUSE_BREAK.has(tokens[k].lower)) return false;
    if (negator(tokens, k)) return true;
  }
  return false;
}

/**
 * Negative polarity of a verb or noun: negated before it, or a verb whose object is negated ("made no
 * decision" says what "did not make any decision" says; "gave nothing").
 */
function negativeAt(tokens: Token[], i: number): boolean {
  return negated(tokens, i) || NEGATIVE_DETERMINERS.has(tokens[i + 1]?.lower ?? '');
}
const NEGATIVE_DETERMINERS = new Set(['no', 'nothing', 'none', 'nobody', 'neither']);

/** The same within a wider span: a negation that far off leaves the polarity in doubt. */
const maybeNegated = (tokens: Token[], i: number) => negated(tokens, i, 6);

function sameWord(x: Token, y: Token): boolean {
  if (x.stem === y.stem) return true;
  const cx = conceptsOf(x.stem);
  for (const c of conceptsOf(y.stem)) if (cx.has(c)) return true;
  return false;
}

const content = (t: Token) => t.kind === 'word' && !STOPWORDS.has(t.lower) && !NEGATIONS.has(t.lower);

/** Where each stem and concept first stands among a sentence's content words; built once per sentence. */
interface FirstContent {
  byStem: Map<string, number>;
  byConcept: Map<string, number>;
}
const firstContent = new WeakMap<SentenceInfo, FirstContent>();

/** Index of the first content word of `s` that is `x`'s word or a synonym (as `sameWord` decides), or -1. */
function firstSameWord(s: SentenceInfo, x: Token): number {
  let f = firstContent.get(s);
  if (!f) {
    f = { byStem: new Map(), byConcept: new Map() };
    s.tokens.forEach((y, j) => {
      if (!content(y)) return;
      if (!f!.byStem.has(y.stem)) f!.byStem.set(y.stem, j);
      for (const c of conceptsOf(y.stem)) if (!f!.byConcept.has(c)) f!.byConcept.set(c, j);
    });
    firstContent.set(s, f);
  }
  let j = f.byStem.get(x.stem) ?? -1;
  for (const c of conceptsOf(x.stem)) {
    const k = f.byConcept.get(c);
    if (k !== undefined && (j < 0 || k < j)) j = k;
  }
  return j;
}

/** "made commitments" where the source says "did not make any commitments", and the reverse. */
export const checkNegation: Check = (ctx) => {
  if (ctx.alignment.coverage < 0.5) return undefined;
  const ct = ctx.view.tokens;
  for (const s of ctx.alignment.window) {
    for (let i = 0; i < ct.length; i++) {
      if (!content(ct[i])) continue;
      const j = firstSameWord(s, ct[i]);
      if (j < 0) continue;
      const inClaim = negativeAt(ct, i);
      const inSource = negativeAt(s.tokens, j);
      if (inClaim === inSource) continue;
      // "refused to sign" and "refused the offer to sign": a negation a few words further off.
      if (inClaim ? maybeNegated(s.tokens, j) : maybeNegated(ct, i)) continue;
      // The word said elsewhere with the statement's polarity: "may enter the park … may not enter the lake".
      if (s.tokens.some((y, k) => k !== j && content(y) && sameWord(y, ct[i]) && negated(s.tokens, k) === inClaim)) continue;
      if (ct.some((y, k) => k !== i && content(y) && sameWord(y, ct[i]) && negated(ct, k) === inSource)) continue;
      const cue = inSource ? sourceCue(s, j) : undefined;
      return {
        kind: 'contradicted',
        category: 'negation',
        message: inSource
          ? `The source says the opposite: “${cue}” (${para(s)}).`
          : `The statement denies what the source says: “${clauseText(s, j)}” (${para(s)}).`,
        focus: inClaim ? negationSpan(ct, i) : { start: ct[i].start, end: ct[i].end },
        evidence: [s],
      };
    }
  }
  return undefined;
};

function sourceCue(s: SentenceInfo, j: number): string {
  let k = j;
  while (k > 0 && j - k < 3 && !negator(s.tokens, k)) k--;
  return clauseText(s, k, j);
}

function negationSpan(ct: Token[], i: number) {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (negator(ct, k)) return { start: ct[k].start, end: ct[i].end };
  return { start: ct[i].start, end: ct[i].end };
}

/** "about isolated decisions" where the source says "a broad context rather than isolated decisions". */
export const checkContrast: Check = (ctx) => {
  const ct = ctx.view.tokens;
  for (const s of ctx.alignment.window) {
    const st = s.tokens;
    for (let k = 0; k < st.length - 1; k++) {
      const w = st[k].lower;
      if (w !== 'rather' && w !== 'instead') continue;
      const two = `${w} ${st[k + 1].lower}`;
      if (two !== 'rather than' && two !== 'instead of') continue;
      const rejected = st.slice(k + 2, k + 6).filter(content).slice(0, 2);
      const preferred = st.slice(Math.max(0, k - 4), k).filter(content);
      if (!rejected.length || !preferred.length) continue;
      const hits = rejected.map((r) => ct.findIndex((c) => content(c) && sameWord(c, r)));
      if (hits.some((h) => h < 0)) continue;
      if (preferred.some((p) => ct.some((c) => sameWord(c, p)))) continue;
      const first = Math.min(...hits);
      const last = Math.max(...hits);
      const preferredText = s.sentence.text.slice(preferred[0].start - s.sentence.start, preferred[preferred.length - 1].end - s.sentence.start);
      return {
        kind: 'contradicted',
        category: 'negation',
        message: `The source says ${preferredText} ${two} ${rejected.map((r) => r.text).join(' ')} (${para(s)}).`,
        focus: { start: ct[first].start, end: ct[last].end },
        replacement: preferredText,
        evidence: [s],
      };
    }
  }
  return undefined;
};

let antonyms: Map<string, Set<string>> | undefined;
/** The hand pairs by stem, built on first use (not when the module loads: the editor's host never judges). */
function antonymTable(): Map<string, Set<string>> {
  if (antonyms) return antonyms;
  antonyms = new Map();
  for (const [x, y] of ANTONYM_PAIRS) {
    const a = stemOf(x);
    const b = stemOf(y);
    if (!antonyms.has(a)) antonyms.set(a, new Set());
    if (!antonyms.has(b)) antonyms.set(b, new Set());
    antonyms.get(a)!.add(b);
    antonyms.get(b)!.add(a);
  }
  return antonyms;
}

/** Is the word at `i` a comparator bounding an amount that follows ("more than 60 %", "before 2016")? */
function boundsAmount(tokens: Token[], i: number, qs: Amount[]): boolean {
  if (!COMPARATORS.has(tokens[i].lower)) return false;
  return qs.some((q) => q.first > i && q.first <= i + 3 && q.cmp !== 'eq');
}

/**
 * Verbs that take a side with "for" ("called for a survey", "pushed for talks"). A phrasal use no
 * dataset here lists: the WordNet subset has single words only, and "for" after most verbs ("waited
 * for", "searched for") takes no side.
 */
const ADVOCACY_BEFORE_FOR = new Set(['call', 'push', 'press', 'argue', 'lobby', 'campaign', 'vote', 'fight', 'advocate', 'ask', 'plead', 'appeal']);

/**
 * The side the word at `i` takes: 'for' ("backed", "urging", "called for"), 'against' ("opposed",
 * "resisted", "voted against"), by its base form (WordNet's `lemmas`) in the stance lists.
 */
function stanceAt(tokens: Token[], i: number): 'for' | 'against' | undefined {
  const t = tokens[i];
  if (t.kind !== 'word') return undefined;
  const forms = [t.lower, ...lemmas(t.lower)];
  const next = tokens[i + 1]?.lower;
  if (next === 'against' && lemmas(t.lower).length) return 'against';
  if (next === 'for' && forms.some((f) => ADVOCACY_BEFORE_FOR.has(f))) return 'for';
  if (forms.some((f) => STANCE_FOR.has(f))) return 'for';
  if (forms.some((f) => STANCE_AGAINST.has(f))) return 'against';
  return undefined;
}

/** A stance word with the "for" or "against" it takes ("called for"), as the message quotes it. */
function stancePhrase(tokens: Token[], t: Token): string {
  const next = tokens[tokens.indexOf(t) + 1];
  return next && (next.lower === 'for' || next.lower === 'against') ? `${t.text} ${next.text}` : t.text;
}

/** "endorsed" where the source has "warned"; "increased" where it has "decreased". */
export const checkOpposite: Check = (ctx): Finding | undefined => {
  if (coverageWithout(ctx, () => false) < 0.4) return undefined;
  const ct = ctx.view.tokens;
  for (const s of ctx.alignment.window) {
    for (const c of ct) {
      if (c.kind !== 'word') continue;
      if (s.stems.has(c.stem)) continue;
      // "before 2016", "after March": bounds on dates are weighed with the dates themselves; "less
      // than 50 %" against "more than 40 %" with the numbers.
      if (ctx.view.amounts.some((q) => q.start > c.start && q.first <= ct.indexOf(c) + 3 && (q.kind === 'date' || q.kind === 'year'))) continue;
      if (boundsAmount(ct, ct.indexOf(c), ctx.view.amounts)) continue;
      if (ANTONYM_FALSE_FRIENDS.has(c.lower)) continue;
      // "before" and "after", "precede" and "follow" order two events: the order check weighs both.
      if (ORDER_STEMS.has(c.stem)) continue;
      const stanceC = stanceAt(ct, ct.indexOf(c));
      const forC = stanceC === 'for';
      const againstC = stanceC === 'against';
      const opposite = s.tokens.find(
        (y, k) =>
          !ANTONYM_FALSE_FRIENDS.has(y.lower) &&
          !boundsAmount(s.tokens, k, amounts(s.tokens)) &&
          // The statement must not also say the source's word: "more X and less Y" is not a flip.
          !ct.some((x) => x.stem === y.stem) &&
          ((stanceC !== undefined && !negated(s.tokens, k) && stanceAt(s.tokens, k) === (forC ? 'against' : 'for')) || antonymTable().get(c.stem)?.has(y.stem)),
      );
      if (!opposite) continue;
      return {
        kind: 'contradicted',
        category: 'antonym',
        message: `The source says “${stancePhrase(s.tokens, opposite)}”, the opposite of “${stancePhrase(ct, c)}” (${para(s)}).`,
        focus: { start: c.start, end: c.end },
        replacement: forC || againstC ? undefined : opposite.text,
        evidence: [s],
      };
    }
  }
  return undefined;
};

/** "has approved" where the source only says "may approve": overstated certainty. */
export const checkModality: Check = (ctx: CheckContext) => {
  const ct = ctx.view.tokens;
  if (ct.some((t) => HEDGES.has(t.lower))) return undefined;
  if (ctx.alignment.coverage < 0.5) return undefined;
  // A statement that adds a figure or a name the source does not give speaks of something else.
  if (ctx.view.units.some((u, i) => !ctx.alignment.covered[i] && (u.kind === 'number' || u.kind === 'name'))) return undefined;
  for (const s of ctx.alignment.window) {
    const st = s.tokens;
    for (let j = 0; j < st.length; j++) {
      if (!HEDGES.has(st[j].lower)) continue;
      // The hedge must govern something the statement asserts.
      const governed = st.slice(j + 1, j + 5).filter(content);
      const asserted = governed.find((g) => ct.some((c) => content(c) && sameWord(c, g)));
      if (!asserted) continue;
      const claimWord = ct.find((c) => content(c) && sameWord(c, asserted))!;
      const certainty = ct.find((c) => CERTAINTY.has(c.lower));
      const focus = certainty && certainty.start < claimWord.start ? { start: certainty.start, end: claimWord.end } : { start: claimWord.start, end: claimWord.end };
      return {
        kind: 'contradicted',
        category: 'modality',
        message: `The source only says “${clauseText(s, j, st.indexOf(asserted))}”; the statement presents it as certain (${para(s)}).`,
        focus,
        evidence: [s],
      };
    }
  }
  return undefined;
};



/** Each word of a closed set: the set, and which of its values it says. */
const exclusiveOf = new Map<string, number>();
const valueOf = new Map<string, number>();
EXCLUSIVE_SETS.forEach((set, n) =>
  set.forEach((value, v) =>
    value.split('/').forEach((w) => {
      exclusiveOf.set(w, n);
      valueOf.set(w, v);
    }),
  ),
);

/** A nationality adjective ("Greek", "Albanian"), not a sentence-initial or name word. */
const nationality = (t: Token, tokens: Token[], k: number) =>
  /^[A-Z][a-z]+$/.test(t.text) && isNationality(t.text) && k > 0 && !tokens[k + 1]?.capital && !tokens[k - 1]?.capital;

/**
 * "is Albanian" where the source says "a Greek recording artist"; "mixed reviews" for "positive
 * reviews": one value of a closed set put in place of another, the rest of the statement backed.
 */
export const checkSubstitution: Check = (ctx): Finding | undefined => {
  const { view, alignment: al } = ctx;
  const ct = view.tokens;
  for (let u = 0; u < view.units.length; u++) {
    const unit = view.units[u];
    if (al.covered[u] || unit.first !== unit.last) continue;
    const c = ct[unit.first];
    const set = exclusiveOf.get(c.lower);
    const isNat = set === undefined && nationality(c, ct, unit.first);
    if (set === undefined && !isNat) continue;
    if (coverageWithout(ctx, (x) => x === unit) < 0.75) continue;
    for (const s of al.window) {
      // The source says the statement's value too, in its words or others ("mostly positive" for "favourable").
      if (set !== undefined && s.tokens.some((y) => exclusiveOf.get(y.lower) === set && valueOf.get(y.lower) === valueOf.get(c.lower))) continue;
      const k = s.tokens.findIndex((y, j) =>
        set !== undefined ? exclusiveOf.get(y.lower) === set && valueOf.get(y.lower) !== valueOf.get(c.lower) : nationality(y, s.tokens, j) && y.text !== c.text,
      );
      if (k < 0) continue;
      const y = s.tokens[k];
      // The statement must not also say the source's word.
      if (ct.some((x) => x.lower === y.lower)) continue;
      return {
        kind: 'contradicted',
        category: isNat ? 'origin' : 'antonym',
        message: `The source says “${y.text}”, not “${c.text}” (${para(s)}).`,
        focus: { start: c.start, end: c.end },
        replacement: y.text,
        evidence: [s],
      };
    }
  }
  return undefined;
};
