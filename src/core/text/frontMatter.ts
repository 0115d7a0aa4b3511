// The one reader of YAML front matter, for drafts (linked reference keys) and reference files (key, title).

/** What front matter says, as far as we read it. */
export interface FrontMatter {
  /** Offset just past the closing `---` line; 0 when the text has no front matter. */
  end: number;
  /** Top-level `name: value` lines, quotes stripped. */
  fields: Record<string, string>;
  /** Keys listed under `references:` (inline list, single value or block list). */
  references: string[];
}

/** Offset just past the front matter block (0 when there is none). */
export function frontMatterEnd(text: string): number {
  // Any line end: LF, CRLF or a lone CR (old Mac files), as everywhere else.
  const m = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)[\s\S]*?(?:\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/.exec(text);
  return m ? m[0].length : 0;
}

/** Reads the front matter at the start of `text`: where it ends, its fields and its `references:` keys. */
export function readFrontMatter(text: string): FrontMatter {
  const end = frontMatterEnd(text);
  if (!end) return { end, fields: {}, references: [] };
  const fm = text.slice(0, end);
  return { end, fields: readFields(fm), references: readReferenceKeys(fm) };
}

/** Reads `key:`, `title:` and other flat fields from YAML front matter. */
export function frontMatterFields(text: string): Record<string, string> {
  return readFrontMatter(text).fields;
}

function readFields(fm: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fm.split(/\r?\n|\r/)) {
    const m = /^([A-Za-z][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  return out;
}

function readReferenceKeys(fm: string): string[] {
  const inline = /^references:\s*\[([^\]]*)\]/m.exec(fm);
  if (inline) return inline[1].split(',').map((k) => k.trim().replace(/^["'@]+|["']+$/g, '')).filter(Boolean);
  const single = /^references:\s*([^\s\[][^\r\n]*)$/m.exec(fm);
  if (single) return [single[1].trim().replace(/^["'@]+|["']+$/g, '')];
  const list = /^references:\s*(?:\r?\n|\r)((?:[ \t]+-[^\r\n]*(?:\r?\n|\r|$))+)/m.exec(fm);
  if (list) return list[1].split(/\r?\n|\r/).map((l) => l.replace(/^\s*-\s*/, '').trim().replace(/^["'@]+|["']+$/g, '')).filter(Boolean);
  return [];
}
