import { analyse } from '../reference/analysis';
import type { Category, Claim, Evidence, Reference, Span, Verdict, VerdictKind } from '../types';
import { namePhrases } from '../reference/entities';
import { FUNCTION_CAPITALS, MONTHS, WEEKDAYS } from '../lexicon';
import { lemmas } from '../language/wordnet';
import { tokenize } from '../text/tokens';
import { align, coveringSentences, viewTokens, type Alignment, type Unit } from './align';
import { CHECKS, type CheckDefinition } from './checks';
import type { CheckContext, Finding } from './context';
import { decideVerdict, probabilities } from './decide';
import { featuresOf, type CheckFinding } from './features';
import { findQuotes } from '../text/quotes';
import { checkQuotes } from './quotes';

/** Share of a statement's meaning the source must cover for the rules alone to call it supported (the message's view; the fitted model decides). */
export const SUPPORT_THRESHOLD = 0.7;

export interface Judgement {
  kind: VerdictKind;
  category: Category;
  message: string;
  evidence: Evidence[];
  focus?: Span;
  replacement?: string;
  /** The reference the evidence comes from. */
  reference?: Reference;
  coverage: number;
  /** How likely the verdict is right, 0..1, from the fitted model. */
  confidence: number;
  /** Id of the registry check whose finding this is (the clash or the unsupported finding), if any. */
  check?: string;
}

/** What the checks made of a statement, before the decision: the input of the fitted model. */
export interface Assessment {
  ctx: CheckContext;
  /** Every check's finding, in registry order. */
  findings: CheckFinding[];
  /** The first finding that names a clash (contradicted), which a "contradicted" verdict reports. */
  clash?: CheckFinding;
  /** The first finding that the statement's own words are not in the source (an invented quotation). */
  missing?: CheckFinding;
  /** What coverage alone says: supported, or unsupported with the missing words. */
  support: Finding;
  features: Float64Array;
}

/**
 * Runs every check of the registry on `text[start, end)` (UTF-16 offsets) against the references.
 * Returns undefined when no reference sentence says anything the statement says. A check that
 * throws is reported through `onCheckError` and skipped, never failing the statement.
 */
export function assessSpan(
  text: string,
  start: number,
  end: number,
  refs: Reference[],
  onCheckError: (id: string, err: unknown) => void = () => {},
  checks: readonly CheckDefinition[] = CHECKS,
): Assessment | undefined {
  let best: Alignment | undefined;
  // The statement's tokens and name phrases are the same against every reference: work them out once.
  const tokens = tokenize(text, start, end);
  const phrases = refs.length > 1 ? namePhrases(tokens) : undefined;
  for (const ref of refs) {
    const al = align(viewTokens(tokens, analyse(ref), phrases), ref);
    if (al && (!best || al.coverage > best.coverage || (al.coverage === best.coverage && al.score > best.score))) best = al;
  }
  if (!best) return undefined;
  const al = best;
  const ref = al.ref;
  const quotes = checkQuotes(findQuotes(text, start, end), al.view.tokens, [ref, ...refs.filter((r) => r !== ref)]);
  if (quotes.found.length) {
    // Words inside a quotation found in the source count as said.
    al.view.units.forEach((u, i) => {
      if (quotes.found.some((f) => u.start >= f.quote.start && u.end <= f.quote.end)) al.covered[i] = true;
    });
    const total = al.view.units.reduce((n, u) => n + u.weight, 0);
    al.coverage = al.view.units.reduce((n, u, i) => n + (al.covered[i] ? u.weight : 0), 0) / total;
  }
  const ctx: CheckContext = { text, view: al.view, alignment: al, analysis: analyse(ref), ref, quotes };
  const findings: CheckFinding[] = [];
  for (const check of checks) {
    try {
      const finding = check.run(ctx);
      if (finding) findings.push({ check: check.id, finding });
    } catch (err) {
      onCheckError(check.id, err);
    }
  }
  // A clash needs the same actor in statement and source: a statement naming someone or somewhere the
  // source never mentions (outside the words a check calls wrong) speaks of another event, unsupported.
  const foreign = foreignNames(ctx);
  if (foreign.length) {
    for (let k = findings.length - 1; k >= 0; k--) {
      const f = findings[k];
      if (f.finding.kind !== 'contradicted' || f.check === 'quote') continue;
      const focus = f.finding.focus;
      if (foreign.some((u) => !focus || u.end <= focus.start || u.start >= focus.end)) findings.splice(k, 1);
    }
  }
  const missing = { names: 0, numbers: 0 };
  const support = decideSupport(ctx, missing);
  return {
    ctx,
    findings,
    clash: findings.find((f) => f.finding.kind === 'contradicted'),
    missing: findings.find((f) => f.finding.kind === 'unsupported'),
    support,
    features: featuresOf(ctx, findings, missing, support.kind === 'supported'),
  };
}

