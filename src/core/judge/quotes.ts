import type { SentenceInfo } from '../reference/analysis';
import type { Token } from '../text/tokens';
import type { Reference, Span } from '../types';
import { analyse } from '../reference/analysis';
import { para, refText, type Finding } from './context';

/** Quoted words in a statement: straight or curly double quotes, two words or more. */
export function findQuotes(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const re = /["“”„]([^"“”„\r\n]+?)["“”]/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[1].trim().split(/\s+/).length < 2) continue;
    out.push({ start: start + m.index + 1, end: start + m.index + 1 + m[1].length });
  }
  return out;
}

const words = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'punct');

export interface QuoteResult {
  finding?: Finding;
  /** Quotes that stand in the source, with where. */
  found: { quote: Span; sentence: SentenceInfo }[];
}

/** A quotation is supported only if its words stand in the source, give or take typography. */
export function checkQuotes(quotes: Span[], claimTokens: Token[], refs: Reference[]): QuoteResult {
  const found: QuoteResult['found'] = [];
  for (const q of quotes) {
    const qt = words(claimTokens.filter((t) => t.start >= q.start && t.end <= q.end));
    if (qt.length < 2) continue;
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
    if (best && best.score >= 0.6) {
      const st = words(best.s.tokens);
      const truth = refText(best.ref, { start: st[best.from].start, end: st[best.to].end });
      return {
        found,
        finding: {
          verdict: 'contradicted',
          category: 'quote',
          message: `Misquote: the source's words are “${truth}” (${para(best.s)}).`,
          focus: q,
          replacement: truth,
          evidence: [best.s],
          reference: best.ref,
        },
      };
    }
    return {
      found,
      finding: {
        verdict: 'unsupported',
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
