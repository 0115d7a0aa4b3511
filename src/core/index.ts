// The engine's public surface. No `vscode` import and no I/O here: callers hand in text.
export * from './types';
export { InputError } from './errors';
export { decodeText } from './text/decode';
export { isHighSurrogate, isLowSurrogate, splitsSurrogatePair } from './text/unicode';
export { LineIndex } from './text/lines';
export { loadReference } from './reference/load';
export { parseDraft, dialectOf } from './draft/parse';
export type { Draft, Block, DraftLink, Dialect, ParseOptions, DraftNotice } from './draft/parse';
export { judgeStatement, assessSpan } from './judge/judge';
export type { Assessment } from './judge/judge';
export { decideVerdict, probabilities } from './judge/decide';
export type { DecisionModel, Probabilities } from './judge/decide';
export { FEATURE_NAMES } from './judge/features';
export { CHECKS } from './judge/checks';
export type { CheckDefinition } from './judge/checks';
export { checkDraft, checkInSlices, DraftChecker, MAX_STATEMENT_CHARS } from './check/checker';
export { applyFixes, isSafeFixKind, safeFixes, SAFE_FIX_KINDS } from './fixes';
export type { AppliedFixes } from './fixes';
export type { CheckOptions } from './check/checker';
export { lookupTerm, findParagraph } from './reference/lookup';
export type { TermMatch } from './reference/lookup';
export { findCitations } from './draft/citations';
export { normalizeUrl, sameUrl } from './text/url';
export { looksLikeCitation } from './check/resolve';
export { suppressionEdit, SUPPRESS_INLINE, SUPPRESS_NEXT_LINE } from './draft/suppress';
export { nearestKey } from './draft/keys';
export { referenceMetaFromText } from './reference/file';
export { displayDate } from './reference/date';
export { MAX_REFERENCE_CHARS } from './reference/load';
export { frontMatterFields, readFrontMatter } from './text/frontMatter';
export type { FrontMatter } from './text/frontMatter';
export { DEFAULT_SEVERITIES, SARIF_LEVEL, PROBLEM_SEVERITY, problemSeverity, isNote } from './severity';
export type { SeverityName, SeveritySettings } from './severity';
// WordNet's first use, for the bench's cost line (src/bench).
export { antonyms as wordnetAntonyms, irregularBase, sameAs as wordnetSameAs, synonyms as wordnetSynonyms } from './language/wordnet';
export {
  parseBibliography,
  parseFileField,
  assembleBibliography,
  entryReferenceMeta,
  sourceEntryOf,
  unreadableSources,
  draftBibliographies,
  normaliseDoi,
  isAbsolutePath,
  BIBLIOGRAPHY_EXTENSIONS,
  MAX_BIBLIOGRAPHY_ENTRIES,
  attachmentText,
  asEntryReference,
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_TEXT_EXTENSIONS,
} from './reference/bibliography';
export type { Bibliography, BibliographyEntry, BibliographyIssue, AssembledBibliography } from './reference/bibliography';
export { noTextMessage } from './check/problems';
export { readReferenceSource, referenceFormatOf, maxReferenceBytes, REFERENCE_EXTENSIONS, MAX_HTML_BYTES, MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_TEXT_REFERENCE_BYTES } from './reference/formats';
export type { SourceText } from './reference/formats';
