// Citations that only the loaded references can settle: whether an in-text `@word` is a citation or
// a writer's `@handle`, and which reference a Markdown link cites by its URL. The parse knows no
// references, so the checker resolves these on each check (cheaply: only blocks that hold one change).
import { isNearMiss } from '../draft/keys';
import { statementWords, withoutLinks, type Block, type Draft } from '../draft/parse';
import { partitionPoint } from '../text/search';
import { normalizeUrl } from '../text/url';
import type { Citation, CitationProblem, Claim, Reference, SourceEntry, Span } from '../types';

/** Normalised URL (see normalizeUrl) → keys of the references with that address, in load order. */
export type UrlIndex = ReadonlyMap<string, readonly string[]>;

/** The index of references' URLs, for link citations. References without a usable `url` are left out. */
export function urlIndex(references: readonly Reference[]): UrlIndex {
  const out = new Map<string, string[]>();
  for (const r of references) {
    const u = r.url && normalizeUrl(r.url);
    if (!u) continue;
    const keys = out.get(u);
    if (!keys) out.set(u, [r.key]);
    else if (!keys.includes(r.key)) keys.push(r.key);
  }
  return out;
}

/**
 * True when an in-text citation of an unknown key still reads as one, so its key is reported: it is
 * braced (`@{key}`), carries a locator (`@key [p. 4]`), or its key is a near miss of a loaded key
 * (`@reservoir-talk`). Otherwise (`@cityhallpress` in prose) it is a handle, not a citation.
 */
export function looksLikeCitation(c: Citation, keys: readonly string[]): boolean {
  if (c.form !== 'in-text') return true;
  if (c.error || c.raw.startsWith('@{')) return true;
  const item = c.items[0];
  if (!item) return true;
  if (item.locator) return true;
  return keys.some((k) => isNearMiss(item.key, k));
}

/**
 * The draft as the loaded references read it: in-text `@handles` that are no citation (see
 * looksLikeCitation) dropped, their words given back to the prose; in-text citations given to the
 * statement they stand in or begin (never the one before); Markdown links whose URL is a reference's
 * `url` added as citations (`form: 'link'`, the key span on the link's address) of the statement
 * they stand in. A URL that two references share cites both and gives an `ambiguous-link` problem.
 *
 * Returns `draft` itself when nothing changes. Never changes `draft` (a new Draft shares what did not change).
 */
export function resolveCitations(draft: Draft, byKey: ReadonlyMap<string, unknown>, byUrl: UrlIndex): { draft: Draft; problems: CitationProblem[] } {
  const problems: CitationProblem[] = [];
  const links = linkCitations(draft, byUrl, problems, draft.links.length ? sourceUrls(byKey) : undefined);
  if (!links.length && !draft.citations.some((c) => c.form === 'in-text')) return { draft, problems };

  const dropped = droppedHandles(draft, byKey);
  // A link or in-text key alone in a table cell cites the row's other cells, as a bracketed key alone there does; the cell is no statement.
  const cells = linkCells(draft, links, dropped);
  const moves = citationMoves(draft, dropped, cells.size ? links.filter((c) => !cells.has(c)) : links);
  // A link citation inside a footnote cites the statements that call the footnote, as a key there does.
  const footnoteKeys = footnoteLinkKeys(draft, links);
  const marked = markedBy(draft, footnoteKeys);
  const prose = restoreHandles(draft, dropped);
  // Statements that hold an in-text key show it in their text ("As @key reports, …"), though the prose judged has it blanked.
  const withKey = new Set<string>();
  for (const c of draft.citations) {
    if (c.form !== 'in-text' || dropped.has(c)) continue;
    const at = statementOf(draft, c.start);
    if (at) withKey.add(`${at.b}:${at.k}`);
  }
  const rows = rowLinkKeys(draft, cells);
  if (!moves.length && !dropped.size && !withKey.size && !marked.size && !rows.size) return { draft, problems };

  const also = [...withKey, ...marked];
  for (const b of rows.keys()) draft.blocks[b].claims.forEach((_c, k) => also.push(`${b}:${k}`));
  const blocks = rebuildStatements(draft, { prose, footnoteKeys, moves, dropped, also, rowKeys: rows });
  for (const cell of new Set(cells.values())) if (cell >= 0) blocks[cell] = { ...blocks[cell], claims: [] };
  const citations = [...draft.citations.filter((c) => !dropped.has(c)), ...links].sort((a, b) => a.start - b.start);
  const citedKeys = new Set<string>();
  for (const c of citations) for (const i of c.items) citedKeys.add(i.key);
  for (const ks of footnoteKeys.values()) for (const k of ks) citedKeys.add(k);
  return { draft: { ...draft, prose, blocks, citations, citedKeys: [...citedKeys], footnoteKeys }, problems };
}

