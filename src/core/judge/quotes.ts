import type { SentenceInfo } from '../reference/analysis';
import type { Token } from '../text/tokens';
import type { Reference, Span } from '../types';
import { analyse } from '../reference/analysis';
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
      const truth = refText(best.ref, { start: st[best.from].start, end: st[best.to].end });
      return {
        found,
        finding: {
          kind: 'contradicted',
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
