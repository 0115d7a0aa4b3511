import { buildBlock, lineKind, maskInline, parseDraft, type Block, type Draft } from './draft/parse';
import { nearestKey } from './draft/keys';
import { judgeSpan, type Judgement } from './judge/judge';
import { analyse } from './reference/analysis';
import { tokenize } from './text/tokens';
import type { CheckResult, Citation, CitationProblem, Claim, Fix, Reference, Span, Verdict } from './types';

export interface CheckOptions {
  /** Judge statements with no citation that name something a linked reference knows (default true). */
  judgeUncited?: boolean;
}

/** Judges every statement of a draft once; for repeated checks of a changing draft use DraftChecker. */
export function checkDraft(text: string, references: Reference[], options: CheckOptions = {}): CheckResult {
  return new DraftChecker(references, options).check(text);
}

interface CachedBlock {
  verdicts: Verdict[];
}

/**
 * Checks drafts incrementally: a block whose text and context are unchanged reuses its verdicts,
 * so re-checking after a one-sentence edit judges only that block.
 */
export class DraftChecker {
  private cache = new Map<string, CachedBlock>();
  private byKey = new Map<string, Reference>();

  constructor(
    private references: Reference[],
    private readonly options: CheckOptions = {},
  ) {
    this.setReferences(references);
  }

  setReferences(references: Reference[]): void {
    this.references = references;
    this.byKey = new Map(references.map((r) => [r.key, r]));
    this.cache.clear();
  }

  private last?: { text: string; draft: Draft };

