import type { ReferenceMeta } from '../types';
import { frontMatterFields } from '../text/frontMatter';

/** Key and title of a reference file: front matter `key:`/`title:`, else its file name and first heading. */
export function referenceMetaFromText(text: string, path: string): ReferenceMeta {
  const fm = frontMatterFields(text);
  const base = path.split(/[\\/]/).pop() ?? path;
  const key = (fm.key || fm.id || base.replace(/\.[^.]+$/, '')).trim().replace(/\s+/g, '-');
  const heading = /^#\s+(.+)$/m.exec(text)?.[1];
  return { key, title: fm.title || heading?.trim() || key, path, credit: fm.credit };
}