/** Judges `text[start, end)` (UTF-16 offsets) against the given references. */
export function judgeSpan(text: string, start: number, end: number, refs: Reference[], onCheckError?: (id: string, err: unknown) => void): Judgement {
  const assessment = assessSpan(text, start, end, refs, onCheckError);
  if (!assessment) {
    return {
      kind: 'unsupported',
      category: 'coverage',
      message: refs.length ? 'The source does not mention anything this statement says.' : 'No reference is loaded to check this against.',
      evidence: [],
      coverage: 0,
      confidence: 1,
    };
  }
  const { ctx, clash, missing: unsupportedFinding, support, features } = assessment;
  const al = ctx.alignment;
  const ref = ctx.ref;
  const p = probabilities(features);
  const { verdict, confidence } = decideVerdict(p, clash !== undefined, unsupportedFinding !== undefined);
  let finding: Finding;
  let check: string | undefined;
  if (verdict === 'contradicted') {
    finding = (clash as CheckFinding).finding;
    check = clash?.check;
  } else if (verdict === 'supported') {
    const wider = al.wide && al.wide.coverage > al.coverage ? al.wide : undefined;
    finding = support.kind === 'supported' ? support : { kind: verdict, category: 'paraphrase', message: `Supported by the source (${passageOf(wider ?? al)}).`, evidence: wider?.window };
  } else if (clash && !unsupportedFinding) {
    // A clash the model does not believe enough to call: say what was seen, without a fix.
    finding = { ...clash.finding, kind: verdict, message: `The source may not back this. ${clash.finding.message}`, replacement: undefined };
    check = clash.check;
  } else {
    check = unsupportedFinding?.check;
    finding = unsupportedFinding?.finding ?? (support.kind === 'unsupported' ? support : { kind: verdict, category: 'coverage', message: `The source does not clearly say this; its closest passage is ${passageOf(al)}.` });
  }
  const sentences = finding.evidence ?? al.window;
  // A misquote may be found in another of the cited references than the one aligned to.
  const evidenceRef = (finding.evidence && finding.reference) || ref;
  return {
    kind: finding.kind,
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
    confidence: Math.round(confidence * 1000) / 1000,
    ...(check ? { check } : {}),
  };
}

const passageOf = (al: Alignment) => [...new Set(al.window.map((s) => `¶${s.sentence.paragraph}`))].join(', ');

function decideSupport(ctx: CheckContext, missing: { names: number; numbers: number }): Finding {
  const local = supportFrom(ctx, ctx.alignment, missing);
  if (local.kind === 'supported' || !ctx.alignment.wide) return local;
  const wide = supportFrom(ctx, ctx.alignment.wide, { names: 0, numbers: 0 });
  return wide.kind === 'supported' ? { ...wide, evidence: ctx.alignment.wide.window } : local;
}

