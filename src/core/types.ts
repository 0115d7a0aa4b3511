// Shared value types of the engine. Every object that points into a text carries offsets
// (UTF-16 code units, as JavaScript strings and VS Code count them); `start` inclusive, `end` exclusive.
//
// Vocabulary, used the same way in every layer:
// - reference: a source text the draft cites (`Reference`), known by its key;
// - citation: a marker in the draft naming references (`[@key, ¶3]`), with an optional locator;
// - statement: a sentence-sized piece of the draft that is judged (the type is `Claim`, the field's
//   older word for it);
// - finding: what one check concludes about a statement (`judge/context.ts`);
// - verdict: the result for a statement (`Verdict`), whose `kind` is supported, contradicted or
//   unsupported, with the evidence it rests on and the fixes offered;
// - evidence: a passage of a reference (`Evidence`); a citation problem is about a marker, not a claim.

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

/** A sentence of a reference, with its paragraph (1-based, as shown to writers as ¶n). */
export interface Sentence extends Span {
  text: string;
  paragraph: number;
  /** Index in Reference.sentences. */
  index: number;
}

export interface Paragraph extends Span {
  /** 1-based number, as cited with `¶n`. */
  number: number;
  /** 1-based page of a paged source (PDF) the paragraph starts on. */
  page?: number;
  text: string;
  sentences: Sentence[];
}

export type EntityKind = 'person' | 'organisation' | 'place' | 'office' | 'thing' | 'group';

/** A name or term the reference knows, with every way the reference refers to it. */
export interface Entity {
  id: string;
  kind: EntityKind;
  /** The fullest form the reference uses ("Jane Q. Doe"). */
  name: string;
  /** Other forms: surname, acronym, office phrase ("the British Prime Minister"). */
  aliases: string[];
  /** For a person: the office the reference gives ("Prime Minister"), with its qualifier. */
  office?: string;
  /** Nationality or origin the reference attaches ("British", "U.S."). */
  nationality?: string;
  /** Adjectives the text uses for a place ("Norwegian" for Norway), or acronyms used as one ("U.S."). */
  demonyms?: string[];
  /** For an office: the person who holds it, by entity id. */
  holder?: string;
  /** A short description drawn from the text ("British Prime Minister"). */
  description?: string;
  mentions: Span[];
  /** Paragraph numbers where it is mentioned, ascending, unique. */
  paragraphs: number[];
  /** Index of the sentence that says most about it. */
  keySentence: number;
}

/** What kind of file a reference's text was read from. */
export type ReferenceFormat = 'markdown' | 'text' | 'html' | 'pdf';

export interface ReferenceMeta {
  key: string;
  title: string;
  /** Where the text came from: a file path, or `builtin:<key>` for the bundled article. */
  path: string;
  credit?: string;
  /** The article's address (canonical URL of a saved page, `url:` of front matter or a bibliography entry). */
  url?: string;
  /** Byline, as the source gives it. */
  author?: string;
  /** Publication date as the source gives it (ISO 8601 when known). */
  date?: string;
  /** Publication or site name ("The Denver Post"). */
  outlet?: string;
  format?: ReferenceFormat;
  /** DOI without resolver prefix (`10.1234/abc`), from a bibliography entry or front matter `doi:`. */
  doi?: string;
  /** A paged source's (PDF's) number of pages. */
  pageCount?: number;
  /** How many of its pages were read (fewer than `pageCount` past the page or character cap). */
  pagesRead?: number;
}

/**
 * A source a bibliography (BibTeX, CSL, or the draft's inline CSL `references:`) knows by key but
 * whose text is not at hand: citing it is not an unknown key, yet there is nothing to judge against.
 */
export interface SourceEntry extends Omit<ReferenceMeta, 'path'> {
  /** The bibliography file or draft that declares it. */
  declaredIn: string;
  /** Why a file the entry names could not be used (missing, outside the workspace, unreadable), if so. */
  problem?: string;
  /** For a bibliography entry that could not be read (a syntax error): the sentence saying where and why. */
  unreadable?: string;
  /** True when the bibliography that declares it is a Zotero or Better BibTeX export. */
  zotero?: boolean;
}

export interface Reference extends ReferenceMeta {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
}

/** A citation marker as written in a draft: `[@key]`, `[@key, ¶3]`, `[@a; @b]`. */
export interface CitationItem {
  key: string;
  /** Span of the key (without `@`). */
  keySpan: Span;
  /** The paragraph number given by a locator (`¶3`, `para. 3`), if any. */
  paragraph?: number;
  /** The page given by a locator (`p. 4`, `pp. 4-5`: the first page), if any. */
  page?: number;
  locatorSpan?: Span;
  /** Any locator as written (`ch. 1`, `pp. 3-5`), checked (paragraph, page) or only shown (section, chapter). */
  locator?: Locator;
  /** Words before the `@` in a bracketed citation (`see` in `[see @key]`). */
  prefix?: string;
  /** Words after the key and locator (`and passim` in `[@key, p. 3 and passim]`). */
  suffix?: string;
  /** `[-@key]`: Pandoc leaves the author's name out. */
  suppressAuthor?: boolean;
}

