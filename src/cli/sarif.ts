import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKS, LineIndex, type Reference, type Span } from '../core';
import { version as VERSION } from '../../package.json';
import type { CheckedFile } from './checkedFile';
import { problemSeverity, sarifLevel, verdictSeverity } from './severity';

/** Rule descriptions: a check's category takes the description of the first check in the registry that has it. */
export const RULES: Record<string, string> = {
  paraphrase: 'The statement says what the source says.',
  uncited: 'The source supports the statement, but it carries no citation of its own.',
  ...Object.fromEntries([...CHECKS].reverse().map((c) => [c.category, c.description])),
  coverage: 'The source does not say this.',
  'novel-detail': 'The statement adds a name, number or detail the source does not give.',
  'unknown-key': 'A citation names a reference that is not loaded.',
  'locator-out-of-range': 'A citation points past the last paragraph or page of its reference.',
  'malformed-citation': 'A citation cannot be read.',
  'ambiguous-link': 'A link cites by URL, and more than one reference has that URL.',
  'no-text': 'A citation names a source a bibliography knows, but there is no text of it to check against.',
  'front-matter': 'The front matter is not closed or is not valid YAML or TOML; its keys are not read.',
  'draft-syntax': 'Part of the draft cannot be read in its dialect (MDX) or is too large to parse at once; it is read more simply.',
  'not-english': 'Not checked: only English statements are judged.',
  'not-checked': 'Not checked: part of the statement is computed (inline code or an MDX expression), or it has too few words to check.',
};

const HELP = 'https://github.com/sourcecheck/source-check#';

/** SARIF 2.1.0 for CI systems: one result per finding, supported statements as passes. */
export function toSarif(files: CheckedFile[], refs: Reference[]) {
  // SARIF wants URIs: a path relative to SRCROOT (the working folder) with each segment
  // percent-encoded ("my draft.md" → "my%20draft.md"), or a file: URI when there is no relative path.
  const uri = (p: string) => {
    const rel = relative(process.cwd(), p);
    if (!rel || isAbsolute(rel)) return pathToFileURL(p).href;
    return rel.split(/[\\/]/).map(encodeURIComponent).join('/');
  };
  const artifact = (p: string) => {
    const u = uri(p);
    return u.startsWith('file:') ? { uri: u } : { uri: u, uriBaseId: 'SRCROOT' };
  };
  const refArtifact = (key: string) => {
    const r = refs.find((x) => x.key === key);
    return !r || r.path.startsWith('builtin:') ? { uri: `builtin/${encodeURIComponent(key)}` } : artifact(r.path);
  };
  const refLines = new Map(refs.map((r) => [r.key, new LineIndex(r.text)]));
  const region = (lines: LineIndex, s: Span) => {
    const a = lines.position(s.start);
    const b = lines.position(s.end);
    return { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  };
  const results = files.flatMap((f) => {
    const lines = new LineIndex(f.text);
    const location = (s: Span) => ({ physicalLocation: { artifactLocation: artifact(f.path), region: region(lines, s) } });
    const fixes = (list: { title: string; edits: (Span & { newText: string })[] }[]) =>
      list.map((x) => ({
        description: { text: x.title },
        artifactChanges: [
          { artifactLocation: artifact(f.path), replacements: x.edits.map((e) => ({ deletedRegion: region(lines, e), insertedContent: { text: e.newText } })) },
        ],
      }));
    return [
      ...f.result.verdicts
        .filter((v) => !v.suppressed)
        .flatMap((v) => {
          // The editor's severity for the finding (a config file may change it per check, or turn it off).
          const severity = verdictSeverity(v, f.config);
          if (severity === 'off') return [];
          const uncited = v.kind === 'supported' && severity !== 'none';
          return [{
            ruleId: uncited ? 'uncited' : v.category,
            // SARIF allows a level other than "none" only on a failed result.
            kind: severity === 'none' ? 'pass' : 'fail',
            level: sarifLevel(severity),
            message: { text: uncited ? `supported but not cited: ${v.message}${v.evidence[0] ? ` Add a citation of ${v.evidence[0].reference} ¶${v.evidence[0].paragraph}.` : ''}` : `${v.kind}: ${v.message}` },
            locations: [location(v.focus ?? v.claim)],
            relatedLocations: v.evidence.map((e, i) => ({
              id: i + 1,
              message: { text: `${e.reference} ¶${e.paragraph}: ${e.text}` },
              physicalLocation: { artifactLocation: refArtifact(e.reference), region: refLines.get(e.reference) ? region(refLines.get(e.reference)!, e) : undefined },
            })),
            fixes: fixes(v.fixes),
            ...(typeof v.confidence === 'number' ? { properties: { confidence: v.confidence } } : {}),
          }];
        }),
      ...f.result.problems.map((p) => ({
        ruleId: p.code,
        kind: 'fail',
        level: sarifLevel(problemSeverity(p.code)),
        message: { text: p.message },
        locations: [location(p)],
        fixes: fixes(p.fixes),
      })),
    ];
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'factcheck',
            informationUri: HELP.replace(/#$/, ''),
            version: VERSION,
            rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text }, helpUri: `${HELP}${id}` })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + '/').href } },
        results,
      },
    ],
  };
}
