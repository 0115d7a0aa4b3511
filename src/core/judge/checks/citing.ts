import { sameCountry } from '../../language/countries';
import { STOPWORDS } from '../../lexicon';
import { conceptsOf, type Token } from '../../text/tokens';
import { para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/**
 * Words that say whose officials or sources a report relies on: the level or branch they belong to.
 * English closed class: WordNet files "federal", "state" and "municipal" under unrelated senses and
 * no dataset lists them as rival affiliations, so they are listed here. Capitalised words (a country,
 * its demonym, a party, a company) count as well and need no list.
 */
const AFFILIATIONS = new Set([
  'federal', 'state', 'local', 'city', 'county', 'municipal', 'provincial', 'regional', 'national', 'foreign', 'ministry', 'department', 'agency', 'party', 'army', 'embassy',
  'military', 'police', 'government', 'opposition', 'company', 'union', 'hospital', 'university', 'court',
  'administration', 'campaign', 'industry', 'diplomatic', 'intelligence', 'western', 'eastern', 'northern', 'southern',
]);

/** What a report relies on: the words after "citing", "quoting" or "according to", to the clause's end. */
interface Cited {
  head: Token;
  /** Affiliation words before the head ("state" in "citing state officials"). */
  affiliations: Token[];
}

function cited(tokens: Token[]): Cited[] {
  const out: Cited[] = [];
  tokens.forEach((t, i) => {
    let from = -1;
    if (t.lower === 'citing' || t.lower === 'quoting') from = i + 1;
    else if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') from = i + 2;
    if (from < 0) return;
    const words: Token[] = [];
    for (let k = from; k < Math.min(tokens.length, from + 6); k++) {
      const x = tokens[k];
      if (x.kind !== 'word' && !(x.kind === 'punct' && x.text === '.' && words.length && x.start === words[words.length - 1].end)) break;
      if (x.kind === 'word' && !STOPWORDS.has(x.lower)) words.push(x);
      else if (x.kind === 'word' && words.length && ['that', 'who', 'which', 'and', 'as'].includes(x.lower)) break;
    }
    if (words.length < 2) return;
    const head = words[words.length - 1];
    if (head.capital) return;
    const affiliations = words.slice(0, -1).filter((w) => w.capital || AFFILIATIONS.has(w.lower));
    if (affiliations.length) out.push({ head, affiliations });
  });
  return out;
}

const same = (a: Token, b: Token) =>
  a.stem === b.stem || [...conceptsOf(a.stem)].some((c) => conceptsOf(b.stem).has(c)) || (a.capital && b.capital && sameCountry(a.text, b.text));

/** "citing federal officials" where the source's report cites state officials. */
function checkCiting(ctx: CheckContext): Finding | undefined {
  const claim = cited(ctx.view.tokens);
  if (!claim.length) return undefined;
  for (const s of ctx.alignment.window) {
    for (const src of cited(s.tokens)) {
      for (const c of claim) {
        if (!same(c.head, src.head)) continue;
        const wrong = c.affiliations.find((a) => !src.affiliations.some((b) => same(a, b)));
        const right = src.affiliations.find((b) => !c.affiliations.some((a) => same(a, b)));
        if (!wrong || !right) continue;
        const phrase = s.sentence.text.slice(right.start - s.sentence.start, src.head.end - s.sentence.start);
        return {
          kind: 'contradicted',
          category: 'attribution',
          message: `The source’s report cites “${phrase}”, not “${ctx.text.slice(wrong.start, c.head.end)}” (${para(s)}).`,
          focus: { start: wrong.start, end: wrong.end },
          replacement: right.text,
          evidence: [s],
        };
      }
    }
  }
  return undefined;
}

/** Whose officials or sources a report relies on. */
export const citing: CheckDefinition = {
  id: 'citing',
  category: 'attribution',
  description: 'A report said to rely on other officials or sources than the source names (“citing federal officials” where it cites state officials).',
  run: checkCiting,
};