/**
 * Link citations that stand alone in a table cell (the cell's one statement has no words but link
 * labels), each with the index of its cell's block; and in-text citations (not dropped as handles)
 * alone in a cell, which has no block then (-1).
 */
function linkCells(draft: Draft, links: readonly Citation[], dropped: ReadonlySet<Citation>): Map<Citation, number> {
  const out = new Map<Citation, number>();
  const rows = draft.tableRows;
  if (!rows.length) return out;
  for (const c of draft.citations) {
    if (c.form !== 'in-text' || dropped.has(c) || c.error) continue;
    const r = partitionPoint(rows.length, (i) => rows[i].end <= c.start);
    if (r >= rows.length || rows[r].start > c.start) continue;
    const b = partitionPoint(draft.blocks.length, (i) => draft.blocks[i].end <= c.start);
    if (!draft.blocks[b] || draft.blocks[b].start > c.start) out.set(c, -1);
  }
  for (const c of links) {
    const r = partitionPoint(rows.length, (i) => rows[i].end <= c.start);
    if (r >= rows.length || rows[r].start > c.start) continue;
    const b = partitionPoint(draft.blocks.length, (i) => draft.blocks[i].end <= c.start);
    const block = draft.blocks[b];
    if (!block || block.start > c.end || block.claims.length !== 1) continue;
    if (!/[\p{L}\p{N}]/u.test(withoutLinks(draft.prose, block.claims[0], draft.links))) out.set(c, b);
  }
  return out;
}

/** For each block of a row with a link alone in a cell (but that cell), its row keys with the links' keys added. */
function rowLinkKeys(draft: Draft, cells: ReadonlyMap<Citation, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const rows = draft.tableRows;
  for (const [c, cell] of cells) {
    const row = rows[partitionPoint(rows.length, (i) => rows[i].end <= c.start)];
    for (let b = partitionPoint(draft.blocks.length, (i) => draft.blocks[i].start < row.start); b < draft.blocks.length && draft.blocks[b].start < row.end; b++) {
      if (b === cell || (cells.size > 1 && [...cells.values()].includes(b))) continue;
      const keys = out.get(b) ?? [...(draft.blocks[b].rowKeys ?? [])];
      for (const i of c.items) if (!keys.includes(i.key)) keys.push(i.key);
      out.set(b, keys);
    }
  }
  return out;
}

/** A statement's place: block index and statement index in it. */
interface Place {
  b: number;
  k: number;
}

/** A citation leaving the statement that holds it (`from`) for the one it belongs to (`to`); either may be missing. */
interface Move {
  c: Citation;
  from?: Place;
  to?: Place;
}

/**
 * The draft's Markdown links whose URL is a loaded reference's, as citations (`form: 'link'`, each
 * key's span on the link's address, or on its label when the address is not found, or on the whole link
 * when it has no label either); one `ambiguous-link` problem onto `problems` for each URL that several references share.
 */