function supportFrom(ctx: CheckContext, al: Alignment, counts: { names: number; numbers: number }): Finding {
  const { view, text } = ctx;
  const missing = view.units.filter((u, i) => !al.covered[i]);
  // Names the source never uses, and numbers it does not give, are details it does not back. A name
  // it knows but uses elsewhere ("Paris" for the French government) only lowers the coverage.
  // So does a year the source gives elsewhere (a page's date line, an earlier paragraph).
  // The cited outlet named as the reporter is no detail of the event either.
  const missingKey = missing.filter((u) => (u.kind === 'name' && !namesOutlet(u, ctx)) || (u.kind === 'number' && !yearGivenElsewhere(u, ctx)));
  counts.names = missingKey.filter((u) => u.kind === 'name').length;
  counts.numbers = missingKey.length - counts.names;
  const where = passageOf(al);
  if (al.coverage >= SUPPORT_THRESHOLD && !missingKey.length) {
    return { kind: 'supported', category: 'paraphrase', message: `Supported by the source (${where}).` };
  }
  const shown = (missingKey.length ? missingKey : missing.filter((u) => u.weight >= 1)).slice(0, 3);
  const list = shown.map((u) => `“${text.slice(u.start, u.end)}”`).join(', ');
  const novel = missingKey.length > 0;
  return {
    kind: 'unsupported',
    category: novel ? 'novel-detail' : 'coverage',
    message: list
      ? `The source does not say this: ${list} ${shown.length > 1 ? 'are' : 'is'} not in its closest passage (${where}).`
      : `The source does not say this; its closest passage is ${where}.`,
    focus: shown.length === 1 ? { start: shown[0].start, end: shown[0].end } : undefined,
  };
}

/** Passages of this many sentences or fewer are excerpts (as in `align`'s passage topic). */
const SHORT_PASSAGE = 4;

/** Names in the statement that no sentence of the reference says. */
function foreignNames(ctx: CheckContext): Unit[] {
  // A short excerpt often leaves its subject unnamed (the page it is quoted under names it).
  if (ctx.analysis.sentences.length <= SHORT_PASSAGE) return [];
  const { units, tokens, amounts } = ctx.view;
  // A weekday or month is a time, not an actor: the time check weighs it.
  const inAmount = (u: Unit) => amounts.some((q) => q.first <= u.last && u.first <= q.last) || WEEKDAYS.has(u.text.toLowerCase()) || MONTHS.has(u.text.toLowerCase());
  const said = (u: Unit) => coveringSentences(u, tokens, ctx.analysis).length > 0;
  // A name that opens the statement is not told from an ordinary word by its capital: it counts when
  // no dictionary knows it as a word ("Nevada has refused …", not "Officials have refused …").
  const opening = (u: Unit, i: number) =>
    i === 0 && u.kind === 'word' && tokens[u.first].capital && !FUNCTION_CAPITALS.has(tokens[u.first].text) && !lemmas(tokens[u.first].lower).length;
  return units.filter((u, i) => (u.kind === 'name' || opening(u, i)) && !inAmount(u) && !said(u) && !namesOutlet(u, ctx));
}

/**
 * Does the unit name the cited reference's own outlet ("…, the Northfield Courier reported",
 * "according to the Courier")? That names who reported the event, not someone in it. Its words
 * (a leading "the" aside) end the outlet's name, so a place that opens the name ("Northfield") is
 * still a place.
 */
function namesOutlet(u: Unit, ctx: CheckContext): boolean {
  const outlet = ctx.ref.outlet;
  if (!outlet) return false;
  const lower = (ts: { kind: string; lower: string }[]) => ts.filter((t) => t.kind !== 'punct').map((t) => t.lower).filter((w, i) => i > 0 || w !== 'the');
  const o = lower(tokenize(outlet));
  const w = lower(ctx.view.tokens.slice(u.first, u.last + 1));
  return w.length > 0 && w.length <= o.length && o.slice(o.length - w.length).every((x, i) => x === w[i]);
}

/** Is the unit a year the reference gives somewhere, though not in the passage aligned to? */
function yearGivenElsewhere(u: Unit, ctx: CheckContext): boolean {
  const q = ctx.view.amounts.find((x) => x.first <= u.first && u.last <= x.last);
  if (!q || q.kind !== 'year' || q.cmp !== 'eq') return false;
  const text = ctx.view.tokens[u.first].lower;
  return ctx.analysis.sentences.some((s) => s.tokens.some((t) => t.kind === 'number' && t.lower === text));
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
  return { claim, kind: j.kind, category: j.category, message: j.message, evidence: j.evidence, fixes: [], focus: j.focus, suppressed: false, confidence: j.confidence, ...(j.check ? { check: j.check } : {}) };
}
