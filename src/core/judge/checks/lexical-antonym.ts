import { areOpposites } from '../../language/wordnet';
import { STOPWORDS } from '../../lexicon';
import type { Token } from '../../text/tokens';
import { coverageWithout, para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

const content = (t: Token) => t.kind === 'word' && !t.capital && t.lower.length > 3 && !STOPWORDS.has(t.lower);

/**
 * A word WordNet gives as a direct antonym of a word of the evidence ("centralised" against
 * "decentralized", "unfair" against "fair"). Broader than the hand pairs of the antonym check and
 * noisier (senses are not told apart), so the fitted decision weighs it on its own.
 */
function checkLexicalAntonym(ctx: CheckContext): Finding | undefined {
  if (coverageWithout(ctx, () => false) < 0.4) return undefined;
  const ct = ctx.view.tokens.filter(content);
  for (const s of ctx.alignment.window) {
    const st = s.tokens.filter(content);
    for (const c of ct) {
      if (s.stems.has(c.stem)) continue;
      const y = st.find((x) => areOpposites(c.lower, x.lower));
      // The statement must not also say the source's word: "more X and less Y" is not a flip.
      if (!y || ctx.view.tokens.some((x) => x.stem === y.stem)) continue;
      return {
        kind: 'contradicted',
        category: 'antonym',
        message: `The source says “${y.text}”, the opposite of “${c.text}” (${para(s)}).`,
        focus: { start: c.start, end: c.end },
        replacement: y.text,
        evidence: [s],
      };
    }
  }
  return undefined;
}

/** Opposite words per WordNet's antonyms. */
export const lexicalAntonym: CheckDefinition = {
  id: 'lexical-antonym',
  category: 'antonym',
  description: 'A word WordNet gives as the opposite of the word the source uses (“centralised” for “decentralized”).',
  run: checkLexicalAntonym,
};
