import type { Draft } from '../draft/parse';
import { nearestKey } from '../draft/keys';
import { isSafeFixKind } from '../fixes';
import type { CitationProblem, Reference } from '../types';

/** Citation problems of a draft: unreadable citations, unknown keys (with the nearest loaded key), locators past the end. */
export function citationProblems(draft: Draft, byKey: ReadonlyMap<string, Reference>): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const keys = [...byKey.keys()];
  for (const c of draft.citations) {
    if (c.error) {
      problems.push({ start: c.start, end: c.end, code: 'malformed-citation', message: `Malformed citation “${c.raw}”: ${c.error}`, fixes: [] });
      continue;
    }
    for (const item of c.items) {
      const ref = byKey.get(item.key);
      if (!ref) {
        const suggestion = nearestKey(item.key, keys);
        // An in-text key that is kept as a citation (see check/resolve.ts) may still be meant as plain text.
        const escape = c.form === 'in-text' ? ` If “@${item.key}” is not a citation, write “\\@${item.key}”.` : '';
        problems.push({
          ...item.keySpan,
          code: 'unknown-key',
          message: `Unknown reference “${item.key}”.${suggestion ? ` Did you mean “${suggestion}”?` : ' No reference with this key is loaded.'}${escape}`,
          suggestion,
          fixes: suggestion ? [{ title: `Change to “${suggestion}”`, kind: 'key', safe: isSafeFixKind('key'), edits: [{ ...item.keySpan, newText: suggestion }] }] : [],
        });
      } else if (item.paragraph !== undefined && item.paragraph > ref.paragraphs.length && item.locatorSpan) {
        problems.push({
          ...item.locatorSpan,
          code: 'locator-out-of-range',
          message: `“${ref.key}” has ${ref.paragraphs.length} paragraphs; ¶${item.paragraph} is past its end.`,
          fixes: [],
        });
      } else if (item.page !== undefined && item.locatorSpan) {
        const last = lastPage(ref);
        if (last !== undefined && item.page > last) {
          problems.push({
            ...item.locatorSpan,
            code: 'locator-out-of-range',
            message: `“${ref.key}” has ${last} ${last === 1 ? 'page' : 'pages'}; p. ${item.page} is past its end.`,
            fixes: [],
          });
        }
      }
    }
  }
  for (const key of draft.frontMatterKeys) {
    if (byKey.has(key)) continue;
    const suggestion = nearestKey(key, keys);
    const at = draft.text.indexOf(key);
    problems.push({
      start: Math.max(0, at),
      end: Math.max(0, at) + key.length,
      code: 'unknown-key',
      message: `Unknown reference “${key}” in front matter.${suggestion ? ` Did you mean “${suggestion}”?` : ''}`,
      suggestion,
      fixes: suggestion && at >= 0 ? [{ title: `Change to “${suggestion}”`, kind: 'key', safe: isSafeFixKind('key'), edits: [{ start: at, end: at + key.length, newText: suggestion }] }] : [],
    });
  }
  return problems;
}

/** The last page of a paged reference (a PDF), by its paragraphs' pages; undefined for a reference without pages. */
export function lastPage(ref: Reference): number | undefined {
  let last: number | undefined;
  for (const p of ref.paragraphs) if (p.page !== undefined && (last === undefined || p.page > last)) last = p.page;
  return last;
}
