import { SPEECH_VERBS } from '../../lexicon';
import type { EntityMention, SentenceInfo } from '../../reference/analysis';
import { para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/**
 * "X said: “…”" where the source gives those words to Y: the quotation stands in the source, and the
 * person the statement has say it is not named around it, another person is.
 */
function checkQuoteSpeaker(ctx: CheckContext): Finding | undefined {
  const { view } = ctx;
  const t = view.tokens;
  for (const found of ctx.quotes.found) {
    // A quotation found in another of the cited references is weighed against that one, not here.
    if (!ctx.analysis.sentences.includes(found.sentence)) continue;
    // The speaker: a person named before the quotation, next to a verb of saying, or right after it.
    const speaker = view.mentions.find((m) => {
      if (m.entity.kind !== 'person') return false;
      const near = t.slice(Math.max(0, m.first - 3), m.last + 4);
      return near.some((x) => SPEECH_VERBS.has(x.lower)) && (t[m.last].end <= found.quote.start || t[m.first].start >= found.quote.end);
    });
    if (!speaker) continue;
    // Who says it in the source: someone speaking in the quotation's sentence, else in the sentences
    // next to it in its paragraph.
    const own = found.sentence.mentions.some((m) => speaks(found.sentence, m));
    const around = own ? [found.sentence] : aroundSentence(ctx, found.sentence);
    if (around.some((s) => s.entityIds.has(speaker.entity.id))) continue;
    const claimIds = new Set(view.mentions.map((m) => m.entity.id));
    const other = around.flatMap((s) => s.mentions.map((m) => ({ s, m }))).find(({ s, m }) => speaks(s, m) && !claimIds.has(m.entity.id));
    if (!other) continue;
    return {
      kind: 'contradicted',
      category: 'attribution',
      message: `The source gives these words to ${other.m.entity.name}, not ${speaker.entity.name} (${para(other.s)}).`,
      focus: { start: t[speaker.first].start, end: t[speaker.last].end },
      replacement: other.m.entity.name,
      evidence: [found.sentence],
    };
  }
  return undefined;
}

/**
 * Is the mention a person who speaks in the sentence: known as a person, or a name of two words or more
 * standing next to a verb of saying ("said physician Leah Okafor", "Leah Okafor said").
 */
function speaks(s: SentenceInfo, m: EntityMention): boolean {
  if (m.entity.kind === 'person') return true;
  if (m.entity.kind !== 'thing' || m.last === m.first) return false;
  const near = s.tokens.slice(Math.max(0, m.first - 2), m.last + 3);
  return near.some((x) => SPEECH_VERBS.has(x.lower));
}

function aroundSentence(ctx: CheckContext, s: SentenceInfo): SentenceInfo[] {
  const all = ctx.analysis.sentences;
  const k = all.indexOf(s);
  return [all[k - 1], s, all[k + 1]].filter((x): x is SentenceInfo => !!x && x.sentence.paragraph === s.sentence.paragraph);
}

/** A quotation given to the wrong speaker. */
export const quoteSpeaker: CheckDefinition = {
  id: 'quote-speaker',
  category: 'attribution',
  description: 'A quotation the source gives to someone else than the person the statement has say it.',
  run: checkQuoteSpeaker,
};
