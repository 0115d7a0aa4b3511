import type { Draft } from '../draft/parse';
import { nearestCitationKey } from '../draft/keys';
import { isSafeFixKind } from '../fixes';
import { displayDate } from '../reference/date';
import type { CitationItem, CitationProblem, Claim, Fix, Reference, SourceEntry, Span } from '../types';

/**
 * Citation problems of a draft: unreadable citations, unknown keys (with the nearest loaded key),
 * locators past the end, and one `no-text` note per source the draft cites that a bibliography knows
 * but whose text is not at hand (`sources`: the bibliographies' and the draft's own inline CSL items,
 * as DraftChecker.knownSources gives them), at its first citation.
 */
export function citationProblems(draft: Draft, byKey: ReadonlyMap<string, Reference>, sources: ReadonlyMap<string, SourceEntry> = new Map()): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const keys = [...byKey.keys(), ...[...sources.keys()].filter((k) => !byKey.has(k))];
  const noted = new Set<string>();
  const noText = (key: string, span: Span) => {
    if (noted.has(key)) return;
    noted.add(key);
    problems.push({ ...span, code: 'no-text', message: noTextMessage(sources.get(key)!), fixes: [] });
  };
  for (const n of draft.notices) {
    const fixes = n.suggestion ? [keyFix(n, n.suggestion)] : [];
    problems.push({ start: n.start, end: n.end, code: n.code, message: n.message, ...(n.suggestion ? { suggestion: n.suggestion } : {}), fixes });
  }
  for (const c of draft.citations) {
    if (c.error) {
      problems.push({ start: c.start, end: c.end, code: 'malformed-citation', message: `Malformed citation “${c.raw}”: ${c.error}`, fixes: [] });
      continue;
    }
    for (const item of c.items) {
      const ref = byKey.get(item.key);
      const unreadable = ref ? undefined : sources.get(item.key)?.unreadable;
      if (unreadable) problems.push({ ...item.keySpan, code: 'unknown-key', message: `${unreadable}.`, fixes: [] });
      else if (!ref && sources.has(item.key)) noText(item.key, item.keySpan);
      // An in-text key that is kept as a citation (see check/resolve.ts) may still be meant as plain text.
      else if (!ref) problems.push(unknownKey(item.key, item.keySpan, keys, '', NOT_LOADED, c.form === 'in-text' ? ` If “@${item.key}” is not a citation, write “\\@${item.key}”.` : ''));
      else {
        const p = locatorProblem(item, ref);
        if (p) problems.push(p);
      }
    }
  }
  for (const key of draft.frontMatterKeys) {
    if (byKey.has(key)) continue;
    const at = draft.text.indexOf(key);
    const span = { start: Math.max(0, at), end: Math.max(0, at) + key.length };
    const unreadable = sources.get(key)?.unreadable;
    if (unreadable) problems.push({ ...span, code: 'unknown-key', message: `${unreadable}.`, fixes: [] });
    else if (sources.has(key)) noText(key, span);
    else problems.push(unknownKey(key, span, keys, ' in front matter', '', '', at >= 0));
  }
  // Pandoc's `nocite:` lists sources without citing them: an unknown key there is reported as in a citation (`@*` is all).
  draft.nocite.forEach((key, i) => {
    const unreadable = byKey.has(key) ? undefined : sources.get(key)?.unreadable;
    if (key === '*' || byKey.has(key) || (sources.has(key) && !unreadable)) return;
    const at = Math.max(0, draft.text.indexOf(`@${key}`) + 1);
    if (unreadable) {
      problems.push({ ...(draft.nociteSpans[i] ?? { start: at, end: at + key.length }), code: 'unknown-key', message: `${unreadable}.`, fixes: [] });
      return;
    }
    problems.push(unknownKey(key, draft.nociteSpans[i] ?? { start: at, end: at + key.length }, keys, ' in nocite', NOT_LOADED));
  });
  for (const b of draft.blocks) for (const c of b.claims) {
    // A short label cell ("Workers") beside a statement in a row a Source column cites is no statement: no note.
    if (b.rowKeys?.length && !c.citations.length && tooShortToJudge(c.text) && rowHasStatement(draft, c)) continue;
    const note = notJudgedNote(c, byKey);
    if (note) problems.push(note);
  }
  return problems.sort((a, b) => a.start - b.start);
}

const NOT_LOADED = ' No reference with this key is loaded.';

/** A fix replacing `span` with a known key. */
function keyFix(span: Span, key: string): Fix {
  return { title: `Change to “${key}”`, kind: 'key', safe: isSafeFixKind('key'), edits: [{ start: span.start, end: span.end, newText: key }] };
}

/**
 * The `unknown-key` problem of `key` at `span` ("Unknown reference “key”` + `where`."), naming the
 * nearest known key when there is one (with a fix to it when `placed`), else saying `none`; `tail` ends the message.
 */
function unknownKey(key: string, span: Span, keys: string[], where: string, none: string, tail = '', placed = true): CitationProblem {
  const suggestion = nearestCitationKey(key, keys);
  return {
    ...span,
    code: 'unknown-key',
    message: `Unknown reference “${key}”${where}.${suggestion ? ` Did you mean “${suggestion}”?` : none}${tail}`,
    suggestion,
    fixes: suggestion && placed ? [keyFix(span, suggestion)] : [],
  };
}

