// The engine's public surface. No `vscode` import and no I/O here: callers hand in text.
export * from './types';
export { InputError } from './errors';
export { decodeText } from './text/decode';
export { LineIndex } from './text/lines';
export { loadReference } from './reference/load';
export { parseDraft } from './draft/parse';
export type { Draft, Block } from './draft/parse';
export { judgeStatement } from './judge/judge';
export { checkDraft, checkInSlices, DraftChecker } from './check';
export { applyFixes } from './fixes';
export type { AppliedFixes } from './fixes';
export type { CheckOptions } from './check';
export { lookupTerm, findParagraph } from './reference/lookup';
export type { TermMatch } from './reference/lookup';
export { suppressionEdit, SUPPRESS_INLINE, SUPPRESS_NEXT_LINE } from './draft/suppress';
export { nearestKey } from './draft/keys';
export { referenceMetaFromText } from './reference/file';
export { frontMatterFields, MAX_REFERENCE_CHARS } from './reference/load';
