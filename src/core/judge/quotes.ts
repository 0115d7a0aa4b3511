import type { SentenceInfo } from '../reference/analysis';
import type { Token } from '../text/tokens';
import type { Reference, Span } from '../types';
import { analyse } from '../reference/analysis';
import { proseView } from '../draft/markdown';
import { tokenize } from '../text/tokens';
import { para, refText, type Finding, type QuoteResult } from './context';

const words = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'punct');


/** A quotation is supported only if its words stand in the source, give or take typography. */
export function checkQuotes(quotes: Span[], claimTokens: Token[], refs: Reference[]): QuoteResult {
  const found: QuoteResult['found'] = [];
  for (const q of quotes) {
    const qt = words(claimTokens.filter((t) => t.start >= q.start && t.end <= q.end));
    if (qt.length < 2) continue;
    // "calm, clear [...] and firm": each part of an elided quotation stands in one sentence, in order.
    const parts = elided(claimTokens, q);
    if (parts) {
      const s = refs.flatMap((ref) => analyse(ref).sentences).find((x) => partsInOrder(parts, words(x.tokens)));
      if (s) {
        found.push({ quote: q, sentence: s });
        continue;
      }
    }
    // A title in quotation marks ("The Lost City of Gold") names a work; it does not quote anyone.
    const title = isTitle(qt);
    let best: { ref: Reference; s: SentenceInfo; from: number; to: number; score: number } | undefined;
    let exact: SentenceInfo | undefined;
    for (const ref of refs) {
      for (const s of analyse(ref).sentences) {
        const st = words(s.tokens);
        for (let i = 0; i + qt.length <= st.length && !exact; i++) {
          if (qt.every((t, k) => t.lower === st[i + k].lower)) exact = s;
        }
        if (exact) break;
        for (let i = 0; i < st.length; i++) {
          // Compare against windows as long as the quote, scoring words in the same order.
          const to = Math.min(st.length, i + qt.length);
          let hits = 0;
          let k = 0;
          for (let j = i; j < to && k < qt.length; j++) {
            const at = qt.slice(k).findIndex((t) => t.stem === st[j].stem);
            if (at >= 0 && at < 3) {
              hits++;
              k += at + 1;
            }
          }
          const score = (2 * hits) / (qt.length + (to - i));
          if (!best || score > best.score) best = { ref, s, from: i, to: to - 1, score };
        }
      }
      if (exact) break;
    }
    if (exact) {
      found.push({ quote: q, sentence: exact });
      continue;
    }
    if (title) continue;
    if (best && best.score >= 0.6) {
      const st = words(best.s.tokens);
      // The window found the sentence; the source's words for the fix come from aligning the quote
      // word by word, so a quote longer or shorter than the source's words is mended whole.
      const span = alignQuote(qt, best.s.tokens) ?? { start: st[best.from].start, end: st[best.to].end };
      const truth = sourceWords(best.ref, span);
      return {
        found,
        finding: {
          kind: 'contradicted',
          category: 'quote',
          message: `Misquote: the source's words are “${truth}” (${para(best.s)}).`,
          // Only the quoted words are replaced: the draft's quotation marks and the punctuation
          // just inside them ("…,") stay as written.
          focus: { start: qt[0].start, end: qt[qt.length - 1].end },
          replacement: truth,
          evidence: [best.s],
          reference: best.ref,
        },
      };
    }
    return {
      found,
      finding: {
        kind: 'unsupported',
        category: 'quote',
        message: 'The quoted words do not appear in the source.',
        focus: q,
        evidence: best ? [best.s] : undefined,
        reference: best?.ref,
      },
    };
  }
  return { found };
}

/** Small words a title leaves in lower case. */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'nor', 'by', 'with', 'from', 'as', 'v', 'vs']);

/** Words in title case: every word but the small ones capitalised, two capitalised at least. */
function isTitle(qt: Token[]): boolean {
  const big = qt.filter((t) => t.kind === 'word' && !TITLE_SMALL.has(t.lower.replace(/\.$/, '')));
  return big.length >= 2 && big.every((t) => t.capital);
}

/** The parts of a quotation cut by "[...]", "…" or "...", when it is cut; else undefined. */
function elided(claimTokens: Token[], q: Span): Token[][] | undefined {
  const inside = claimTokens.filter((t) => t.start >= q.start && t.end <= q.end);
  const parts: Token[][] = [[]];
  for (let k = 0; k < inside.length; k++) {
    const t = inside[k];
    const dots = t.text === '.' && inside[k + 1]?.text === '.' && inside[k + 2]?.text === '.';
    if (t.text === '…' || dots) {
      if (dots) k += 2;
      parts.push([]);
    } else if (t.kind !== 'punct') parts[parts.length - 1].push(t);
  }
  const kept = parts.filter((p) => p.length);
  return parts.length > 1 && kept.length ? kept : undefined;
}

