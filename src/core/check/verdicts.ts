// Verdict and fix assembly: verdicts from judgements, placed where their block stands now, with
// locator fixes and suppressions applied.
import type { Block, Draft } from '../draft/parse';
import type { Judgement } from '../judge/judge';
import { partitionPoint } from '../text/search';
import { isSafeFixKind } from '../fixes';
import type { CitationProblem, Claim, Fix, FixKind, Reference, Span, Verdict } from '../types';
import { shiftCitation } from './incremental';

/** The verdicts judged for a block, as judged (at `base`); never returned, so never changed. */
export interface CachedBlock {
  base: number;
  verdicts: Verdict[];
  /** Per verdict, the index of its statement in the block. */
  claims: number[];
}

/** The verdict on a statement from its judgement, with the fixes it offers (correct the wording, insert a citation). */
export function toVerdict(draft: Draft, claim: Claim, j: Judgement): Verdict {
  const fixes: Fix[] = [];
  if (j.kind === 'contradicted' && j.focus && j.replacement !== undefined) {
    const wrong = draft.text.slice(j.focus.start, j.focus.end);
    const kind: FixKind = j.category === 'quote' ? 'quote' : 'correct';
    // Rewording what the statement asserts is the writer's choice: never safe for "fix all".
    fixes.push({
      title: j.category === 'quote' ? `Replace the quote with the source's words` : `Replace “${wrong}” with “${j.replacement}” (the source's wording)`,
      kind,
      safe: isSafeFixKind(kind),
      edits: [{ start: j.focus.start, end: j.focus.end, newText: j.replacement }],
    });
  }
  if (j.kind === 'supported' && !claim.explicitlyCited && j.reference && j.evidence[0]) {
    // Pandoc style: before the full stop ("… Washington [@key, ¶1]."), after a closing quote mark,
    // and before footnote marks on either side of the full stop ("… Washington [@key, ¶1].[^n]").
    const tail = /(?:\[\^[^\]\s]+\])*(?:[.!?](?:\[\^[^\]\s]+\])*)?$/.exec(draft.text.slice(claim.start, claim.end));
    const at = claim.end - (tail?.[0].length ?? 0);
    const citation = `[@${j.reference.key}, ¶${j.evidence[0].paragraph}]`;
    fixes.push({ title: `Insert citation ${citation}`, kind: 'insert-citation', safe: isSafeFixKind('insert-citation'), edits: [{ start: at, end: at, newText: ` ${citation}` }] });
  }
  return { claim, kind: j.kind, category: j.category, message: j.message, evidence: j.evidence, fixes, focus: j.focus, suppressed: false, confidence: j.confidence, ...(j.check ? { check: j.check } : {}) };
}

/**
 * A locator that points past the end, or at a paragraph (`¶n`) or page (`p. n`, when the reference
 * is paged) that does not hold the evidence, gets a fix to the one that does. A range (`¶¶3-4`,
 * `pp. 3-5`) holds the evidence when any of it does. `byKey` gives the references' pages; without it
 * only paragraph locators are checked. `blocks` (the draft's) give the row citations of table cells.
 */
export function addLocatorFixes(verdicts: Verdict[], problems: CitationProblem[], byKey?: ReadonlyMap<string, Reference>, blocks?: readonly Block[]): void {
  // Indexed by start: a line of thousands of citations must not cost citations × problems.
  const outOfRange = new Map<number, CitationProblem>();
  for (const p of problems) if (p.code === 'locator-out-of-range' && !outOfRange.has(p.start)) outOfRange.set(p.start, p);
  for (let i = 0; i < verdicts.length; i++) {
    let v = verdicts[i];
    if (!v.evidence.length || v.kind === 'unsupported') continue;
    let copied = false;
    // A table row's citation cell cites the statement too (Block.rowCitations): its locator is fixed
    // in that cell, outside the statement's words but inside its row, the statement's extent then.
    const row = blocks?.[v.claim.block]?.rowCitations;
    for (const c of row ? [...v.claim.citations, ...row] : v.claim.citations) {
      for (const item of c.items) {
        // The evidence from the item's own reference (a statement may also be judged against others the draft links).
        const ev = item.locatorSpan && v.evidence.find((e) => e.reference === item.key);
        if (!ev || !item.locatorSpan) continue;
        let fix: Fix;
        if (item.paragraph !== undefined) {
          const first = item.paragraph;
          const last = Math.max(first, item.locator?.last ?? first);
          if (v.evidence.some((e) => e.paragraph >= first && e.paragraph <= last)) continue;
          const locator = paragraphLocator(item.locator?.text, ev.paragraph);
          fix = { title: `Change the locator to ${locator}`, kind: 'locator', safe: isSafeFixKind('locator'), edits: [{ ...item.locatorSpan, newText: locator }] };
        } else if (item.page !== undefined) {
          const ref = byKey?.get(item.key);
          const at = ref && pagesOf(ref, ev.paragraph);
          if (!ref || !at) continue;
          const first = item.page;
          const last = Math.max(first, item.locator?.last ?? first);
          if (v.evidence.some((e) => e.reference === ref.key && overlaps(pagesOf(ref, e.paragraph), first, last))) continue;
          fix = { title: `Change the locator to p. ${at.first}`, kind: 'locator', safe: isSafeFixKind('locator'), edits: [{ ...item.locatorSpan, newText: `p. ${at.first}` }] };
        } else continue;
        const problem = outOfRange.get(item.locatorSpan.start);
        if (problem) problem.fixes.push(fix);
        else if (v.kind === 'supported' || v.kind === 'contradicted') {
          // A contradicted statement's evidence is the passage that contradicts it, so it still says
          // where the source speaks of this; the locator fix is offered, but never applied by "fix all"
          // (the statement is wrong anyway, and its other fixes come first).
          if (v.kind === 'contradicted') fix = { ...fix, safe: false };
          // Verdicts may be shared with earlier results: change a copy.
          if (!copied) {
            v = verdicts[i] = { ...v, fixes: [...v.fixes] };
            copied = true;
          }
          v.fixes.push(fix);
        }
      }
    }
  }
}