function linkCitations(draft: Draft, byUrl: UrlIndex, problems: CitationProblem[], bySourceUrl?: UrlIndex): Citation[] {
  const links: Citation[] = [];
  if (!byUrl.size && !bySourceUrl?.size) return links;
  for (const link of draft.links) {
    const u = normalizeUrl(link.url);
    // A reference's URL first; else a known source's (a bibliography entry without text: its `no-text` note).
    const keys = u ? byUrl.get(u) ?? bySourceUrl?.get(u)?.slice(0, 1) : undefined;
    if (!keys) continue;
    const at = draft.text.indexOf(link.url, link.label.end);
    // The address as written; else the label; else (a bare `www.` link, read with a scheme it does not show; an
    // `<a href>` whose address has character references) the link's own text, so that the span is never empty.
    const span: Span =
      at >= 0 && at < link.end ? { start: at, end: at + link.url.length } : link.label.end > link.label.start ? { start: link.label.start, end: link.label.end } : { start: link.start, end: link.end };
    links.push({ start: link.start, end: link.end, raw: draft.text.slice(link.start, link.end), items: keys.map((key) => ({ key, keySpan: span })), form: 'link' });
    if (keys.length > 1) {
      const names = keys.map((k) => `“${k}”`);
      problems.push({
        ...span,
        code: 'ambiguous-link',
        message: `This link's address is the URL of ${keys.length} references, ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}; the statement is checked against each. Give each reference its own URL, or cite one by key (“[@${keys[0]}]”).`,
        fixes: [],
      });
    }
  }
  return links;
}

const sourceUrlMemo = new WeakMap<ReadonlyMap<string, unknown>, UrlIndex>();

/** The URLs of the known sources without text in `known` (values with `declaredIn`, see SourceEntry), once per map. */
function sourceUrls(known: ReadonlyMap<string, unknown>): UrlIndex {
  let index = sourceUrlMemo.get(known);
  if (index) return index;
  const out = new Map<string, string[]>();
  for (const [key, v] of known) {
    const s = v as Partial<SourceEntry> | undefined;
    if (!s || typeof s !== 'object' || typeof s.declaredIn !== 'string' || typeof s.url !== 'string' || s.unreadable) continue;
    const u = normalizeUrl(s.url);
    if (!u) continue;
    const keys = out.get(u);
    if (!keys) out.set(u, [key]);
    else if (!keys.includes(key)) keys.push(key);
  }
  index = out;
  sourceUrlMemo.set(known, index);
  return index;
}

/** In-text citations whose keys are all unknown and that do not read as citations (see looksLikeCitation): `@handles`. */
function droppedHandles(draft: Draft, byKey: ReadonlyMap<string, unknown>): Set<Citation> {
  const keys = [...byKey.keys()];
  const dropped = new Set<Citation>();
  for (const c of draft.citations) {
    if (c.form !== 'in-text') continue;
    // An `@key` in a link's label is the label's words, as Pandoc reads it (no citations inside link text).
    if (inLinkLabel(draft, c.start)) dropped.add(c);
    else if (c.items.length && c.items.every((i) => !byKey.has(i.key)) && !looksLikeCitation(c, keys)) dropped.add(c);
  }
  return dropped;
}

/** True when `at` lies inside the label of one of the draft's links (in text order, none nested). */
function inLinkLabel(draft: Draft, at: number): boolean {
  const links = draft.links;
  const i = partitionPoint(links.length, (k) => links[k].end <= at);
  return i < links.length && links[i].label.start <= at && at < links[i].label.end;
}