/** Do the parts stand in the sentence's words as written, one after another? */
function partsInOrder(parts: Token[][], st: Token[]): boolean {
  let from = 0;
  for (const p of parts) {
    let at = -1;
    for (let i = from; i + p.length <= st.length && at < 0; i++) if (p.every((t, k) => t.lower === st[i + k].lower)) at = i;
    if (at < 0) return false;
    from = at + p.length;
  }
  return true;
}

/** Double quotation marks: a source's quotation ends at one, so the source's words never run past it. */
const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);

/**
 * The span of a source sentence's words that a misquoted quotation stands for: the quote's words
 * (`qt`, punctuation left out) aligned to a run of the sentence's words (`sentence`, all tokens) with
 * the fewest changes (a word replaced costs 1, a word added or left out a little more, so a changed
 * word is read as replaced rather than as one added and one dropped). Words match on their stem. The
 * run lies between two double quotation marks of the source (or the sentence's ends), so the source's
 * own attribution ("…," she said) never joins it. Offsets are the reference's (UTF-16); undefined
 * when no word of the quote matches.
 */
export function alignQuote(qt: Token[], sentence: Token[]): Span | undefined {
  let best: { cost: number; span: Span } | undefined;
  let seg: Token[] = [];
  const flush = () => {
    const a = seg.length ? alignIn(qt, seg) : undefined;
    if (a && (!best || a.cost < best.cost)) best = a;
    seg = [];
  };
  for (const t of sentence) {
    if (t.kind === 'punct') {
      if (QUOTE_MARKS.has(t.text)) flush();
    } else seg.push(t);
  }
  flush();
  return best?.span;
}

const SUB = 1;
const GAP = 1.01;
/**
 * Each pair of equal words takes a little off: without it a run that stops short of the quote's last
 * word, with that word paired to a changed one ("got a link" as "have a real"), costs as little as
 * the whole one ("have a real link", one word left out), since the run's end is free.
 */
const MATCH = -0.05;

/** Semi-global alignment: every quote word is placed, the source run is free to start and end anywhere. */
function alignIn(qt: Token[], src: Token[]): { cost: number; span: Span } | undefined {
  const n = qt.length;
  const m = src.length;
  const w = m + 1;
  // d[i*w+j]: cheapest placing of qt[0..i) with the run ending before src[j].
  const d = new Float64Array((n + 1) * w);
  for (let i = 1; i <= n; i++) d[i * w] = i * GAP;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = qt[i - 1].stem === src[j - 1].stem || qt[i - 1].lower === src[j - 1].lower;
      d[i * w + j] = Math.min(d[(i - 1) * w + j - 1] + (same ? MATCH : SUB), d[(i - 1) * w + j] + GAP, d[i * w + j - 1] + GAP);
    }
  }
  let end = 1;
  for (let j = 2; j <= m; j++) if (d[n * w + j] < d[n * w + end]) end = j;
  // Walk back, preferring the diagonal, to the first and last source words paired with a quote word.
  let i = n;
  let j = end;
  let first = -1;
  let last = -1;
  let matched = false;
  while (i > 0 && j > 0) {
    const here = d[i * w + j];
    const same = qt[i - 1].stem === src[j - 1].stem || qt[i - 1].lower === src[j - 1].lower;
    if (near(here, d[(i - 1) * w + j - 1] + (same ? MATCH : SUB))) {
      if (last < 0) last = j - 1;
      first = j - 1;
      matched ||= same;
      i--;
      j--;
    } else if (near(here, d[(i - 1) * w + j] + GAP)) i--;
    else if (first >= 0) j--; // a source word left out inside the run
    else break;
  }
  if (!matched || first < 0) return undefined;
  return { cost: d[n * w + end], span: { start: src[first].start, end: src[last].end } };
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * The source's words over `span` as a quotation gives them: a Markdown reference's inline markup
 * (`*emphasis*`, `[link](url)`) left out, so a fix never puts half an emphasis or a URL into the
 * draft. The text as written when the reference is not Markdown (saved pages, PDFs and text files
 * carry no markup) or when leaving the markup out would drop words (inline code).
 */
function sourceWords(ref: Reference, span: Span): string {
  const raw = refText(ref, span);
  if (ref.format === 'text' || ref.format === 'html' || ref.format === 'pdf' || !/[*_`[\]<&]/.test(raw)) return raw;
  // Parse the whole paragraph: markup opened before the span and closed inside it is still markup.
  const p = ref.paragraphs.find((x) => x.start <= span.start && span.end <= x.end);
  if (!p) return raw;
  const prose = proseView(p.text, 'markdown').prose;
  let out = '';
  for (let i = span.start - p.start; i < span.end - p.start; i++) {
    const c = p.text[i];
    if (prose[i] === c || /\s/.test(c)) out += c;
  }
  const wordsOf = (s: string) => words(tokenize(s, 0, s.length)).map((t) => t.text).join(' ');
  // Inline code is blanked in the prose view yet its words are the source's: keep the text as written.
  if (raw.includes('`') && wordsOf(out) !== wordsOf(raw)) return raw;
  return out.replace(/\s{2,}/g, ' ').trim();
}