/**
 * The pages paragraph `n` of a paged reference may lie on: from the page it starts on to the page
 * the next paragraph starts on (a paragraph can run over a page break). Undefined without pages.
 */
function pagesOf(ref: Reference, n: number): { first: number; last: number } | undefined {
  const p = ref.paragraphs[n - 1];
  if (!p || p.page === undefined) return undefined;
  const next = ref.paragraphs[n]?.page;
  return { first: p.page, last: next !== undefined && next > p.page ? next : p.page };
}

const overlaps = (pages: { first: number; last: number } | undefined, first: number, last: number) => !!pages && pages.first <= last && first <= pages.last;

/** Marks verdicts suppressed by `factcheck-ignore`/`-disable` comments (on a copy) and drops citation problems in disabled regions. */
export function applySuppressions(draft: Draft, verdicts: Verdict[], problems: CitationProblem[]): void {
  const { inline, regions } = draft.suppressions;
  if (!inline.length && !regions.length) return;
  const starts = draft.blocks.flatMap((b) => b.claims.map((c) => c.start)).sort((a, b) => a - b);
  const inRegion = (s: number, e: number) => regions.some((r) => s < r.end && r.start < e);
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i];
    const after = firstAbove(starts, v.claim.start);
    const next = after < starts.length ? starts[after] : draft.text.length;
    const ignored = inline.some((at) => at >= v.claim.start && at < next);
    // Verdicts may be shared with earlier results: mark a copy.
    if (ignored || inRegion(v.claim.start, v.claim.end)) verdicts[i] = { ...v, suppressed: true };
  }
  for (let i = problems.length - 1; i >= 0; i--) if (inRegion(problems[i].start, problems[i].end)) problems.splice(i, 1);
}

/**
 * A statement as verdicts carry it: its citation items always have a `locatorSpan` key (undefined
 * when there is no locator), as a shifted copy has; the parser's own statement when it already does.
 */
function verdictClaim(c: Claim): Claim {
  for (const x of c.citations) for (const i of x.items) if (!('locatorSpan' in i)) return { ...c, citations: c.citations.map((y) => shiftCitation(y, 0)) };
  return c;
}

/** A block's verdicts where it stands now: its own statements, focus and fixes moved with it. */
export function placeVerdicts(cached: CachedBlock, block: Block): Verdict[] {
  const by = block.start - cached.base;
  const sh = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  const out: Verdict[] = new Array(cached.verdicts.length);
  for (let i = 0; i < out.length; i++) {
    const v = cached.verdicts[i];
    out[i] = {
      ...v,
      claim: verdictClaim(block.claims[cached.claims[i]]),
      focus: v.focus && (by ? sh(v.focus) : v.focus),
      fixes: v.fixes.length ? v.fixes.map((f) => ({ ...f, edits: f.edits.map(sh) })) : [],
      suppressed: false,
    };
  }
  return out;
}

/** Index of the first of the ascending `xs` above `x`, or xs.length. */
function firstAbove(xs: number[], x: number): number {
  return partitionPoint(xs.length, (i) => xs[i] <= x);
}

/** A one-paragraph locator in the writer's form (`para. 2`, `paragraph 2`, `par. 2`); `¶2` for `¶`, ranges and the rest. */
function paragraphLocator(written: string | undefined, n: number): string {
  const m = written ? /^(para\.|par\.|paragraph)\s*\d+$/i.exec(written) : null;
  return m ? `${m[1]} ${n}` : `¶${n}`;
}