/** In-text citations that stand in another statement than the one the parse gave them (or are dropped), and link citations, each with where it goes. */
function citationMoves(draft: Draft, dropped: ReadonlySet<Citation>, links: readonly Citation[]): Move[] {
  // Where each citation stands now: block and statement index.
  const holder = new Map<Citation, Place>();
  draft.blocks.forEach((block, b) => block.claims.forEach((claim, k) => claim.citations.forEach((c) => holder.set(c, { b, k }))));
  const moves: Move[] = [];
  for (const c of draft.citations) {
    if (c.form !== 'in-text') continue;
    const from = holder.get(c);
    const to = dropped.has(c) ? undefined : statementOf(draft, c.start);
    if (from?.b !== to?.b || from?.k !== to?.k) moves.push({ c, from, to });
  }
  for (const c of links) {
    const to = statementOf(draft, c.start);
    if (to) moves.push({ c, to });
  }
  return moves;
}

/** Places (`"b:k"`) of the statements whose footnote marks gained keys in `footnoteKeys`. */
function markedBy(draft: Draft, footnoteKeys: ReadonlyMap<string, string[]>): Set<string> {
  const marked = new Set<string>();
  if (footnoteKeys === draft.footnoteKeys) return marked;
  for (const f of draft.footnoteRefs) {
    if (footnoteKeys.get(f.id) === draft.footnoteKeys.get(f.id)) continue;
    const at = markedStatement(draft, f.start);
    if (at) marked.add(`${at.b}:${at.k}`);
  }
  return marked;
}

/** The prose with the words of dropped `@handles` given back (the parse blanked them as citations). */
function restoreHandles(draft: Draft, dropped: ReadonlySet<Citation>): string {
  if (!dropped.size) return draft.prose;
  const parts: string[] = [];
  let pos = 0;
  for (const c of draft.citations) {
    if (!dropped.has(c)) continue;
    parts.push(draft.prose.slice(pos, c.start), draft.text.slice(c.start, c.end));
    pos = c.end;
  }
  parts.push(draft.prose.slice(pos));
  return parts.join('');
}

/**
 * The draft's blocks with the statements that lose or gain a citation, hold restored words, or are
 * listed in `also` (`"b:k"`) rebuilt: their citations, cited keys and text. Other blocks are shared.
 */
function rebuildStatements(draft: Draft, r: { prose: string; footnoteKeys: ReadonlyMap<string, string[]>; moves: readonly Move[]; dropped: ReadonlySet<Citation>; also: readonly string[]; rowKeys: ReadonlyMap<number, string[]> }): Block[] {
  const claimsOf = new Map<number, Claim[]>();
  const touched = new Set<string>();
  const claims = (b: number) => {
    let cs = claimsOf.get(b);
    if (!cs) claimsOf.set(b, (cs = draft.blocks[b].claims.map((c) => ({ ...c, citations: c.citations.slice() }))));
    return cs;
  };
  for (const m of r.moves) {
    if (m.from) {
      const list = claims(m.from.b)[m.from.k].citations;
      list.splice(list.indexOf(m.c), 1);
      touched.add(`${m.from.b}:${m.from.k}`);
    }
    if (m.to) {
      const list = claims(m.to.b)[m.to.k].citations;
      list.push(m.c);
      list.sort((x, y) => x.start - y.start);
      touched.add(`${m.to.b}:${m.to.k}`);
    }
  }
  for (const c of r.dropped) {
    const at = statementOf(draft, c.start);
    if (at) touched.add(`${at.b}:${at.k}`);
  }
  for (const id of r.also) {
    touched.add(id);
    claims(Number(id.split(':')[0]));
  }
  for (const id of touched) {
    const [b, k] = id.split(':').map(Number);
    const cs = claims(b);
    const until = k + 1 < cs.length ? cs[k + 1].start : draft.blocks[b].end;
    reciteStatement(draft, cs[k], until, r.rowKeys.get(b) ?? draft.blocks[b].rowKeys, r.footnoteKeys);
    cs[k].text = statementText(draft, r.prose, cs[k]);
  }
  const blocks: Block[] = draft.blocks.slice();
  for (const [b, cs] of claimsOf) blocks[b] = { ...draft.blocks[b], claims: cs };
  return blocks;
}

