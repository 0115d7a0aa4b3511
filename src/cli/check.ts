import { dirname, relative, resolve } from 'node:path';
import { dialectOf, DraftChecker, draftBibliographies, InputError, isNote, LineIndex, readFrontMatter, type CheckResult, type CitationProblem, type Reference, type SourceEntry, type Verdict } from '../core';
import { bibliographyPaths, loadBibliographies, type BibliographySet } from './bibliographies';
import type { CheckedFile } from './checkedFile';
import { findConfig, type CliConfig } from './config';
import { referenceJson, referenceSet } from './references';
import { MARKS, problemSeverity, verdictSeverity } from './severity';
import { readTextFile } from './io';
import { toSarif } from './sarif';

export interface CheckCliOptions {
  /** Contradicted and unsupported findings with a confidence below this (0 to 1) are not reported; overrides the config file's. */
  minConfidence?: number;
  /** Reference files given with --reference: they replace the built-in reference and the config file's. */
  references?: string[];
  /** Bibliographies given with --bibliography, besides the config file's and each draft's own `bibliography:`. */
  bibliographies?: string[];
  /** Where warnings go (a bibliography's syntax errors, missing attached files): standard error. */
  warn?: (s: string) => void;
}

/**
 * True when `v` is a finding (contradicted or unsupported) whose confidence is below `min`: such a
 * finding is hidden, as Vale hides alerts below its MinAlertLevel. Supported statements, and findings
 * that carry no confidence, are always kept.
 */
export function belowMinConfidence(v: Verdict, min: number | undefined): boolean {
  return min !== undefined && v.kind !== 'supported' && typeof v.confidence === 'number' && v.confidence < min;
}

/** The result without the findings below `min`, and how many were left out. */
export function applyMinConfidence(result: CheckResult, min: number | undefined): { result: CheckResult; hidden: number } {
  if (min === undefined) return { result, hidden: 0 };
  const verdicts = result.verdicts.filter((v) => !belowMinConfidence(v, min));
  const hidden = result.verdicts.filter((v) => !v.suppressed).length - verdicts.filter((v) => !v.suppressed).length;
  return { result: { ...result, verdicts }, hidden };
}

