import { analyse } from '../reference/analysis';
import type { Category, Claim, Evidence, Reference, Span, Verdict, VerdictKind } from '../types';
import { namePhrases } from '../reference/entities';
import { tokenize } from '../text/tokens';
import { align, viewTokens, type Alignment, type Unit } from './align';
import type { Check, CheckContext, Finding } from './context';
import { checkNumber, checkOrigin, checkPlace, checkTime } from './details';
import { checkContrast, checkModality, checkNegation, checkOpposite, checkSubstitution } from './polarity';
import { findQuotes } from '../text/quotes';
import { checkQuotes } from './quotes';
import { checkAttribution, checkRole } from './roles';

/** Share of a statement's meaning the source must cover for it to count as supported. */
export const SUPPORT_THRESHOLD = 0.7;

// Order matters: the most specific explanation of a clash wins.
const CHECKS: Check[] = [checkRole, checkAttribution, checkOrigin, checkPlace, checkTime, checkNumber, checkContrast, checkNegation, checkOpposite, checkSubstitution, checkModality];

export interface Judgement {
  verdict: VerdictKind;
  category: Category;
  message: string;
  evidence: Evidence[];
  focus?: Span;
  replacement?: string;
  /** The reference the evidence comes from. */
  reference?: Reference;
  coverage: number;
}

/** Judges `text[start, end)` against the given references. */
export function judgeSpan(text: string, start: number, end: number, refs: Reference[]): Judgement {
  let best: Alignment | undefined;
  // The statement's tokens and name phrases are the same against every reference: work them out once.
  const tokens = tokenize(text, start, end);
  const phrases = refs.length > 1 ? namePhrases(tokens) : undefined;
  for (const ref of refs) {
    const al = align(viewTokens(tokens, analyse(ref), phrases), ref);
    if (al && (!best || al.coverage > best.coverage || (al.coverage === best.coverage && al.score > best.score))) best = al;
  }
  if (!best) {
    return {
      verdict: 'unsupported',
      category: 'coverage',
      message: refs.length ? 'The source does not mention anything this statement says.' : 'No reference is loaded to check this against.',
      evidence: [],
      coverage: 0,
    };
  }
  const al = best;
  const ref = al.ref;
  const quotes = findQuotes(text, start, end);
  const quoteResult = checkQuotes(quotes, al.view.tokens, [ref, ...refs.filter((r) => r !== ref)]);
  if (quoteResult.found.length) {
    // Words inside a quotation found in the source count as said.
    al.view.units.forEach((u, i) => {
      if (quoteResult.found.some((f) => u.start >= f.quote.start && u.end <= f.quote.end)) al.covered[i] = true;
    });
    const total = al.view.units.reduce((n, u) => n + u.weight, 0);
    al.coverage = al.view.units.reduce((n, u, i) => n + (al.covered[i] ? u.weight : 0), 0) / total;
  }
  const ctx: CheckContext = { text, view: al.view, al, a: analyse(ref), ref };
  let finding: Finding | undefined = quoteResult.finding?.verdict === 'contradicted' ? quoteResult.finding : undefined;
  for (const check of CHECKS) {
    if (finding) break;
    finding = check(ctx);
  }
  finding ??= quoteResult.finding;
  finding ??= decideSupport(ctx);
  const sentences = finding.evidence ?? al.window;
  // A misquote may be found in another of the cited references than the one aligned to.
  const evidenceRef = (finding.evidence && finding.reference) || ref;
  return {
    verdict: finding.verdict,
    category: finding.category,
    message: finding.message,
    evidence: sentences.map((s) => ({
      reference: evidenceRef.key,
      paragraph: s.sentence.paragraph,
      sentence: s.sentence.index,
      text: s.sentence.text,
      start: s.sentence.start,
      end: s.sentence.end,
      score: Math.round(al.coverage * 100) / 100,
    })),
    focus: finding.focus,
    replacement: finding.replacement,
    reference: evidenceRef,
    coverage: al.coverage,
  };
}

function decideSupport(ctx: CheckContext): Finding {
  const local = supportFrom(ctx, ctx.al);
  if (local.verdict === 'supported' || !ctx.al.wide) return local;
  const wide = supportFrom(ctx, ctx.al.wide);
  return wide.verdict === 'supported' ? { ...wide, evidence: ctx.al.wide.window } : local;
}

function supportFrom(ctx: CheckContext, al: Alignment): Finding {
  const { view, text } = ctx;
  const missing = view.units.filter((u, i) => !al.covered[i]);
  // Names the source never uses, and numbers it does not give, are details it does not back. A name
  // it knows but uses elsewhere ("Paris" for the French government) only lowers the coverage.
  // So does a year the source gives elsewhere (a page's date line, an earlier paragraph).
  const missingKey = missing.filter((u) => u.kind === 'name' || (u.kind === 'number' && !yearGivenElsewhere(u, ctx)));
  const where = [...new Set(al.window.map((s) => `¶${s.sentence.paragraph}`))].join(', ');
  if (al.coverage >= SUPPORT_THRESHOLD && !missingKey.length) {
    return { verdict: 'supported', category: 'paraphrase', message: `Supported by the source (${where}).` };
  }
  const shown = (missingKey.length ? missingKey : missing.filter((u) => u.weight >= 1)).slice(0, 3);
  const list = shown.map((u) => `“${text.slice(u.start, u.end)}”`).join(', ');
  const novel = missingKey.length > 0;
  return {
    verdict: 'unsupported',
    category: novel ? 'novel-detail' : 'coverage',
    message: list
      ? `The source does not say this: ${list} ${shown.length > 1 ? 'are' : 'is'} not in its closest passage (${where}).`
      : `The source does not say this; its closest passage is ${where}.`,
    focus: shown.length === 1 ? { start: shown[0].start, end: shown[0].end } : undefined,
  };
}

/** Is the unit a year the reference gives somewhere, though not in the passage aligned to? */
function yearGivenElsewhere(u: Unit, ctx: CheckContext): boolean {
  const q = ctx.view.amounts.find((x) => x.first <= u.first && u.last <= x.last);
  if (!q || q.kind !== 'year' || q.cmp !== 'eq') return false;
  const text = ctx.view.tokens[u.first].lower;
  return ctx.a.sentences.some((s) => s.tokens.some((t) => t.kind === 'number' && t.lower === text));
}

/** Judges one free-standing statement (as in evaluation data) against references. */
export function judgeStatement(statement: string, refs: Reference[]): Verdict {
  const j = judgeSpan(statement, 0, statement.length, refs);
  const claim: Claim = {
    start: 0,
    end: statement.length,
    text: statement,
    cited: refs.map((r) => r.key),
    explicitlyCited: true,
    citations: [],
    quotes: findQuotes(statement, 0, statement.length).map((q) => ({ ...q, text: statement.slice(q.start, q.end) })),
    block: 0,
  };
  return { claim, verdict: j.verdict, category: j.category, message: j.message, evidence: j.evidence, fixes: [], focus: j.focus, suppressed: false };
}
