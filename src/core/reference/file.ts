import type { ReferenceMeta } from '../types';
import { frontMatterFields } from '../text/frontMatter';

/** Key and title of a reference file: front matter `key:`/`title:`, else its file name and first heading; `url:`, `author:`, `date:`, `outlet:`, `doi:` when given. */
export function referenceMetaFromText(text: string, path: string): ReferenceMeta {
  const fm = frontMatterFields(text);
  const base = path.split(/[\\/]/).pop() ?? path;
  const key = (fm.key || fm.id || base.replace(/\.[^.]+$/, '')).trim().replace(/\s+/g, '-');
  const heading = /^#\s+(.+)$/m.exec(text)?.[1];
  const meta: ReferenceMeta = { key, title: fm.title || heading?.trim() || key, path, credit: fm.credit };
  // Metadata for display and for pairing with bibliography entries by URL or DOI.
  for (const f of ['url', 'author', 'date', 'outlet', 'doi'] as const) if (fm[f]) meta[f] = fm[f];
  return meta;
}