/** `factcheck check`: judges each draft, each with the config file found from its folder; returns the exit code. */
export function runCheck(paths: string[], format: string, print: (s: string) => void, options: CheckCliOptions = {}): number {
  if (!paths.length) throw new InputError('usage', 'Name at least one draft to check, e.g. “factcheck check draft.md”.');
  if (!['text', 'json', 'sarif'].includes(format)) throw new InputError('usage', `Unknown format “${format}”; use text, json or sarif.`);
  // One checker per set of references (drafts under one config file share it).
  const checkers = new Map<string, { refs: Reference[]; checker: DraftChecker; failed: { path: string; message: string }[] }>();
  const allRefs = new Map<string, Reference>();
  const allSources = new Map<string, SourceEntry>();
  const bibCache = new Map<string, BibliographySet>();
  const files: CheckedFile[] = paths.map((path) => {
    const config = findConfig(dirname(resolve(path)));
    const text = readTextFile(path, 'Draft');
    if (!text.trim()) throw new InputError('empty-draft', `Draft “${path}” is empty: there is nothing to check.`);
    const declared = draftBibliographies(text);
    const bibs = bibliographyPaths(options.bibliographies ?? [], config?.bibliographies ?? [], path, declared);
    // The draft's own bibliographies (not also given on the command line or in the config file) may be missing.
    const given = new Set(bibliographyPaths(options.bibliographies ?? [], config?.bibliographies ?? [], path, []));
    const own = new Map(declared.map((d) => [bibliographyPaths([], [], path, [d])[0], d] as const).filter(([abs]) => !given.has(abs)));
    const setKey = `${options.references?.length ? '' : (config?.path ?? '')}\u0000${bibs.join('\u0000')}`;
    let set = checkers.get(setKey);
    if (!set) {
      const base = referenceSet(options.references ?? [], config);
      const bib = loadBibliographies(bibs, base, bibCache, new Set(own.keys()));
      for (const w of bib.warnings) options.warn?.(`factcheck: ${w}`);
      const refs = [...base, ...bib.references];
      set = { refs, checker: new DraftChecker(refs, { knownSources: bib.sources }), failed: bib.failed ?? [] };
      checkers.set(setKey, set);
      for (const r of refs) if (!allRefs.has(`${r.key}\u0000${r.path}`)) allRefs.set(`${r.key}\u0000${r.path}`, r);
      for (const s of bib.sources) if (!allSources.has(s.key)) allSources.set(s.key, s);
    }
    const checked = set.checker.check(text, dialectOf(path));
    const missing = set.failed.flatMap((f) => (own.has(f.path) ? [missingBibliography(text, own.get(f.path)!, f.message)] : []));
    // A key may be unknown because the draft's bibliography could not be read: say so where it is cited, as the editor does.
    const why = set.failed.filter((f) => own.has(f.path)).map((f) => `the bibliography “${own.get(f.path)}” could not be read`);
    const told = why.length ? checked.problems.map((p) => (p.code === 'unknown-key' ? { ...p, message: `${p.message} (${why.join('; ')})` } : p)) : checked.problems;
    const withMissing = missing.length ? { ...checked, problems: [...told, ...missing].sort((a, b) => a.start - b.start) } : checked;
    const { result: kept, hidden } = applyMinConfidence(withMissing, options.minConfidence ?? config?.minConfidence);
    const { result, off } = applyChecksOff(kept, config);
    return { path, text, result, hidden, config, off };
  });
  const refs = [...allRefs.values()];
  if (format === 'json') print(JSON.stringify(toJson(files, refs), null, 2));
  else if (format === 'sarif') print(JSON.stringify(toSarif(files, refs), null, 2));
  else print(toText(files));
  // A note (a cited source with no text, a statement not in English) is no reason to fail a build.
  const bad = files.some((f) => f.result.verdicts.some((v) => v.kind === 'contradicted' && !v.suppressed) || f.result.problems.some((p) => !isNote(p.code)));
  return bad ? 1 : 0;
}

/**
 * The problem on a draft's `bibliography:` value (`written`, as the front matter gives it) naming a
 * file that cannot be read: a warning on the value in the front matter; the rest of the draft is checked.
 */
export function missingBibliography(text: string, written: string, why: string): CitationProblem {
  const fm = readFrontMatter(text);
  const at = fm.bibliographySpans[fm.bibliographies.indexOf(written)] ?? { start: 0, end: 0 };
  return { ...at, code: 'front-matter', message: `The bibliography “${written}” named in the front matter cannot be read (${why.replace(/\.$/, '')}); its entries are unknown keys here, and the rest of the draft is checked.`, fixes: [] };
}

/** The result without the findings whose check the config turns off, and how many were left out. */
export function applyChecksOff(result: CheckResult, config: CliConfig | undefined): { result: CheckResult; off: number } {
  if (!config || !Object.keys(config.checks).length) return { result, off: 0 };
  const verdicts = result.verdicts.filter((v) => verdictSeverity(v, config) !== 'off');
  const off = result.verdicts.filter((v) => !v.suppressed).length - verdicts.filter((v) => !v.suppressed).length;
  return { result: { ...result, verdicts }, off };
}

/** The JSON output of `factcheck check`, as the contract in DESIGN.md describes it. */
export function toJson(files: CheckedFile[], refs: Reference[]) {
  const refText = new Map(refs.map((r) => [r.key, new LineIndex(r.text)]));
  return {
    references: refs.map(referenceJson),
    files: files.map((f) => {
      const lines = new LineIndex(f.text);
      return {
        path: f.path,
        claims: f.result.verdicts
          .filter((v) => !v.suppressed)
          .map((v) => ({
            text: v.claim.text,
            range: lines.range(v.claim),
            cited: v.claim.cited,
            verdict: v.kind,
            category: v.category,
            confidence: v.confidence,
            message: v.message,
            evidence: v.evidence.map((e) => ({ reference: e.reference, paragraph: e.paragraph, text: e.text, range: refText.get(e.reference)?.range(e) })),
            fixes: v.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: lines.range(e), newText: e.newText })) })),
          })),
        problems: f.result.problems.map((p) => ({
          code: p.code,
          message: p.message,
          range: lines.range(p),
          fixes: p.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: lines.range(e), newText: e.newText })) })),
        })),
      };
    }),
  };
}


