// The `sourcecheck.*` settings as one typed table: key, type, default, bounds or allowed values, scope
// and description. `readSettings` (settings.ts) reads through it, and a unit test holds package.json's
// `contributes.configuration` to it, so defaults and bounds are written once. No `vscode` import here:
// the table and the validation are plain data and functions, tested in plain Node.
import { CHECKS, DEFAULT_SEVERITIES, type SeverityName } from '../core';

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'none'] as const satisfies readonly SeverityName[];
export type { SeverityName } from '../core';

/** What a check's findings become, per `sourcecheck.checks`: hidden, or shown at a severity. */
export const CHECK_LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** Where VS Code lets a setting be set; `resource` settings are read per document. */
export type SettingScope = 'application' | 'machine' | 'window' | 'resource' | 'language-overridable' | 'machine-overridable';

interface Base<T> {
  default: T;
  scope: SettingScope;
  /** Markdown, as package.json's `markdownDescription`. */
  description: string;
}
export type SettingSpec =
  | (Base<boolean> & { type: 'boolean' })
  | (Base<number> & { type: 'number'; minimum: number; maximum?: number })
  | (Base<string> & { type: 'string'; enum: readonly string[] })
  | (Base<string[]> & { type: 'array'; items: 'string' })
  | (Base<Record<string, string>> & { type: 'object'; keys: readonly string[]; values: readonly string[] });

const severity = (def: SeverityName, description: string): SettingSpec => ({ type: 'string', enum: SEVERITY_NAMES, default: def, scope: 'resource', description });

