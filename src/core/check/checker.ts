// The draft checker: parses a draft (re-parsing only the edited block when it can), judges the
// blocks whose text or context changed and assembles the result.
import { parseDraft, type Dialect, type Draft, type ParseCache } from '../draft/parse';
import { judgeSpan } from '../judge/judge';
import { analyse } from '../reference/analysis';
import { asEntryReference } from '../reference/bibliography';
import { tokenize } from '../text/tokens';
import { normalizeUrl } from '../text/url';
import type { CheckResult, Claim, Reference, SourceEntry, Verdict } from '../types';
import { editedDraft } from './incremental';
import { citationProblems, pastPagesRead, tooShortToJudge } from './problems';
import { resolveCitations, urlIndex, type UrlIndex } from './resolve';
import { addLocatorFixes, applySuppressions, placeVerdicts, toVerdict, type CachedBlock } from './verdicts';

/** Longest statement judged; a real sentence is rarely a tenth of this. */
export const MAX_STATEMENT_CHARS = 2_000;

export interface CheckOptions {
  /** Judge statements with no citation that name something a linked reference knows (default true). */
  judgeUncited?: boolean;
  /**
   * Sources a bibliography knows by key but whose text is not at hand: citing one gives a `no-text`
   * note, not an unknown-key problem, and a statement citing only such sources is not judged.
   */
  knownSources?: readonly SourceEntry[];
  /** The Markdown dialect of the drafts this checker reads (default 'markdown'); see `dialectOf`. */
  dialect?: Dialect;
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
  dialect?: Dialect,
): Promise<CheckResult | undefined> {
  const steps = checker.checkInSteps(text, dialect);
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
  dialect: Dialect;
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
  /** References by normalised URL, for link citations. */
  private byUrl: UrlIndex = new Map();
  private sources = new Map<string, SourceEntry>();
  /** The known sources of the draft being checked (the bibliographies' and its inline ones). */
  private draftSources: ReadonlyMap<string, SourceEntry> = this.sources;
  /** The references by key for the draft being checked: the loaded ones and its inline items' aliases. */
  private draftByKey: ReadonlyMap<string, Reference> = this.byKey;
  /** Every key known without the draft's own items: the references' and the sources', built once per setReferences. */
  private knownKeys: ReadonlyMap<string, unknown> = this.byKey;
  private last?: DraftState;
  /** Counts setReferences calls: a check that began with other references leaves no verdicts behind. */
  private generation = 0;
  /** Parsed pieces of the last draft: a re-parse after an edit parses only the pieces that changed. */
  private readonly parseCache: ParseCache = new Map();

  constructor(
    private references: Reference[],
    private readonly options: CheckOptions = {},
  ) {
    this.setReferences(references, options.knownSources);
  }

  /**
   * Judges against `references` from now on, with `sources` (when given) as the known sources without
   * text; everything cached for the old ones is dropped.
   */
  setReferences(references: Reference[], sources?: readonly SourceEntry[]): void {
    this.references = references;
    this.byKey = new Map(references.map((r) => [r.key, r]));
    this.byUrl = urlIndex(references);
    if (sources) {
      this.sources = new Map();
      for (const s of sources) if (!this.byKey.has(s.key) && !this.sources.has(s.key)) this.sources.set(s.key, s);
    }
    this.knownKeys = this.sources.size ? new Map<string, unknown>([...this.byKey, ...this.sources]) : this.byKey;
    this.cache.clear();
    this.cacheContext = undefined;
    this.generation++;
  }

  /** Judges `text` (read as `dialect`, by default the checker's), reusing the verdicts of blocks unchanged since the last check. */
  check(text: string, dialect?: Dialect): CheckResult {
    const steps = this.checkInSteps(text, dialect);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same check, pausing after each block it has to judge, so that an editor can yield to
   * its event loop between steps and abandon a check that a newer edit has made stale.
   */
  *checkInSteps(text: string, dialect: Dialect = this.options.dialect ?? 'markdown'): Generator<void, CheckResult, void> {
    const state: DraftState = (this.last?.dialect === dialect ? this.edited(this.last, text) : undefined) ?? { text, dialect, draft: parseDraft(text, { dialect, cache: this.parseCache }), keys: [], placed: [] };
    this.last = state;
    const generation = this.generation;
    // The draft's inline CSL items whose URL is a loaded reference's cite that reference under their own key.
    const aliases = this.inlineAliases(state.draft);
    const byKey: ReadonlyMap<string, Reference> = aliases.length ? new Map([...this.byKey, ...aliases.map((r) => [r.key, r] as const)]) : this.byKey;
    this.draftByKey = byKey;
    const sources = this.knownSources(state.draft, byKey);
    this.draftSources = sources;
    // In-text `@handles` and link citations depend on the references (and the sources known by key):
    // resolved on every check, the parse kept as parsed.
    // Rebuilt only when the draft's own inline items add keys (a large bibliography is not copied per keystroke).
    const known = byKey === this.byKey && sources === this.sources ? this.knownKeys : sources.size ? new Map<string, unknown>([...byKey, ...sources]) : byKey;
    const resolved = resolveCitations(state.draft, known, this.byUrl);
    const draft = resolved.draft;
    const problems = citationProblems(draft, byKey, sources);
    for (const p of resolved.problems) problems.push(p);
    const linked = this.linkedReferences(draft, aliases);
    // The draft's own inline sources decide which statements are judged, so they are part of the context.
    const context = linked.map((r) => r.key).join('\u0001') + (sources === this.sources ? '' : `\u0002${[...sources.keys()].join('\u0001')}`) + (aliases.length ? `\u0003${aliases.map((r) => `${r.key}=${r.path}`).join('\u0001')}` : '');
    if (generation !== state.generation) state.keys = [];
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
        // A row's citation cell counts too: its locators may leave pages unread (see judgeClaim).
        const row = block.rowCitations?.map((c) => draft.text.slice(c.start, c.end)).join('\u0001') ?? '';
        key = state.keys[b] = `${draft.text.slice(block.start, block.end)}\u0000${block.claims.map((c) => (c.explicitlyCited ? '1' : '0') + c.cited.join(',')).join(';')}${row && `\u0000${row}`}`;
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
    applySuppressions(draft, verdicts, problems);
    addLocatorFixes(verdicts, problems, byKey, draft.blocks);
    return { verdicts, problems };
  }

  /** The state of `text` derived from the last one, when the edit allows (see editedDraft); blocks keep what still holds. */
  private edited(prev: DraftState, text: string): DraftState | undefined {
    if (prev.text === text) return prev;
    const e = editedDraft(prev.text, prev.draft, text);
    if (!e) return undefined;
    // Blocks before the edit are the same objects at the same place; later ones moved unless the length is the same.
    const keys = prev.keys.slice();
    keys[e.block] = undefined;
    const placed = e.moved ? prev.placed.slice(0, e.block) : prev.placed.slice();
    placed[e.block] = undefined;
    return { text, dialect: prev.dialect, draft: e.draft, keys, placed, context: prev.context, generation: prev.generation };
  }

  /** The known sources without text: the bibliographies' and the draft's own inline CSL `references:`. */
  private knownSources(draft: Draft, byKey: ReadonlyMap<string, Reference>): ReadonlyMap<string, SourceEntry> {
    const inline = draft.inlineSources;
    if (!inline.length) return this.sources;
    const all = new Map(this.sources);
    for (const s of inline) if (!byKey.has(s.key) && !all.has(s.key)) all.set(s.key, s);
    return all;
  }

  /**
   * A loaded reference under the key of each inline CSL item of the draft (Pandoc `references:`) whose
   * URL (or DOI) is that reference's, as a bibliography entry matched by URL becomes one.
   */
  private inlineAliases(draft: Draft): Reference[] {
    const out: Reference[] = [];
    for (const s of draft.inlineSources) {
      if (!s.url || this.byKey.has(s.key)) continue;
      const u = normalizeUrl(s.url);
      const key = u ? this.byUrl.get(u)?.[0] : undefined;
      const ref = key ? this.byKey.get(key) : undefined;
      if (ref) out.push(asEntryReference(ref, { key: s.key, title: s.title, path: ref.path, url: s.url, author: s.author, date: s.date, outlet: s.outlet }));
    }
    return out;
  }

  private linkedReferences(draft: Draft, aliases: readonly Reference[] = []): Reference[] {
    const keys = new Set([...draft.frontMatterKeys, ...draft.citedKeys]);
    const all = aliases.length ? [...this.references, ...aliases] : this.references;
    const linked = all.filter((r) => keys.has(r.key));
    return linked.length ? linked : this.references;
  }

  private judgeClaim(draft: Draft, claim: Claim, linked: Reference[]): Verdict[] {
    // A statement in another language gets a notice (citationProblems), never a verdict.
    if (claim.language || claim.computed) return [];
    let refs = claim.cited.map((k) => this.draftByKey.get(k)).filter((r): r is Reference => !!r);
    // A source cited only at pages past those read is not judged by the pages it was not cited for (noted by citationProblems).
    if (refs.length) {
      const unread = (r: Reference) => {
        const items = [...claim.citations, ...(draft.blocks[claim.block]?.rowCitations ?? [])].flatMap((c) => c.items.filter((i) => i.key === r.key));
        return items.length > 0 && items.every((i) => pastPagesRead(i, r));
      };
      if (refs.some(unread)) {
        refs = refs.filter((r) => !unread(r));
        if (!refs.length) return [];
      }
    }
    // Citing only sources with no text: there is nothing to judge against, and the note says so.
    if (!refs.length && claim.cited.length && claim.cited.every((k) => this.draftSources.has(k))) return [];
    // The keys the statement cites itself when none of them is loaded or known (mistyped): its verdict says which source it was judged against instead.
    let unknown: string[] = [];
    if (!refs.length) {
      // A statement whose only key is mistyped is still judged against the draft's sources.
      if (claim.explicitlyCited) unknown = claim.cited.filter((k) => !draft.frontMatterKeys.includes(k) && !this.draftSources.has(k));
      if (this.options.judgeUncited === false) return [];
      // Uncited statements are judged only when they name something a linked reference knows.
      const tokens = tokenize(draft.prose, claim.start, claim.end);
      refs = linked.filter((r) => analyse(r).matcher.find(tokens).length > 0);
      if (!refs.length) return [];
    }
    // Noted by citationProblems when the statement is cited.
    if (tooShortToJudge(claim.text)) return [];
    // Counted with line breaks and runs of spaces as one, so CRLF and LF drafts agree.
    const length = claim.end - claim.start > MAX_STATEMENT_CHARS ? draft.prose.slice(claim.start, claim.end).replace(/\s+/g, ' ').trim().length : 0;
    if (length > MAX_STATEMENT_CHARS) {
      // A run-on "sentence" of thousands of characters (a pasted table, a list without full stops)
      // is no statement a source can back; judging it would cost seconds.
      const message = `This statement is ${length.toLocaleString('en')} characters long, too long to check as one; statements of up to ${MAX_STATEMENT_CHARS.toLocaleString('en')} characters are checked. Split it into sentences.`;
      return [{ claim, kind: 'unsupported', category: 'coverage', message, evidence: [], fixes: [], suppressed: false }];
    }
    const j = judgeSpan(draft.prose, claim.start, claim.end, refs);
    const v = toVerdict(draft, claim, j);
    // Only unknown keys cited: the message names the source used, in the core so editor and CLI agree.
    const used = j.reference ?? (refs.length === 1 ? refs[0] : undefined);
    if (unknown.length && used) v.message = `${judgedAgainst(used, unknown)}${v.message}`;
    return [v];
  }
}

/** The prefix of the verdict on a statement citing only unknown `keys`, judged against `ref`: “Judged against “Title” since “key” is not loaded: ”. */
export function judgedAgainst(ref: Reference, keys: readonly string[]): string {
  const names = keys.map((k) => `“${k}”`);
  const list = names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Judged against “${ref.title || ref.key}” since ${list} ${keys.length === 1 ? 'is' : 'are'} not loaded: `;
}