export function toText(files: CheckedFile[]): string {
  const out: string[] = [];
  const totals = { contradicted: 0, unsupported: 0, supported: 0, problems: 0, hidden: 0, off: 0 };
  const notes = new Map<string, number>();
  for (const f of files) {
    totals.hidden += f.hidden ?? 0;
    totals.off += f.off ?? 0;
    const lines = new LineIndex(f.text);
    const name = relative(process.cwd(), f.path) || f.path;
    const rows = [
      ...f.result.verdicts.filter((v) => !v.suppressed).map((v) => ({ at: v.focus?.start ?? v.claim.start, v })),
      ...f.result.problems.map((p) => ({ at: p.start, p })),
    ].sort((a, b) => a.at - b.at);
    for (const row of rows) {
      const pos = lines.position(row.at);
      const where = `${name}:${pos.line + 1}:${pos.character + 1}`;
      if ('p' in row && row.p) {
        if (isNote(row.p.code)) notes.set(row.p.code, (notes.get(row.p.code) ?? 0) + 1);
        else totals.problems++;
        const sev = problemSeverity(row.p.code);
        out.push(`${where}: ${sev === 'none' ? '' : MARKS[sev] + ' '}${CITATION_CODES.has(row.p.code) ? 'citation' : 'draft'} [${row.p.code}] ${row.p.message}`);
        for (const x of row.p.fixes) out.push(`    fix: ${x.title}`);
        continue;
      }
      const v = (row as { v: CheckResult['verdicts'][number] }).v;
      const sev = verdictSeverity(v, f.config);
      if (sev === 'off') continue;
      totals[v.kind]++;
      const sure = typeof v.confidence === 'number' && v.kind !== 'supported' ? ` (confidence ${v.confidence.toFixed(2)})` : '';
      const mark = v.kind === 'supported' || sev === 'none' ? '✓' : MARKS[sev];
      out.push(`${where}: ${mark} ${v.kind} [${v.category}] ${v.message}${sure}`);
      out.push(`    “${v.claim.text}”`);
      for (const e of v.evidence.slice(0, 2)) out.push(`    source ${e.reference} ¶${e.paragraph}: “${e.text}”`);
      for (const x of v.fixes) out.push(`    fix: ${x.title}`);
    }
  }
  out.push('');
  out.push(
    `${totals.contradicted} contradicted, ${totals.unsupported} unsupported, ${totals.supported} supported` +
      (totals.problems ? `, ${totals.problems} citation problem${totals.problems > 1 ? 's' : ''}` : '') +
      [...notes].map(([code, n]) => `, ${noteCount(code, n)}`).join('') +
      ` in ${files.length} file${files.length > 1 ? 's' : ''}` +
      (totals.hidden ? ` (${totals.hidden} finding${totals.hidden > 1 ? 's' : ''} below --min-confidence not shown)` : '') +
      (totals.off ? ` (${totals.off} finding${totals.off > 1 ? 's' : ''} of checks turned off in the config file not shown)` : '') +
      '.',
  );
  return out.join('\n');
}

/** Problems about a citation marker; the others are about the draft itself (front matter, syntax, language). */
const CITATION_CODES: ReadonlySet<string> = new Set(['unknown-key', 'locator-out-of-range', 'malformed-citation', 'no-reference', 'ambiguous-link', 'no-text']);

/** The summary's words for `n` notes of one kind. */
function noteCount(code: string, n: number): string {
  const s = n > 1 ? 's' : '';
  if (code === 'no-text') return `${n} cited source${s} with no text to check against`;
  if (code === 'not-english') return `${n} statement${s} not in English, not checked`;
  if (code === 'not-checked') return `${n} statement${s} not checked (computed content, or too few words)`;
  return `${n} note${s} [${code}]`;
}