/** Every setting, by its key under `sourcecheck.`, in the order the Settings editor lists them. */
export const SETTINGS = {
  enable: { type: 'boolean', default: true, scope: 'resource', description: 'Judge Markdown and plain-text drafts against the references they cite.' },
  references: {
    type: 'array',
    items: 'string',
    default: [],
    scope: 'resource',
    description:
      'Reference articles to judge drafts against, besides the built-in one: workspace-relative files or globs (`sources/*.md`) or absolute paths. Each reference\'s citation key is its front matter `key:` or its file name, so `sources/harbour-bridge.md` is cited as `[@harbour-bridge]`. Read per workspace folder; relative paths are resolved in the folder whose settings name them.',
  },
  bibliographies: {
    type: 'array',
    items: 'string',
    default: [],
    scope: 'resource',
    description:
      'Bibliographies whose entries drafts cite by key: BibTeX (`.bib`, as Zotero and Better BibTeX export them), CSL JSON (`.json`) or CSL YAML (`.yaml`), as workspace-relative files or globs or absolute paths. An entry is checked against its attached file (the `file` field, inside the workspace) or a reference with the same URL or DOI; citing an entry with no text gives an information note. A draft\'s own `bibliography:` front matter is read as well.',
  },
  'severity.contradicted': severity(DEFAULT_SEVERITIES.contradicted, 'Severity of a statement the source contradicts (wrong person, office, place, time, number, negation, overstated certainty, misquote). `none` hides it.'),
  'severity.unsupported': severity(DEFAULT_SEVERITIES.unsupported, 'Severity of a statement the source does not back.'),
  'severity.uncited': severity(DEFAULT_SEVERITIES.uncited, 'Severity of a statement the source supports but that carries no citation of its own (a quick fix inserts one).'),
  'severity.citation': severity(DEFAULT_SEVERITIES.citation, 'Severity of a citation problem: an unknown key, a `¶` locator past the end of the reference, or a citation that cannot be read.'),
  checks: {
    type: 'object',
    keys: CHECKS.map((c) => c.id),
    values: CHECK_LEVELS,
    default: {},
    scope: 'resource',
    description:
      'Per-check control, as markdownlint and Vale allow per rule: a check id (`place`, `number`, `quote`, …) mapped to `off` (its findings are hidden) or to the severity its findings get, over `sourcecheck.severity.*`. Example: `{ "modality": "off", "quote": "error" }`.',
  },
  debounceMs: { type: 'number', default: 300, minimum: 0, maximum: 5000, scope: 'resource', description: 'Milliseconds to wait after the last keystroke before re-judging the changed parts of a draft.' },
  maxDraftChars: {
    type: 'number',
    default: 1_000_000,
    minimum: 1000,
    maximum: 50_000_000,
    scope: 'resource',
    description: 'Drafts longer than this many characters are judged up to this size (at a paragraph break), with a notice, so that very large files never slow the editor.',
  },
  judgeUncitedStatements: {
    type: 'boolean',
    default: true,
    scope: 'resource',
    description: 'Also judge statements without a citation of their own when they name someone or something a cited reference knows.',
  },
  checkDraftsWithoutCitations: {
    type: 'boolean',
    default: false,
    scope: 'resource',
    description:
      'Judge files that cite no reference at all (no `[@key]`, footnote key or front matter `references:`) against the built-in reference. Off by default, so ordinary notes and READMEs get no findings.',
  },
  languages: {
    type: 'array',
    items: 'string',
    // Markdown and its dialects (Quarto, R Markdown, MDX: each read with its own syntax) and plain text.
    default: ['markdown', 'quarto', 'rmd', 'mdx', 'plaintext'],
    // Hovers, quick fixes and completion are registered for these languages once per window.
    scope: 'window',
    description: 'Language ids of the documents treated as drafts: diagnostics, hovers, quick fixes and completion all follow this list.',
  },
  minConfidence: {
    type: 'number',
    default: 0,
    minimum: 0,
    maximum: 1,
    scope: 'resource',
    description:
      'Hide contradicted and unsupported findings whose confidence (the fitted model\'s probability that the verdict is right, shown in the hover) is below this, from 0 to 1. Like Vale\'s `MinAlertLevel`; the command line\'s `--min-confidence`.',
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;

export interface SeveritySettings {
  contradicted: SeverityName;
  unsupported: SeverityName;
  /** A supported statement that carries no citation of its own. */
  uncited: SeverityName;
  /** Unknown keys, locators past the end, unreadable citations. */
  citation: SeverityName;
}

export interface Settings {
  enable: boolean;
  references: string[];
  bibliographies: string[];
  languages: string[];
  severities: SeveritySettings;
  /** Check id → level, for the checks the user set. */
  checks: Record<string, CheckLevel>;
  debounceMs: number;
  maxDraftChars: number;
  judgeUncited: boolean;
  checkUncitedDrafts: boolean;
  /** Findings less sure than this (0 to 1) are not shown. */
  minConfidence: number;
}

/** A setting's value as given, checked against its table row; anything else gives the default. */
export function valueOf(key: SettingKey, raw: unknown): unknown {
  const spec: SettingSpec = SETTINGS[key];
  switch (spec.type) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : spec.default;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? Math.min(spec.maximum ?? Infinity, Math.max(spec.minimum, raw)) : spec.default;
    case 'string':
      return typeof raw === 'string' && spec.enum.includes(raw) ? raw : spec.default;
    case 'array':
      return Array.isArray(raw) ? raw.filter((x) => typeof x === 'string') : spec.default;
    case 'object': {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return spec.default;
      return Object.fromEntries(Object.entries(raw).filter(([k, v]) => spec.keys.includes(k) && typeof v === 'string' && spec.values.includes(v)));
    }
  }
}

/** The settings from a getter of raw values (`key` without the `sourcecheck.` prefix), bad values replaced by defaults. */
export function settingsFrom(get: (key: SettingKey) => unknown): Settings {
  const v = <T>(key: SettingKey) => valueOf(key, get(key)) as T;
  return {
    enable: v('enable'),
    references: v<string[]>('references').filter((p) => p.trim()),
    bibliographies: v<string[]>('bibliographies').filter((p) => p.trim()),
    languages: v('languages'),
    severities: { contradicted: v('severity.contradicted'), unsupported: v('severity.unsupported'), uncited: v('severity.uncited'), citation: v('severity.citation') },
    checks: v('checks'),
    debounceMs: v('debounceMs'),
    maxDraftChars: v('maxDraftChars'),
    judgeUncited: v('judgeUncitedStatements'),
    checkUncitedDrafts: v('checkDraftsWithoutCitations'),
    minConfidence: v('minConfidence'),
  };
}

/** The settings as they are when nobody has set anything. */
export const DEFAULT_SETTINGS: Settings = settingsFrom(() => undefined);

/** What package.json's `contributes.configuration.properties` must say for the table. */
export function contributedProperties(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, spec] of Object.entries(SETTINGS) as [SettingKey, SettingSpec][]) {
    const p: Record<string, unknown> = { type: spec.type };
    if (spec.type === 'array') p.items = { type: spec.items };
    if (spec.type === 'string') p.enum = [...spec.enum];
    if (spec.type === 'object') {
      const descriptions = new Map(CHECKS.map((c) => [c.id, c.description]));
      p.properties = Object.fromEntries(spec.keys.map((k) => [k, { type: 'string', enum: [...spec.values], markdownDescription: descriptions.get(k) ?? '' }]));
      p.additionalProperties = false;
    }
    p.default = spec.default;
    if (spec.type === 'number') {
      p.minimum = spec.minimum;
      if (spec.maximum !== undefined) p.maximum = spec.maximum;
    }
    p.scope = spec.scope;
    p.markdownDescription = spec.description;
    out[`sourcecheck.${key}`] = p;
  }
  return out;
}
