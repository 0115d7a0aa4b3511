import { InputError, nearestKey } from '../core';

export interface ParsedArgs {
  command: string;
  positional: string[];
  references: string[];
  /** `--bibliography FILE` (repeatable): BibTeX, CSL JSON or CSL YAML files whose entries can be cited. */
  bibliographies: string[];
  format: string;
  out?: string;
  /** `check --min-confidence X`: findings whose confidence is below X (0 to 1) are not reported. */
  minConfidence?: number;
  help: boolean;
  version: boolean;
}

/** Parses `factcheck COMMAND [args] [--reference F]... [--format X] [--out F]`. */
export function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: '', positional: [], references: [], bibliographies: [], format: 'text', help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InputError('usage', `${name} needs a value.`);
      return v;
    };
    if (a === '--help' || a === '-h') parsed.help = true;
    else if (a === '--version' || a === '-V') parsed.version = true;
    else if (a === '--reference' || a.startsWith('--reference=') || a === '-r') parsed.references.push(value('--reference'));
    else if (a === '--bibliography' || a.startsWith('--bibliography=') || a === '-b') parsed.bibliographies.push(value('--bibliography'));
    else if (a === '--format' || a.startsWith('--format=') || a === '-f') parsed.format = value('--format');
    else if (a === '--out' || a.startsWith('--out=') || a === '-o') parsed.out = value('--out');
    else if (a === '--min-confidence' || a.startsWith('--min-confidence=')) {
      const raw = value('--min-confidence');
      const x = Number(raw);
      if (!raw.trim() || !Number.isFinite(x) || x < 0 || x > 1) throw new InputError('usage', `--min-confidence needs a number from 0 to 1 (e.g. 0.7), not “${raw}”.`);
      parsed.minConfidence = x;
    }
    else if (a.startsWith('-') && a !== '-') {
      const near = nearestKey(a.replace(/=.*$/, ''), OPTIONS);
      throw new InputError('usage', `Unknown option “${a}”${near ? `; did you mean “${near}”?` : '.'} See “factcheck --help”.`);
    }
    else if (!parsed.command) parsed.command = a;
    else parsed.positional.push(a);
  }
  return parsed;
}

/** The options `parseArgs` knows, for "did you mean". */
export const OPTIONS = ['--reference', '--bibliography', '--format', '--out', '--min-confidence', '--help', '--version'];

/** The commands, for "did you mean". */
export const COMMANDS = ['check', 'eval', 'references'];

export const USAGE = `factcheck: fact-checks Markdown drafts against the articles they cite.

Usage:
  factcheck check DRAFT... [--reference FILE]... [--bibliography FILE]... [--format text|json|sarif] [--min-confidence X]
  factcheck eval DATA.jsonl [--out PREDICTIONS.jsonl] [--format text|json]
  factcheck references [--reference FILE]... [--bibliography FILE]... [--format text|json]

--bibliography FILE: a BibTeX (.bib), CSL JSON (.json) or CSL YAML (.yaml) file; its entries are
  cited by key. An entry is checked against its attached file (the \`file\` field, as Zotero and
  Better BibTeX write it) or a reference with the same URL or DOI; citing one with no text gives a
  note, not an error. A draft's own \`bibliography:\` front matter is read too.

--min-confidence X (0 to 1): a contradicted or unsupported finding whose confidence is below X
  is not reported (nor counted for the exit code), as with Vale's MinAlertLevel; findings
  without a confidence are always reported. JSON and SARIF give each finding's confidence.

Config: .sourcecheck.json, or the "sourcecheck" key of package.json, in the draft's folder or the
  nearest one above it: { "checks": { "<check id>": "off|error|warning|information|hint" },
  "minConfidence": 0.6, "references": ["sources/*.md"], "bibliographies": ["library.bib"] }. Text marks: ✗ error, ⚠ warning,
  ℹ information, › hint, ✓ supported.

--version prints the version.

Exit codes: 0 nothing contradicted, 1 something contradicted or a citation is wrong,
2 bad usage or unreadable input.`;
