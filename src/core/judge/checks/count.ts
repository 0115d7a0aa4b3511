import type { SentenceInfo } from '../../reference/analysis';
import { STOPWORDS } from '../../lexicon';
import { visibleText, type Token } from '../../text/tokens';
import { amounts, fit, type Amount } from '../numbers';
import { coverageWithout, para, refText, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/** Amounts of each reference sentence, worked out once per sentence. */
const amountsOf = new WeakMap<SentenceInfo, Amount[]>();
function sentenceAmounts(s: SentenceInfo): Amount[] {
  let a = amountsOf.get(s);
  if (!a) amountsOf.set(s, (a = amounts(s.tokens)));
  return a;
}

/**
 * The thing an amount counts: the first word after it, when that is an ordinary word ("88 schools",
 * "12,000 asylum seekers" → "asylum"). A number glued to what follows ("6am", "18-hour") or standing
 * in a ratio ("nine in ten") counts nothing here.
 */
function countedWord(tokens: Token[], a: Amount, all: Amount[]): Token | undefined {
  const next = tokens[a.last + 1];
  if (!next || next.kind !== 'word' || next.start === tokens[a.last].end || next.capital || STOPWORDS.has(next.lower)) return undefined;
  const prev = tokens[a.first - 1];
  if (prev && (prev.lower === 'in' || prev.lower === 'of') && all.some((o) => o.last === a.first - 2)) return undefined;
  return next;
}

const sameThing = (a: Token | undefined, b: Token | undefined) => !!a && !!b && (a.stem === b.stem || a.concept === b.concept);

/** Share of the statement's content words (by stem) that the sentence holds. */
function share(ctx: CheckContext, s: SentenceInfo): number {
  const words = ctx.view.tokens.filter((t) => t.kind === 'word' && !STOPWORDS.has(t.lower) && t.lower.length > 1);
  return words.length ? words.filter((t) => s.stems.has(t.stem)).length / words.length : 0;
}

/**
 * "68 schools" where the source, anywhere, counts the same thing as "88 schools": a count changed.
 * The aligned passage may miss the source's sentence (a wrong number is exactly what makes it look
 * less alike), so every sentence of the source that counts the same thing is read; the count is
 * wrong only when none of them fits it and one of them is about the statement's event (it shares
 * most of its other words).
 */
function checkCount(ctx: CheckContext): Finding | undefined {
  const { view, analysis } = ctx;
  const t = view.tokens;
  for (const q of view.amounts) {
    if (q.kind === 'date' || q.kind === 'year' || q.kind === 'ordinal') continue;
    const counted = countedWord(t, q, view.amounts);
    if (!counted) continue;
    const same: { s: SentenceInfo; a: Amount; share: number }[] = [];
    for (const s of analysis.sentences) for (const a of sentenceAmounts(s)) if (a.kind !== 'date' && a.kind !== 'year' && sameThing(counted, countedWord(s.tokens, a, sentenceAmounts(s)))) same.push({ s, a, share: 0 });
    if (!same.length || same.some((x) => fit(q, x.a) !== 'no')) continue;
    for (const x of same) x.share = share(ctx, x.s);
    const best = same.reduce((a, b) => (b.share > a.share ? b : a));
    if (best.share < 0.4) continue;
    if (coverageWithout(ctx, (u) => u.first >= q.first && u.last <= q.last) < 0.4) continue;
    // As they show: an invisible character inside a number is no part of the wording.
    const sourceText = visibleText(refText(ctx.ref, { start: best.a.start, end: best.a.end }));
    const claimText = visibleText(ctx.text.slice(q.start, q.end));
    return {
      kind: 'contradicted',
      category: 'number',
      message: `The source gives ${sourceText}, not ${claimText} (${para(best.s)}).`,
      focus: { start: q.start, end: q.end },
      replacement: q.cmp === 'eq' ? sourceText : undefined,
      evidence: [best.s],
    };
  }
  return undefined;
}

/** A count of the same thing the source counts otherwise, wherever the source says it. */
export const count: CheckDefinition = {
  id: 'count',
  category: 'number',
  description: 'Another count of the same thing than the source gives anywhere (“68 schools” where it says “88 schools”).',
  run: checkCount,
};