/** A locator past the end of the cited reference (a paragraph, or a page of a paged reference). */
function locatorProblem(item: CitationItem, ref: Reference): CitationProblem | undefined {
  if (!item.locatorSpan) return undefined;
  if (item.paragraph !== undefined) {
    if (item.paragraph <= ref.paragraphs.length) return undefined;
    return { ...item.locatorSpan, code: 'locator-out-of-range', message: `“${ref.key}” has ${ref.paragraphs.length} paragraphs; ¶${writtenNumber(item, item.paragraph)} is past its end.`, fixes: [] };
  }
  if (item.page === undefined) return undefined;
  if (pastPagesRead(item, ref)) {
    // A page that exists but was not read: nothing to fix, and nothing to judge the statement against.
    const name = ref.path.split(/[\\/]/).pop() || ref.key;
    const read = ref.pagesRead!;
    const message = `p. ${writtenNumber(item, item.page)} is past the ${read === 1 ? 'one page' : `${read.toLocaleString('en')} pages`} read of ${name} (${ref.pageCount!.toLocaleString('en')} pages); the statement is not checked against it.`;
    return { ...item.locatorSpan, code: 'not-checked', message, fixes: [] };
  }
  const last = ref.pageCount ?? lastPage(ref);
  if (last === undefined || item.page <= last) return undefined;
  return { ...item.locatorSpan, code: 'locator-out-of-range', message: `“${ref.key}” has ${last.toLocaleString('en')} ${last === 1 ? 'page' : 'pages'}; p. ${writtenNumber(item, item.page)} is past its end.`, fixes: [] };
}

/** The locator's (first) number as written, without leading zeros: a number too long for a double is shown as it is, not as 1e+20. */
function writtenNumber(item: CitationItem, n: number): string {
  const digits = /\d+/.exec(item.locator?.text ?? '')?.[0]?.replace(/^0+(?=\d)/, '');
  return digits && Number(digits) === n ? digits : String(n);
}

/**
 * True when `item` cites a page of `ref` that the reader did not reach (a PDF past its page or
 * character cap): the page is there, but its text is not, so the statement cannot be judged by it.
 */
export function pastPagesRead(item: CitationItem, ref: Reference): boolean {
  return item.page !== undefined && ref.pagesRead !== undefined && ref.pageCount !== undefined && ref.pagesRead < ref.pageCount && item.page > ref.pagesRead && item.page <= ref.pageCount;
}

/**
 * The note on a statement that is not judged, once: computed content, another language, or (cited
 * by a loaded reference, so it would be judged otherwise) too few words. A cited statement never
 * vanishes silently; one citing only unknown keys or sources with no text has their notes already.
 */
function notJudgedNote(c: Claim, byKey: ReadonlyMap<string, Reference>): CitationProblem | undefined {
  if (c.computed) return { start: c.start, end: c.end, code: 'not-checked', message: 'Not checked: part of this statement is computed (inline code or an MDX expression), so its words are not known until the document is rendered.', fixes: [] };
  if (c.language) return { start: c.start, end: c.end, code: 'not-english', message: `Not checked: only English statements are judged (this one reads as ${languageName(c.language)}).`, fixes: [] };
  if (c.explicitlyCited && tooShortToJudge(c.text) && c.cited.some((k) => byKey.has(k))) {
    return { start: c.start, end: c.end, code: 'not-checked', message: `Not checked: “${c.text}” has too few words to check against a source (statements of ${MIN_JUDGED_WORDS} words or more are checked).`, fixes: [] };
  }
  return undefined;
}

/** True when another cell of the table row holding `c` has a statement long enough to judge. */
function rowHasStatement(draft: Draft, c: Claim): boolean {
  const row = draft.tableRows.find((r) => r.start <= c.start && c.start < r.end);
  return !!row && draft.blocks.some((b) => b.start >= row.start && b.start < row.end && b.claims.some((x) => x !== c && !tooShortToJudge(x.text)));
}

/** Fewest words a statement needs to be judged: fewer say too little to compare with a source. */
export const MIN_JUDGED_WORDS = 3;

/** True for a statement's text too short to judge: fewer than MIN_JUDGED_WORDS words, or no word of two letters. */
export function tooShortToJudge(text: string): boolean {
  // Three words (MIN_JUDGED_WORDS) means a word between two runs of spaces; tested without splitting every statement.
  return !/[\p{L}]{2,}/u.test(text) || !/\s\S+\s/.test(text);
}

function languageName(code: string): string {
  if (code === 'und') return 'another language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The last page of a paged reference (a PDF), by its paragraphs' pages; undefined for a reference without pages. */
export function lastPage(ref: Reference): number | undefined {
  let last: number | undefined;
  for (const p of ref.paragraphs) if (p.page !== undefined && (last === undefined || p.page > last)) last = p.page;
  return last;
}

/** The note on a cited source with no text: what it is, and why no file was used if one was named. */
export function noTextMessage(s: SourceEntry): string {
  const about = [s.outlet, s.date && displayDate(s.date)].filter(Boolean).join(', ');
  const attach =
    s.declaredIn === 'front matter'
      ? ' Add a reference file with this key (or its URL) to have statements citing it checked.'
      : ` Attach its file in ${s.declaredIn.split(/[\\/]/).pop()} (or in ${s.zotero ? 'Zotero' : 'your reference manager'}) to have statements citing it checked.`;
  // The reason reads as a sentence of its own ("its attached file … does not exist." → "Its …").
  const why = s.problem ? ` ${s.problem.charAt(0).toUpperCase()}${s.problem.slice(1).replace(/\.?$/, '.')}` : attach;
  return `No text of this source to check against: “${s.title}”${about ? ` (${about})` : ''}.${why}`;
}