  check(text: string): CheckResult {
    const steps = this.checkInSteps(text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same check, pausing after each block it has to judge, so that an editor can yield to
   * its event loop between steps and abandon a check that a newer edit has made stale.
   */
  *checkInSteps(text: string): Generator<void, CheckResult, void> {
    const draft = (this.last && this.editedDraft(this.last.text, this.last.draft, text)) ?? parseDraft(text);
    this.last = { text, draft };
    const problems = this.citationProblems(draft);
    const linked = this.linkedReferences(draft);
    const context = linked.map((r) => r.key).join('\u0001');
    const verdicts: Verdict[] = [];
    const live = new Map<string, CachedBlock>();
    for (const block of draft.blocks) {
      const key = `${context}\u0000${draft.text.slice(block.start, block.end)}\u0000${block.claims.map((c) => c.cited.join(',')).join(';')}`;
      let cached = this.cache.get(key) ?? live.get(key);
      if (!cached) {
        cached = { verdicts: block.claims.flatMap((c) => this.judgeClaim(draft, c, linked)).map((v) => shiftVerdict(v, -block.start)) };
        yield;
      }
      live.set(key, cached);
      for (const v of cached.verdicts) verdicts.push(shiftVerdict(v, block.start, block.index));
    }
    // Keep only what the current text uses, so the cache never outgrows the draft.
    this.cache = live;
    this.applySuppressions(draft, verdicts, problems);
    this.addLocatorFixes(verdicts, problems);
    return { verdicts, problems };
  }

  /**
   * The parse of `text` derived from the previous one when the edit stays inside one block of plain
   * prose (no line breaks, markup or citation characters); otherwise undefined and the caller re-parses.
   */
  private editedDraft(old: string, prev: Draft, text: string): Draft | undefined {
    if (old === text) return prev;
    const max = Math.min(old.length, text.length);
    let p = 0;
    while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    // Never start or end an edit between the two halves of a surrogate pair.
    if (p > 0 && isHighSurrogate(old.charCodeAt(p - 1))) p--;
    if (s > 0 && isLowSurrogate(old.charCodeAt(old.length - s))) s--;
    const oldEnd = old.length - s;
    const newEnd = text.length - s;
    const delta = text.length - old.length;
    if (STRUCTURAL.test(old.slice(p, oldEnd)) || STRUCTURAL.test(text.slice(p, newEnd))) return undefined;
    // Nor may it touch markup: "x](u)" or "@" next to the edit can turn into a link or a citation.
    if (STRUCTURAL.test(old.charAt(p - 1)) || STRUCTURAL.test(old.charAt(oldEnd))) return undefined;
    // The edited line must read the same way: "x- item" → "- item" becomes a list item.
    const lineStart = lastLineBreak(old, p) + 1;
    const oldLineEnd = nextLineBreak(old, oldEnd);
    const newLineEnd = oldLineEnd + delta;
    const before = lineKind(old.slice(lineStart, oldLineEnd));
    const after = lineKind(text.slice(lineStart, newLineEnd));
    if (before.kind !== 'prose' || after.kind !== 'prose' || before.marker !== after.marker) return undefined;
    const bi = prev.blocks.findIndex((b) => b.start <= p && oldEnd <= b.end);
    if (bi < 0) return undefined;
    const b = prev.blocks[bi];
    // The edit and its neighbours must be prose the parser kept as written, not blanked markup.
    for (let i = Math.max(b.start, p - 1); i < Math.min(b.end, oldEnd + 1); i++) if (prev.prose[i] !== old[i]) return undefined;
    const prose = prev.prose.slice(0, p) + text.slice(p, newEnd) + prev.prose.slice(oldEnd);
    const span = { start: b.start, end: b.end + delta };
    const blockProse = prose.slice(span.start, span.end);
    if (/^\s|\s$/.test(blockProse) || !/[\p{L}\p{N}]/u.test(blockProse)) return undefined;
    // …and hold no inline markup the old line did not: "ttp://x" → "http://x" is a link now.
    const line = prose.slice(lineStart, newLineEnd);
    if (maskInline(line) !== line) return undefined;
    const moved = <T extends { start: number; end: number }>(x: T): T => (x.start >= oldEnd ? { ...x, start: x.start + delta, end: x.end + delta } : x);
    const citations = prev.citations.map((c) => (c.start >= oldEnd ? shiftCitation(c, delta) : c));
    const footnoteRefs = prev.footnoteRefs.map(moved);
    const notes = { citations, footnoteRefs, footnoteKeys: prev.footnoteKeys, frontMatterKeys: prev.frontMatterKeys };
    const edited = buildBlock(prose, span, b.index, notes);
    if (!edited.claims.length) return undefined;
    const blocks: Block[] = prev.blocks.map((x, i) => (i < bi ? x : i === bi ? edited : shiftBlock(x, delta)));
    const regions = prev.suppressions.regions.map((r) => (r.start >= oldEnd ? moved(r) : r.end >= oldEnd ? { start: r.start, end: r.end + delta } : r));
    const inline = prev.suppressions.inline.map((at) => (at >= oldEnd ? at + delta : at));
    return { ...prev, text, prose, blocks, citations, footnoteRefs, suppressions: { inline, regions } };
  }

  private linkedReferences(draft: Draft): Reference[] {
    const keys = new Set([...draft.frontMatterKeys, ...draft.citedKeys]);
    const linked = this.references.filter((r) => keys.has(r.key));
    return linked.length ? linked : this.references;
  }

  private judgeClaim(draft: Draft, claim: Claim, linked: Reference[]): Verdict[] {
    let refs = claim.cited.map((k) => this.byKey.get(k)).filter((r): r is Reference => !!r);
    if (!refs.length) {
      // A statement whose only key is mistyped is still judged against the draft's sources.
      if (this.options.judgeUncited === false) return [];
      // Uncited statements are judged only when they name something a linked reference knows.
      const tokens = tokenize(draft.prose, claim.start, claim.end);
      refs = linked.filter((r) => analyse(r).matcher.find(tokens).length > 0);
      if (!refs.length) return [];
    }
    if (!/[\p{L}]{2,}/u.test(claim.text) || claim.text.split(/\s+/).length < 3) return [];
    const j = judgeSpan(draft.prose, claim.start, claim.end, refs);
    return [toVerdict(draft, claim, j)];
  }

  private citationProblems(draft: Draft): CitationProblem[] {
    const problems: CitationProblem[] = [];
    const keys = [...this.byKey.keys()];
    for (const c of draft.citations) {
      if (c.error) {
        problems.push({ start: c.start, end: c.end, code: 'malformed-citation', message: `Malformed citation “${c.raw}”: ${c.error}`, fixes: [] });
        continue;
      }
      for (const item of c.items) {
        const ref = this.byKey.get(item.key);
        if (!ref) {
          const suggestion = nearestKey(item.key, keys);
          problems.push({
            ...item.keySpan,
            code: 'unknown-key',
            message: `Unknown reference “${item.key}”.${suggestion ? ` Did you mean “${suggestion}”?` : ' No reference with this key is loaded.'}`,
            suggestion,
            fixes: suggestion ? [{ title: `Change to “${suggestion}”`, kind: 'correct', safe: true, edits: [{ ...item.keySpan, newText: suggestion }] }] : [],
          });
        } else if (item.paragraph !== undefined && item.paragraph > ref.paragraphs.length && item.locatorSpan) {
          problems.push({
            ...item.locatorSpan,
            code: 'locator-out-of-range',
            message: `“${ref.key}” has ${ref.paragraphs.length} paragraphs; ¶${item.paragraph} is past its end.`,
            fixes: [],
          });
        }
      }
    }
    for (const key of draft.frontMatterKeys) {
      if (this.byKey.has(key)) continue;
      const suggestion = nearestKey(key, keys);
      const at = draft.text.indexOf(key);
      problems.push({
        start: Math.max(0, at),
        end: Math.max(0, at) + key.length,
        code: 'unknown-key',
        message: `Unknown reference “${key}” in front matter.${suggestion ? ` Did you mean “${suggestion}”?` : ''}`,
        suggestion,
        fixes: suggestion && at >= 0 ? [{ title: `Change to “${suggestion}”`, kind: 'correct', safe: true, edits: [{ start: at, end: at + key.length, newText: suggestion }] }] : [],
      });
    }
    return problems;
  }

  /** A locator that points past the end, or at a paragraph that does not hold the evidence, gets a fix to the one that does. */
  private addLocatorFixes(verdicts: Verdict[], problems: CitationProblem[]): void {
    // Indexed by start: a line of thousands of citations must not cost citations × problems.
    const outOfRange = new Map<number, CitationProblem>();
    for (const p of problems) if (p.code === 'locator-out-of-range' && !outOfRange.has(p.start)) outOfRange.set(p.start, p);
    for (const v of verdicts) {
      const ev = v.evidence[0];
      if (!ev || v.verdict === 'unsupported') continue;
      for (const c of v.claim.citations) {
        for (const item of c.items) {
          if (item.key !== ev.reference || item.paragraph === undefined || !item.locatorSpan || item.paragraph === ev.paragraph) continue;
          if (v.evidence.some((e) => e.paragraph === item.paragraph)) continue;
          const fix: Fix = { title: `Change the locator to ¶${ev.paragraph}`, kind: 'locator', safe: false, edits: [{ ...item.locatorSpan, newText: `¶${ev.paragraph}` }] };
          const problem = outOfRange.get(item.locatorSpan.start);
          if (problem) problem.fixes.push(fix);
          else if (v.verdict === 'supported') v.fixes.push(fix);
        }
      }
    }
  }

  private applySuppressions(draft: Draft, verdicts: Verdict[], problems: CitationProblem[]): void {
    const { inline, regions } = draft.suppressions;
    if (!inline.length && !regions.length) return;
    const starts = draft.blocks.flatMap((b) => b.claims.map((c) => c.start)).sort((a, b) => a - b);
    const inRegion = (s: number, e: number) => regions.some((r) => s < r.end && r.start < e);
    for (const v of verdicts) {
      const next = starts.find((s) => s > v.claim.start) ?? draft.text.length;
      const ignored = inline.some((at) => at >= v.claim.start && at < next);
      if (ignored || inRegion(v.claim.start, v.claim.end)) v.suppressed = true;
    }
    for (let i = problems.length - 1; i >= 0; i--) if (inRegion(problems[i].start, problems[i].end)) problems.splice(i, 1);
  }
}

function toVerdict(draft: Draft, claim: Claim, j: Judgement): Verdict {
  const fixes: Fix[] = [];
  if (j.verdict === 'contradicted' && j.focus && j.replacement !== undefined) {
    const wrong = draft.text.slice(j.focus.start, j.focus.end);
    fixes.push({
      title: j.category === 'quote' ? `Replace the quote with the source's words` : `Replace “${wrong}” with “${j.replacement}” (the source's wording)`,
      kind: j.category === 'quote' ? 'quote' : 'correct',
      safe: true,
      edits: [{ start: j.focus.start, end: j.focus.end, newText: j.replacement }],
    });
  }
  if (j.verdict === 'supported' && !claim.explicitlyCited && j.reference && j.evidence[0]) {
    // Pandoc style: before the full stop ("… Washington [@key, ¶1]."), after a closing quote mark.
    const end = /[.!?]$/.exec(draft.text.slice(claim.start, claim.end));
    const at = end ? claim.end - 1 : claim.end;
    const citation = `[@${j.reference.key}, ¶${j.evidence[0].paragraph}]`;
    fixes.push({ title: `Insert citation ${citation}`, kind: 'insert-citation', safe: true, edits: [{ start: at, end: at, newText: ` ${citation}` }] });
  }
  return { claim, verdict: j.verdict, category: j.category, message: j.message, evidence: j.evidence, fixes, focus: j.focus, suppressed: false };
}

// Characters whose edit can change the structure of a draft rather than the words of one block.
const STRUCTURAL = /[\r\n`~<>^|#*_\[\]@\\]/;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Offset of the last CR or LF before `at`, or -1. */
function lastLineBreak(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i--;
  return i;
}
/** Offset of the first CR or LF at or after `at`, or the text's length. */
function nextLineBreak(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function shiftCitation<T extends Citation>(c: T, by: number): T {
  const sh = <S extends Span>(x: S): S => ({ ...x, start: x.start + by, end: x.end + by });
  return { ...sh(c), items: c.items.map((i) => ({ ...i, keySpan: sh(i.keySpan), locatorSpan: i.locatorSpan && sh(i.locatorSpan) })) };
}

function shiftClaim(c: Claim, by: number, block?: number): Claim {
  return {
    ...c,
    start: c.start + by,
    end: c.end + by,
    block: block ?? c.block,
    citations: c.citations.map((x) => shiftCitation(x, by)),
    quotes: c.quotes.map((q) => ({ ...q, start: q.start + by, end: q.end + by })),
  };
}

function shiftBlock(b: Block, by: number): Block {
  return { ...b, start: b.start + by, end: b.end + by, claims: b.claims.map((c) => shiftClaim(c, by)) };
}

function shiftVerdict(v: Verdict, by: number, block?: number): Verdict {
  const sh = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  return {
    ...v,
    claim: shiftClaim(v.claim, by, block),
    focus: v.focus && sh(v.focus),
    fixes: v.fixes.map((f) => ({ ...f, edits: f.edits.map(sh) })),
    suppressed: false,
  };
}