/** Sets a statement's cited keys (its citations, footnote marks before `until`, its table row's, the front matter's) and whether it cites itself. */
function reciteStatement(draft: Draft, claim: Claim, until: number, rowKeys: readonly string[] | undefined, footnoteKeys: ReadonlyMap<string, string[]>): void {
  const own = new Set<string>();
  for (const c of claim.citations) for (const i of c.items) own.add(i.key);
  for (const f of draft.footnoteRefs) if (f.start >= claim.start && f.start < until) for (const key of footnoteKeys.get(f.id) ?? []) own.add(key);
  for (const key of rowKeys ?? []) own.add(key);
  claim.explicitlyCited = own.size > 0;
  for (const key of draft.frontMatterKeys) own.add(key);
  claim.cited = [...own];
}

/** A statement's text from `prose`, with its in-text citations written in: one that opens the statement leads it, one inside takes its place again. */
function statementText(draft: Draft, prose: string, claim: Claim): string {
  let words = prose.slice(claim.start, claim.end);
  let lead = '';
  for (const c of claim.citations) {
    if (c.form !== 'in-text' || c.end > claim.end) continue;
    if (c.end <= claim.start) lead += `${draft.text.slice(c.start, c.end)} `;
    else if (c.start >= claim.start) words = words.slice(0, c.start - claim.start) + draft.text.slice(c.start, c.end) + words.slice(c.end - claim.start);
  }
  return statementWords(lead + words);
}

/**
 * The draft's footnote keys with the keys of the link citations inside each footnote definition
 * added; `draft.footnoteKeys` itself when no link citation stands in a footnote.
 */
function footnoteLinkKeys(draft: Draft, links: readonly Citation[]): Map<string, string[]> {
  const defs = draft.footnoteDefs;
  if (!defs.length || !links.length) return draft.footnoteKeys;
  let out = draft.footnoteKeys;
  for (const c of links) {
    const d = partitionPoint(defs.length, (i) => defs[i].end <= c.start);
    if (d >= defs.length || defs[d].start > c.start) continue;
    const id = defs[d].id;
    const had = out.get(id) ?? [];
    const add = c.items.map((i) => i.key).filter((k) => !had.includes(k));
    if (!add.length) continue;
    if (out === draft.footnoteKeys) out = new Map(out);
    out.set(id, [...had, ...add]);
  }
  return out;
}

/** The statement a footnote mark at `at` stands in or right after (as buildBlock gives it the footnote's keys). */
function markedStatement(draft: Draft, at: number): { b: number; k: number } | undefined {
  const blocks = draft.blocks;
  const b = partitionPoint(blocks.length, (i) => blocks[i].end <= at);
  if (b >= blocks.length || blocks[b].start > at) return undefined;
  const claims = blocks[b].claims;
  const k = partitionPoint(claims.length, (i) => claims[i].start <= at) - 1;
  return k < 0 ? undefined : { b, k };
}

/**
 * The statement a citation or link starting at `at` belongs to: the first of its block that ends
 * after it, within the block that holds `at` or begins right after it on the same line (only blank
 * prose between: an in-text key at a paragraph's start is blanked from the prose). Undefined outside every block.
 */
function statementOf(draft: Draft, at: number): { b: number; k: number } | undefined {
  const blocks = draft.blocks;
  const b = partitionPoint(blocks.length, (i) => blocks[i].end <= at);
  if (b >= blocks.length) return undefined;
  const block = blocks[b];
  // Before the block's first words only on the same line: a link in a heading above is no citation of the paragraph.
  // Nor across a table's cell border: a key alone in a "Source" cell cites its row (see parse.ts rowCitations), not the next cell.
  if (block.start > at && (draft.prose.slice(at, block.start).trim() || /[\r\n|]/.test(draft.text.slice(at, block.start)))) return undefined;
  const k = block.claims.findIndex((c) => c.end > at);
  return { b, k: k < 0 ? block.claims.length - 1 : k };
}
