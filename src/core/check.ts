import { buildBlock, lineKind, maskInline, parseDraft, type Block, type Draft } from './draft/parse';
import { nearestKey } from './draft/keys';
import { judgeSpan, type Judgement } from './judge/judge';
import { analyse } from './reference/analysis';
import { tokenize } from './text/tokens';
import type { CheckResult, Citation, CitationItem, CitationProblem, Claim, Fix, Reference, Span, Verdict } from './types';
import { partitionPoint } from './text/search';

/** Longest statement judged; a real sentence is rarely a tenth of this. */
export const MAX_STATEMENT_CHARS = 2_000;

export interface CheckOptions {
  /** Judge statements with no citation that name something a linked reference knows (default true). */
  judgeUncited?: boolean;
}

/**
 * Runs `checker.checkInSteps(text)` in slices of about `sliceMs`, yielding to the event loop between
 * them so a host stays responsive; gives up (undefined) once `isStale()` says a newer text has come.
 * `onSlice` hears how long each slice held the thread.
 */
export async function checkInSlices(
  checker: DraftChecker,
  text: string,
  sliceMs: number,
  isStale: () => boolean,
  onSlice?: (ms: number) => void,
): Promise<CheckResult | undefined> {
  const steps = checker.checkInSteps(text);
  for (;;) {
    const sliceStart = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - sliceStart < sliceMs) step = steps.next();
    onSlice?.(performance.now() - sliceStart);
    if (step.done) return step.value;
    await new Promise<void>((r) => setImmediate(r));
    if (isStale()) {
      steps.return({ verdicts: [], problems: [] });
      return undefined;
    }
  }
}

/** Judges every statement of a draft once; for repeated checks of a changing draft use DraftChecker. */
export function checkDraft(text: string, references: Reference[], options: CheckOptions = {}): CheckResult {
  return new DraftChecker(references, options).check(text);
}

/** The verdicts judged for a block, as judged (at `base`); never returned, so never changed. */
interface CachedBlock {
  base: number;
  verdicts: Verdict[];
  /** Per verdict, the index of its statement in the block. */
  claims: number[];
}

/** A block's verdicts at its place in a draft, with the cache entry they came from. */
interface PlacedBlock {
  cached: CachedBlock;
  verdicts: Verdict[];
}

/**
 * The last draft checked, with what is known about each of its blocks (arrays by block index): the
 * cache key, and the verdicts where the block stands, valid for the linked references `context`
 * of the checker's references `generation`.
 */
interface DraftState {
  text: string;
  draft: Draft;
  keys: (string | undefined)[];
  placed: (PlacedBlock | undefined)[];
  context?: string;
  generation?: number;
}

const NO_CACHE: ReadonlyMap<string, CachedBlock> = new Map();

/**
 * Checks drafts incrementally: a block whose text and context are unchanged reuses its verdicts,
 * so re-checking after a one-sentence edit judges only that block.
 *
 * Verdicts are shared between successive results where nothing about them changed (blocks before
 * the edit), so results are read-only: the checker never changes a verdict it has returned
 * (suppressions and locator fixes change a copy).
 */