/** Kinds of locator a citation can carry: paragraphs and pages are checked, sections and chapters shown. */
export type LocatorKind = 'paragraph' | 'page' | 'section' | 'chapter';

export interface Locator {
  kind: LocatorKind;
  /** The locator as written, label and number (`pp. 3-5`). */
  text: string;
  /** The last number of a range (`pp. 3-5` → 5); absent for a single number. */
  last?: number;
}

/** How a citation is written: `[@key]`, in-text `@key` (`@key [p. 4]`), or a Markdown link to a reference's URL. */
export type CitationForm = 'bracketed' | 'in-text' | 'link';

export interface Citation extends Span {
  raw: string;
  items: CitationItem[];
  /** Set when the marker cannot be read (`[@`, `[@key, ¶x]`). */
  error?: string;
  /**
   * How it is written; absent means bracketed. A `link` citation spans the whole Markdown link, and
   * each item's `keySpan` is the link's address (the parse never makes one: the checker resolves
   * links against the references' URLs, see check/resolve.ts).
   */
  form?: CitationForm;
}

/** A direct quotation in a draft. `span` covers the quoted words without the quote marks. */
export interface Quote extends Span {
  text: string;
}

/** A statement of a draft to be judged. */
export interface Claim extends Span {
  text: string;
  /** Keys of the references the statement cites (explicitly, by footnote, by link or front matter). */
  cited: string[];
  /** True when a citation stands in the sentence or right after it. */
  explicitlyCited: boolean;
  citations: Citation[];
  quotes: Quote[];
  /** Index of the Markdown block it comes from. */
  block: number;
  /** ISO 639-1 code when the statement is confidently not English: it is not judged, only noted. */
  language?: string;
  /** True when part of the statement is computed (R Markdown/Quarto inline code, an MDX expression): it is not judged, only noted. */
  computed?: boolean;
}

export type VerdictKind = 'supported' | 'contradicted' | 'unsupported';

export type Category =
  | 'paraphrase'
  | 'role'
  | 'attribution'
  | 'negation'
  | 'antonym'
  | 'modality'
  | 'place'
  | 'time'
  | 'number'
  | 'order'
  | 'origin'
  | 'quote'
  | 'coverage'
  | 'novel-detail';

export interface Evidence extends Span {
  reference: string;
  paragraph: number;
  sentence: number;
  text: string;
  score: number;
}

export interface TextEdit extends Span {
  newText: string;
}

/**
 * What a fix changes: `correct` and `quote` reword what the statement asserts (its person, office,
 * place, time, number or quotation); `key`, `locator` and `insert-citation` only touch its citation.
 */
export type FixKind = 'correct' | 'insert-citation' | 'quote' | 'locator' | 'key';

export interface Fix {
  title: string;
  kind: FixKind;
  /**
   * Safe fixes are applied by "fix all" without the writer choosing each: they are mechanical (a
   * citation key, a locator, an inserted citation) and never change what a statement asserts.
   */
  safe: boolean;
  edits: TextEdit[];
}

export interface Verdict {
  claim: Claim;
  kind: VerdictKind;
  category: Category;
  message: string;
  evidence: Evidence[];
  fixes: Fix[];
  /** The part of the statement the finding is about (the wrong name, number, quote), if narrower. */
  focus?: Span;
  /** True when an inline suppression comment covers this statement. */
  suppressed: boolean;
  /** How likely the verdict is right, 0 to 1, from the fitted decision model (`judge/decide.ts`). */
  confidence?: number;
  /** Id of the registry check (`CHECKS`) that produced the finding, when a check did. */
  check?: string;
}

export type ProblemCode =
  | 'unknown-key'
  | 'locator-out-of-range'
  | 'malformed-citation'
  | 'no-reference'
  /** A link's URL is the URL of more than one reference. */
  | 'ambiguous-link'
  /** A cited source a bibliography knows, with no text to check against (information only). */
  | 'no-text'
  /** Front matter that is not closed or not valid YAML/TOML. */
  | 'front-matter'
  /** A draft whose syntax cannot be read (MDX), read as plain Markdown instead. */
  | 'draft-syntax'
  /** A statement not in English: not judged (information only). */
  | 'not-english'
  /** A statement with computed content (inline code, an MDX expression), or a cited one of too few words: not judged (information only). */
  | 'not-checked';

/** A problem with the draft's citations rather than with a statement's content. */
export interface CitationProblem extends Span {
  code: ProblemCode;
  message: string;
  /** For an unknown key: the nearest known key. */
  suggestion?: string;
  fixes: Fix[];
}

export interface CheckResult {
  verdicts: Verdict[];
  problems: CitationProblem[];
}
