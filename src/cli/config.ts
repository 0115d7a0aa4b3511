// Per-project settings for the command line, found the way cspell and markdownlint find theirs:
// `.sourcecheck.json`, or the `sourcecheck` key of `package.json`, in the draft's folder or the
// nearest folder above it (up to the filesystem root). In one folder `.sourcecheck.json` wins.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse as parsePath, resolve } from 'node:path';
import { CHECKS, InputError, nearestKey, type Verdict } from '../core';
import { readTextFile } from './io';

/** What a check may be set to: off hides its findings, a severity sets the text mark and SARIF level. */
export type CheckSetting = 'off' | 'error' | 'warning' | 'information' | 'hint';
export const CHECK_SETTINGS: readonly CheckSetting[] = ['off', 'error', 'warning', 'information', 'hint'];

export interface CliConfig {
  /** The file the settings came from (for `package.json`, its `sourcecheck` key). */
  path: string;
  /** Per check id of the engine registry (`CHECKS`). */
  checks: Record<string, CheckSetting>;
  minConfidence?: number;
  /** Reference files or patterns, made absolute against the config file's folder. */
  references: string[];
  /** Bibliography files, made absolute against the config file's folder. */
  bibliographies: string[];
}

const KEYS = ['checks', 'minConfidence', 'references', 'bibliographies'];
export const CONFIG_FILE = '.sourcecheck.json';

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

function parseJson(path: string): unknown {
  const text = readTextFile(path, 'Config file', 1024 * 1024);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError('usage', `Config file “${path}” is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** The config file that applies to files in `startDir`, or undefined when there is none up to the root. */
export function findConfig(startDir: string): CliConfig | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const own = join(dir, CONFIG_FILE);
    if (isFile(own)) return validate(parseJson(own), own);
    const pkg = join(dir, 'package.json');
    if (isFile(pkg)) {
      const json = parseJson(pkg);
      if (json && typeof json === 'object' && !Array.isArray(json) && 'sourcecheck' in json) return validate((json as Record<string, unknown>).sourcecheck, `${pkg} (key “sourcecheck”)`, pkg);
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function validate(raw: unknown, name: string, file = name): CliConfig {
  const bad = (what: string) => new InputError('usage', `Config file “${name}”: ${what}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('the settings must be a JSON object, e.g. { "checks": { "modality": "warning" } }.');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!KEYS.includes(k)) {
      const near = nearestKey(k, KEYS);
      throw bad(`unknown setting “${k}”${near ? `; did you mean “${near}”?` : '.'} Known settings: ${KEYS.join(', ')}.`);
    }
  }
  const config: CliConfig = { path: name, checks: {}, references: [], bibliographies: [] };
  if (o.checks !== undefined) {
    if (!o.checks || typeof o.checks !== 'object' || Array.isArray(o.checks)) throw bad('“checks” must be an object of check ids and settings, e.g. { "modality": "off" }.');
    const ids = CHECKS.map((c) => c.id);
    for (const [id, value] of Object.entries(o.checks as Record<string, unknown>)) {
      if (!ids.includes(id)) {
        const near = nearestKey(id, ids);
        throw bad(`unknown check “${id}”${near ? `; did you mean “${near}”?` : '.'} Known checks: ${ids.join(', ')}.`);
      }
      if (typeof value !== 'string' || !CHECK_SETTINGS.includes(value as CheckSetting)) throw bad(`check “${id}” is set to ${JSON.stringify(value)}; use one of ${CHECK_SETTINGS.join(', ')}.`);
      config.checks[id] = value as CheckSetting;
    }
  }
  if (o.minConfidence !== undefined) {
    const x = o.minConfidence;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1) throw bad(`“minConfidence” must be a number from 0 to 1 (e.g. 0.6), not ${JSON.stringify(x)}.`);
    config.minConfidence = x;
  }
  if (o.references !== undefined) {
    if (!Array.isArray(o.references) || o.references.some((r) => typeof r !== 'string' || !r.trim())) throw bad('“references” must be a list of file paths or patterns, e.g. ["sources/*.md"].');
    const base = dirname(file);
    config.references = (o.references as string[]).map((r) => (isAbsolute(r) ? r : join(base, r)));
  }
  if (o.bibliographies !== undefined) {
    if (!Array.isArray(o.bibliographies) || o.bibliographies.some((r) => typeof r !== 'string' || !r.trim())) throw bad('“bibliographies” must be a list of file paths or patterns, e.g. ["library.bib"].');
    const base = dirname(file);
    config.bibliographies = (o.bibliographies as string[]).map((r) => (isAbsolute(r) ? r : join(base, r))).flatMap(expandReference);
  }
  return config;
}

/**
 * The files a reference entry names: a plain path as it is (a missing one is reported when read),
 * or the files matching a pattern with `*` and `?` (within one folder name) and `**` (any folders).
 * Hidden files and folders and node_modules are not searched by a pattern. Sorted, for stable output.
 */
export function expandReference(entry: string): string[] {
  if (!/[*?]/.test(entry)) return [entry];
  const root = parsePath(entry).root;
  const segments = entry.slice(root.length).split(/[\\/]/).filter((s) => s && s !== '.');
  const found = new Set<string>();
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules');
    } catch {
      return [];
    }
  };
  const walk = (dir: string, i: number): void => {
    if (i === segments.length) {
      if (isFile(dir)) found.add(dir);
      return;
    }
    const s = segments[i];
    if (s === '**') {
      walk(dir, i + 1);
      for (const d of list(dir)) if (d.isDirectory()) walk(join(dir, d.name), i);
      return;
    }
    if (!/[*?]/.test(s)) {
      const next = join(dir, s);
      if (existsSync(next)) walk(next, i + 1);
      return;
    }
    const re = new RegExp(`^${s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    for (const d of list(dir)) if (re.test(d.name)) walk(join(dir, d.name), i + 1);
  };
  walk(root || '.', 0);
  return [...found].sort();
}

/**
 * The check a finding comes from. The verdict's own `check` when the engine gives one; otherwise the
 * checks whose category is the finding's, in registry order (so a setting for any check of a
 * category applies to that category's findings; when several are set, the first in the registry wins).
 */
export function checkSettingFor(v: Verdict, config: CliConfig | undefined): CheckSetting | undefined {
  if (!config) return undefined;
  const own = (v as Verdict & { check?: string }).check;
  if (own) return config.checks[own];
  for (const c of CHECKS) if (c.category === v.category && config.checks[c.id]) return config.checks[c.id];
  return undefined;
}
