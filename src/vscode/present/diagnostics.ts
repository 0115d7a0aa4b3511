// Diagnostics as plain data (range, severity, message, code, related passages); judging.ts makes vscode.Diagnostic of them.
import { LineIndex, problemSeverity, type CheckResult, type LineRange, type Span, type Verdict } from '../../core';
import { DEFAULT_SETTINGS, type CheckLevel, type SeverityName, type SeveritySettings } from '../config';

export type { SeverityName, SeveritySettings } from '../config';

/** The default severities, from the settings table (src/vscode/config.ts). */
export const DEFAULT_SEVERITIES: SeveritySettings = DEFAULT_SETTINGS.severities;

/** Severities per kind of finding, and optionally per check id (`sourcecheck.checks`), which wins over its kind's. */
export type Severities = SeveritySettings & { checks?: Record<string, CheckLevel> };

export const SOURCE = 'Source Check';

export interface RelatedPassage {
  reference: string;
  /** Offsets in the reference text. */
  span: Span;
  paragraph: number;
  message: string;
}

export interface DiagnosticSpec {
  range: LineRange;
  span: Span;
  severity: Exclude<SeverityName, 'none'>;
  message: string;
  /** The finding's category or citation problem code; also the README anchor that explains it. */
  code: string;
  related: RelatedPassage[];
  /** Index into result.verdicts, or -1 for a citation problem. */
  verdict: number;
  /** Index into result.problems, or -1. */
  problem: number;
}

/**
 * One diagnostic per finding a writer should see; suppressed findings, plain supported statements and
 * findings whose confidence (0 to 1) is below `minConfidence` give none.
 */
export function diagnosticSpecs(text: string, result: CheckResult, severities: Severities = DEFAULT_SEVERITIES, lines = new LineIndex(text), minConfidence = 0): DiagnosticSpec[] {
  const specs: DiagnosticSpec[] = [];
  result.verdicts.forEach((v, i) => {
    if (v.suppressed) return;
    if (v.kind !== 'supported' && v.confidence !== undefined && v.confidence < minConfidence) return;
    const severity = severityOf(v, severities);
    if (severity === 'none') return;
    const span = v.kind === 'contradicted' && v.focus ? v.focus : { start: v.claim.start, end: v.claim.end };
    specs.push({
      range: lines.range(span),
      span,
      severity,
      message: diagnosticMessage(v),
      code: v.kind === 'supported' ? 'uncited' : v.category,
      // A link to the passage, labelled by VS Code with the reference's document name; the passage itself is
      // quoted once, in the hover card below the message, so the hover stays short.
      related: v.evidence.slice(0, 3).map((e) => ({ reference: e.reference, span: { start: e.start, end: e.end }, paragraph: e.paragraph, message: `evidence, ¶${e.paragraph}` })),
      verdict: i,
      problem: -1,
    });
  });
  result.problems.forEach((p, i) => {
    // Notes (a cited source with no text, a statement not in English) have their own severity; other problems follow `citation`.
    const severity = problemSeverity(p.code, severities.citation);
    if (severity === 'none') return;
    specs.push({ range: lines.range(p), span: { start: p.start, end: p.end }, severity, message: p.message, code: p.code, related: [], verdict: -1, problem: i });
  });
  return specs;
}

/**
 * The part of a result the writer is shown anywhere (diagnostics, hovers, status bar, report, fix all):
 * findings of checks set "off" in `sourcecheck.checks` and findings below `minConfidence` (0 to 1)
 * are left out, so no view counts what no other view shows. Supported statements are always kept.
 */
export function shownResult(result: CheckResult, severities: Severities = DEFAULT_SEVERITIES, minConfidence = 0): CheckResult {
  const hidden = (v: Verdict) =>
    v.kind !== 'supported' && ((v.check !== undefined && severities.checks?.[v.check] === 'off') || (v.confidence !== undefined && v.confidence < minConfidence));
  return result.verdicts.some(hidden) ? { ...result, verdicts: result.verdicts.filter((v) => !hidden(v)) } : result;
}

function severityOf(v: Verdict, s: Severities): SeverityName {
  const level = v.check && v.kind !== 'supported' ? s.checks?.[v.check] : undefined;
  if (level) return level === 'off' ? 'none' : level;
  if (v.kind === 'contradicted') return s.contradicted;
  if (v.kind === 'unsupported') return s.unsupported;
  return v.claim.explicitlyCited ? 'none' : s.uncited;
}

/** A verdict's message as a diagnostic shows it; a supported but uncited statement asks for a citation. */
export function diagnosticMessage(v: Verdict): string {
  if (v.kind === 'supported' && !v.claim.explicitlyCited) {
    const ev = v.evidence[0];
    return ev ? `Supported by ${ev.reference} ¶${ev.paragraph} but not cited here: add a citation.` : 'Supported by the source but not cited here.';
  }
  return v.message;
}