export class DraftChecker {
  /** Judged blocks by key (block text and cited keys), valid for `cacheContext` (the linked references). */
  private cache = new Map<string, CachedBlock>();
  private cacheContext?: string;
  private byKey = new Map<string, Reference>();
  private last?: DraftState;
  /** Counts setReferences calls: a check that began with other references leaves no verdicts behind. */
  private generation = 0;

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
    this.cacheContext = undefined;
    this.generation++;
  }

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
    const state: DraftState = (this.last && this.edited(this.last, text)) ?? { text, draft: parseDraft(text), keys: [], placed: [] };
    this.last = state;
    const { draft } = state;
    const generation = this.generation;
    const problems = this.citationProblems(draft);
    const linked = this.linkedReferences(draft);
    const context = linked.map((r) => r.key).join('\u0001');
    if (context !== state.context || generation !== state.generation) {
      state.placed = [];
      state.context = context;
      state.generation = generation;
    }
    const cache = context === this.cacheContext ? this.cache : NO_CACHE;
    const verdicts: Verdict[] = [];
    const live = new Map<string, CachedBlock>();
    for (let b = 0; b < draft.blocks.length; b++) {
      const block = draft.blocks[b];
      let key = state.keys[b];
      if (key === undefined) {
        // What a block's verdicts depend on besides the linked references: its text, the keys each statement
        // cites and whether it cites them itself (front matter keys alone leave a statement to be cited).
        key = state.keys[b] = `${draft.text.slice(block.start, block.end)}\u0000${block.claims.map((c) => (c.explicitlyCited ? '1' : '0') + c.cited.join(',')).join(';')}`;
      }
      let placed = state.placed[b];
      if (!placed) {
        let cached = cache.get(key) ?? live.get(key);
        if (!cached) {
          cached = { base: block.start, verdicts: [], claims: [] };
          for (let i = 0; i < block.claims.length; i++) {
            for (const v of this.judgeClaim(draft, block.claims[i], linked)) {
              cached.verdicts.push(v);
              cached.claims.push(i);
            }
          }
          yield;
        }
        placed = { cached, verdicts: placeVerdicts(cached, block) };
        if (generation === this.generation) state.placed[b] = placed;
      }
      live.set(key, placed.cached);
      for (const v of placed.verdicts) verdicts.push(v);
    }
    // Keep only what the current text uses, so the cache never outgrows the draft.
    if (generation === this.generation) {
      this.cache = live;
      this.cacheContext = context;
    }
    this.applySuppressions(draft, verdicts, problems);
    this.addLocatorFixes(verdicts, problems);
    return { verdicts, problems };
  }

  /** The state of `text` derived from the last one, when the edit allows (see editedDraft); blocks keep what still holds. */
  private edited(prev: DraftState, text: string): DraftState | undefined {
    if (prev.text === text) return prev;
    const e = this.editedDraft(prev.text, prev.draft, text);
    if (!e) return undefined;
    // Blocks before the edit are the same objects at the same place; later ones moved unless the length is the same.
    const keys = prev.keys.slice();
    keys[e.block] = undefined;
    const placed = e.moved ? prev.placed.slice(0, e.block) : prev.placed.slice();
    placed[e.block] = undefined;
    return { text, draft: e.draft, keys, placed, context: prev.context, generation: prev.generation };
  }

  /**
   * The parse of `text` derived from the previous one when the edit stays inside one block of plain
   * prose (no line breaks, markup or citation characters); otherwise undefined and the caller re-parses.
   */
  private editedDraft(old: string, prev: Draft, text: string): { draft: Draft; block: number; moved: boolean } | undefined {
    const max = Math.min(old.length, text.length);
    let p = commonPrefix(old, text, max);
    let s = commonSuffix(old, text, max - p);
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
    const bi = blockAround(prev.blocks, p, oldEnd);
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
    // Everything after the edit moves by delta; a citation shifted once serves the draft and its statement.
    const shifted = new Map<Citation, Citation>();
    const citations = !delta
      ? prev.citations
      : shiftTail(prev.citations, oldEnd, (c) => {
          const moved = shiftCitation(c, delta);
          shifted.set(c, moved);
          return moved;
        });
    const footnoteRefs = !delta ? prev.footnoteRefs : shiftTail(prev.footnoteRefs, oldEnd, (f) => ({ ...f, start: f.start + delta, end: f.end + delta }));
    const notes = { citations, footnoteRefs, footnoteKeys: prev.footnoteKeys, frontMatterKeys: prev.frontMatterKeys };
    const edited = buildBlock(prose, span, b.index, notes);
    if (!edited.claims.length) return undefined;
    const blocks: Block[] = prev.blocks.slice();
    blocks[bi] = edited;
    if (delta !== 0) {
      const claimOf = (c: Claim): Claim => ({
        ...c,
        start: c.start + delta,
        end: c.end + delta,
        citations: c.citations.length ? c.citations.map((x) => shifted.get(x) ?? shiftCitation(x, delta)) : [],
        quotes: c.quotes.length ? c.quotes.map((q) => ({ ...q, start: q.start + delta, end: q.end + delta })) : [],
      });
      for (let i = bi + 1; i < blocks.length; i++) {
        const x = blocks[i];
        blocks[i] = { ...x, start: x.start + delta, end: x.end + delta, claims: x.claims.map(claimOf) };
      }
    }
    const regions = prev.suppressions.regions.map((r) => (r.start >= oldEnd ? { ...r, start: r.start + delta, end: r.end + delta } : r.end >= oldEnd ? { start: r.start, end: r.end + delta } : r));
    const inline = prev.suppressions.inline.map((at) => (at >= oldEnd ? at + delta : at));
    return { draft: { ...prev, text, prose, blocks, citations, footnoteRefs, suppressions: { inline, regions } }, block: bi, moved: delta !== 0 };
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
    // Counted with line breaks and runs of spaces as one, so CRLF and LF drafts agree.
    const length = claim.end - claim.start > MAX_STATEMENT_CHARS ? draft.prose.slice(claim.start, claim.end).replace(/\s+/g, ' ').trim().length : 0;
    if (length > MAX_STATEMENT_CHARS) {
      // A run-on "sentence" of thousands of characters (a pasted table, a list without full stops)
      // is no statement a source can back; judging it would cost seconds.
      const message = `This statement is ${length.toLocaleString('en')} characters long, too long to check as one; statements of up to ${MAX_STATEMENT_CHARS.toLocaleString('en')} characters are checked. Split it into sentences.`;
      return [{ claim, verdict: 'unsupported', category: 'coverage', message, evidence: [], fixes: [], suppressed: false }];
    }
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
    for (let i = 0; i < verdicts.length; i++) {
      let v = verdicts[i];
      const ev = v.evidence[0];
      if (!ev || v.verdict === 'unsupported') continue;
      let copied = false;
      for (const c of v.claim.citations) {
        for (const item of c.items) {
          if (item.key !== ev.reference || item.paragraph === undefined || !item.locatorSpan || item.paragraph === ev.paragraph) continue;
          if (v.evidence.some((e) => e.paragraph === item.paragraph)) continue;
          const fix: Fix = { title: `Change the locator to ¶${ev.paragraph}`, kind: 'locator', safe: false, edits: [{ ...item.locatorSpan, newText: `¶${ev.paragraph}` }] };
          const problem = outOfRange.get(item.locatorSpan.start);
          if (problem) problem.fixes.push(fix);
          else if (v.verdict === 'supported') {
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

  private applySuppressions(draft: Draft, verdicts: Verdict[], problems: CitationProblem[]): void {
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
  const items: CitationItem[] = [];
  for (const i of c.items) items.push({ ...i, keySpan: shiftSpan(i.keySpan, by), locatorSpan: i.locatorSpan && shiftSpan(i.locatorSpan, by) });
  return { ...c, start: c.start + by, end: c.end + by, items };
}

function shiftSpan<T extends Span>(s: T, by: number): T {
  return { ...s, start: s.start + by, end: s.end + by };
}

/**
 * Length of the common prefix of `a` and `b`, at most `max`. Equal runs are skipped in slices
 * (compared as whole strings, far faster than char by char on a long draft), then char by char.
 */
function commonPrefix(a: string, b: string, max: number): number {
  let p = 0;
  for (let step = 1024; step >= 1; step >>= 2) while (p + step <= max && a.slice(p, p + step) === b.slice(p, p + step)) p += step;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  for (let step = 1024; step >= 1; step >>= 2) while (s + step <= max && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) s += step;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** `xs` (in text order) with every element that starts at or after `from` replaced by `move(x)`. */
function shiftTail<T extends Span>(xs: T[], from: number, move: (x: T) => T): T[] {
  const lo = partitionPoint(xs.length, (i) => xs[i].start < from);
  if (lo === xs.length) return xs;
  const out = xs.slice();
  for (let i = lo; i < out.length; i++) out[i] = move(out[i]);
  return out;
}

/** Index of the block that holds the whole of [start, end], or -1 (blocks are in text order and never touch). */
function blockAround(blocks: Block[], start: number, end: number): number {
  const lo = partitionPoint(blocks.length, (i) => blocks[i].start <= start);
  return lo > 0 && end <= blocks[lo - 1].end ? lo - 1 : -1;
}

/** Index of the first of the ascending `xs` above `x`, or xs.length. */
function firstAbove(xs: number[], x: number): number {
  return partitionPoint(xs.length, (i) => xs[i] <= x);
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
function placeVerdicts(cached: CachedBlock, block: Block): Verdict[] {
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
