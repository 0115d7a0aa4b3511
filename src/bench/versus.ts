// Side by side with a spell checker: how long this checker takes to judge a draft next to how long
// cspell (cspell-lib, default settings) takes to spell-check the same text. A writer already lives
// with a spell checker in the editor; a fact checker costing a small multiple of it is tolerable.
import { spawnSync } from 'node:child_process';
import { builtinReferences } from '../builtin';
import { DraftChecker, type Reference } from '../core';

export type Tool = 'checker' | 'cspell';
export const TOOLS: Tool[] = ['checker', 'cspell'];

type CspellLib = typeof import('cspell-lib');

/**
 * Loads cspell-lib (an ES module) and its default plus global configuration, once; returns a function
 * that spell-checks a Markdown text and resolves to the number of issues. The settings for the text
 * (in-document `cspell:` comments, Markdown patterns) and the check itself are part of each call, as
 * they are for every document an editor checks.
 */
export async function loadCspell(): Promise<(text: string) => Promise<number>> {
  // A computed specifier keeps esbuild from bundling the package: it is ESM-only and finds its
  // dictionaries next to its own files, so it is loaded from node_modules as it is installed.
  const specifier = 'cspell-lib';
  const cspell = (await import(specifier)) as CspellLib;
  const defaults = await cspell.getDefaultSettings();
  const global = await cspell.getGlobalSettingsAsync();
  const settings = cspell.mergeSettings(defaults, global, { language: 'en' });
  return async (text: string) => {
    const forText = cspell.combineTextAndLanguageSettings(settings, text, 'markdown');
    const issues = await cspell.validateText(text, forText);
    return issues.length;
  };
}

/** Judges a draft with a fresh checker (the references already loaded); resolves to the number of statements judged. */
export function judgeFresh(draft: string, refs: Reference[]): number {
  return new DraftChecker(refs).check(draft).verdicts.length;
}

const now = () => performance.now();

/**
 * In a fresh process (`node dist/bench.js --first TOOL`): prepares the tool (reference loaded, or
 * cspell's configuration loaded), then times its very first run on the draft. Prints one JSON line.
 */
export async function firstRun(tool: Tool, makeDraft: (ref: Reference) => string): Promise<void> {
  const [builtin] = builtinReferences();
  const draft = makeDraft(builtin);
  let ms: number;
  let found: number;
  if (tool === 'checker') {
    const t = now();
    found = judgeFresh(draft, [builtin]);
    ms = now() - t;
  } else {
    const spell = await loadCspell();
    const t = now();
    found = await spell(draft);
    ms = now() - t;
  }
  console.log(JSON.stringify({ tool, ms, found }));
}

export interface Comparison {
  words: number;
  /** Very first run of each tool, each in a fresh process, per round. */
  first: Record<Tool, number[]>;
  /** Warmed-up runs, interleaved checker, cspell, checker, cspell… */
  warm: Record<Tool, number[]>;
  found: Record<Tool, number>;
  failures: string[];
}

/**
 * Runs the comparison: `rounds` pairs of fresh processes for the first run, then, in this process,
 * `warmups` unmeasured runs of each tool and `runs` measured ones, interleaved.
 */
export async function compare(draft: string, refs: Reference[], script: string, opts = { rounds: 3, warmups: 3, runs: 15 }): Promise<Comparison> {
  const result: Comparison = {
    words: draft.split(/\s+/).length,
    first: { checker: [], cspell: [] },
    warm: { checker: [], cspell: [] },
    found: { checker: 0, cspell: 0 },
    failures: [],
  };
  for (let round = 0; round < opts.rounds; round++) {
    for (const tool of TOOLS) {
      const r = spawnSync(process.execPath, [script, '--first', tool], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const out = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined;
      if (!out) {
        result.failures.push(`${tool} in a fresh process: ${r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`}`);
        continue;
      }
      result.first[tool].push((JSON.parse(out) as { ms: number }).ms);
    }
  }
  let spell: (text: string) => Promise<number>;
  try {
    spell = await loadCspell();
  } catch (e) {
    result.failures.push(`cspell-lib could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    return result;
  }
  for (let i = 0; i < opts.warmups; i++) {
    judgeFresh(draft, refs);
    await spell(draft);
  }
  for (let i = 0; i < opts.runs; i++) {
    let t = now();
    result.found.checker = judgeFresh(draft, refs);
    result.warm.checker.push(now() - t);
    t = now();
    result.found.cspell = await spell(draft);
    result.warm.cspell.push(now() - t);
  }
  return result;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a');

/** The comparison as lines for the bench's output. */
export function formatComparison(c: Comparison): string[] {
  const lines = [`this checker vs cspell on the same ${c.words}-word draft (checker: a fresh DraftChecker, the reference already loaded; cspell-lib: validateText, default settings, config loaded beforehand):`];
  const row = (label: string, checker: number | undefined, cspell: number | undefined, note: string) =>
    `  ${label.padEnd(40)}checker ${(checker === undefined ? 'n/a' : fmt(checker)).padStart(10)}   cspell ${(cspell === undefined ? 'n/a' : fmt(cspell)).padStart(10)}   checker/cspell ${
      checker === undefined || cspell === undefined ? 'n/a' : ratio(checker, cspell)
    }${note}`;
  const f = c.first;
  if (f.checker.length || f.cspell.length) {
    const firstMedian = (t: Tool) => (f[t].length ? medianOf(f[t]) : undefined);
    lines.push(
      row(`first run, fresh process (median of ${Math.max(f.checker.length, f.cspell.length)})`, firstMedian('checker'), firstMedian('cspell'), ''),
      `  ${''.padEnd(40)}(each: checker ${f.checker.map(fmt).join(', ')}; cspell ${f.cspell.map(fmt).join(', ')}; includes each tool's one-time set-up: the reference's analysis and index, cspell's dictionaries)`,
    );
  }
  const w = c.warm;
  if (w.checker.length && w.cspell.length) {
    lines.push(
      row(`best of ${w.checker.length} warmed-up runs`, Math.min(...w.checker), Math.min(...w.cspell), ''),
      row(`median of the same runs`, medianOf(w.checker), medianOf(w.cspell), ''),
      `  ${''.padEnd(40)}(runs interleaved checker, cspell, checker, cspell…; ${c.found.checker} statements judged, ${c.found.cspell} spelling issues found)`,
    );
  }
  for (const x of c.failures) lines.push(`  failed: ${x}`);
  return lines;
}
