import type { ReferenceMeta } from '../types';
import { frontMatterFields } from '../text/frontMatter';

/**
 * Metadata of a reference file: front matter `key:`/`title:` (else its file name and first heading),
 * and when given `credit:`, `url:` (a draft's link to this address cites it), `author:`, `date:`, `outlet:`,
 * `doi:` (to pair it with a bibliography entry).
 */
export function referenceMetaFromText(text: string, path: string): ReferenceMeta {
  const fm = frontMatterFields(text);
  const base = path.split(/[\\/]/).pop() ?? path;
  const key = (fm.key || fm.id || base.replace(/\.[^.]+$/, '')).trim().replace(/\s+/g, '-');
  const heading = /^#\s+(.+)$/m.exec(text)?.[1];
  const meta: ReferenceMeta = { key, title: fm.title || heading?.trim() || key, path, credit: fm.credit };
  for (const field of ['url', 'author', 'date', 'outlet', 'doi'] as const) {
    const value = fm[field] === undefined || fm[field] === null ? '' : String(fm[field]).trim();
    if (value) meta[field] = value;
  }
  return meta;
}
