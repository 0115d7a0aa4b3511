import type { Draft } from '../draft/parse';
import { nearestKey } from '../draft/keys';
import { isSafeFixKind } from '../fixes';
import type { CitationProblem, Reference } from '../types';

/** Citation problems of a draft: unreadable citations, unknown keys (with the nearest loaded key), locators past the end. */
export function citationProblems(draft: Draft, byKey: ReadonlyMap<string, Reference>): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const keys = [...byKey.keys()];
  // Keys of the draft's own inline bibliography (Pandoc `references:` of CSL items) are known too.
  const inline = new Set(draft.inlineSources.map((s) => s.key));
  for (const n of draft.notices) problems.push({ start: n.start, end: n.end, code: n.code, message: n.message, fixes: [] });
  for (const c of draft.citations) {
    if (c.error) {
      problems.push({ start: c.start, end: c.end, code: 'malformed-citation', message: `Malformed citation “${c.raw}”: ${c.error}`, fixes: [] });
      continue;
    }
    for (const item of c.items) {
      const ref = byKey.get(item.key);
      if (!ref && inline.has(item.key)) continue;
      if (!ref) {
        const suggestion = nearestKey(item.key, keys);
        problems.push({
          ...item.keySpan,
          code: 'unknown-key',
          message: `Unknown reference “${item.key}”.${suggestion ? ` Did you mean “${suggestion}”?` : ' No reference with this key is loaded.'}`,
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
      }
    }
  }
  for (const key of draft.frontMatterKeys) {
    if (byKey.has(key) || inline.has(key)) continue;
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
  // A statement in another language is noted once, not judged.
  for (const b of draft.blocks) {
    for (const c of b.claims) {
      if (c.language) problems.push({ start: c.start, end: c.end, code: 'not-english', message: `Not checked: only English statements are judged (this one reads as ${languageName(c.language)}).`, fixes: [] });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
