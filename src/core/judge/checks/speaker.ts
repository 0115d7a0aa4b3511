import type { SentenceInfo } from '../../reference/analysis';
import { SPEECH_VERBS, STOPWORDS } from '../../lexicon';
import type { Token } from '../../text/tokens';
import { para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

const name = (t: Token | undefined) => !!t && t.kind === 'word' && t.capital && !STOPWORDS.has(t.lower);

/** A speaker: the capitalised run of words naming who speaks, and its last word (the surname). */
interface Speaker {
  first: number;
  last: number;
  surname: string;
}

/** The capitalised run ending at token `end`, if any. */
function runEndingAt(tokens: Token[], end: number): Speaker | undefined {
  if (!name(tokens[end])) return undefined;
  let first = end;
  while (name(tokens[first - 1])) first--;
  return { first, last: end, surname: tokens[end].lower.replace(/['’]s$/, '') };
}

/**
 * Who a sentence says is speaking at speech verb `v`: the name right before it ("Ruiz said"), before an
 * apposition ("Ruiz, the club's coach, said"), or right after it ("said Ruiz").
 */
function speakerAt(tokens: Token[], v: number): Speaker | undefined {
  const direct = runEndingAt(tokens, v - 1);
  if (direct) return direct;
  if (tokens[v - 1]?.text === ',') {
    // "…, Ana Ruiz, said": the name closes an apposition of its own.
    const closing = runEndingAt(tokens, v - 2);
    if (closing) return closing;
    for (let k = v - 2; k >= Math.max(0, v - 12); k--) {
      if (tokens[k].text === ',') return runEndingAt(tokens, k - 1);
    }
  }
  if (name(tokens[v + 1])) {
    let last = v + 1;
    while (name(tokens[last + 1])) last++;
    return { first: v + 1, last, surname: tokens[last].lower.replace(/['’]s$/, '') };
  }
  return undefined;
}

/** Every "X said" / "according to X" of a text, with the index where what is said begins. */
function speeches(tokens: Token[]): { speaker: Speaker; from: number }[] {
  const out: { speaker: Speaker; from: number }[] = [];
  tokens.forEach((t, i) => {
    if (SPEECH_VERBS.has(t.lower)) {
      const sp = speakerAt(tokens, i);
      if (sp) out.push({ speaker: sp, from: Math.max(i, sp.last) + 1 });
    } else if (t.lower === 'according' && tokens[i + 1]?.lower === 'to' && name(tokens[i + 2])) {
      let last = i + 2;
      while (name(tokens[last + 1])) last++;
      out.push({ speaker: { first: i + 2, last, surname: tokens[last].lower.replace(/['’]s$/, '') }, from: last + 1 });
    }
  });
  return out;
}

const content = (t: Token) => t.kind === 'word' && !STOPWORDS.has(t.lower) && !SPEECH_VERBS.has(t.lower) && t.lower.length > 1;

/** Speeches of each reference sentence, worked out once per sentence. */
const speechesOf = new WeakMap<SentenceInfo, { speaker: Speaker; from: number }[]>();
function sentenceSpeeches(s: SentenceInfo) {
  let x = speechesOf.get(s);
  if (!x) speechesOf.set(s, (x = speeches(s.tokens)));
  return x;
}

/**
 * "Ruiz said the pitch was unplayable" where the sentence of the source that says the same words has
 * someone else it names say them: the speaker of a statement swapped. The source's sentence must hold
 * most of what is said, name another speaker and not name the statement's.
 */
function checkSpeaker(ctx: CheckContext): Finding | undefined {
  const t = ctx.view.tokens;
  for (const sp of speeches(t)) {
    const said = t.slice(sp.from).filter(content);
    const before = t.slice(0, sp.speaker.first).filter(content);
    const words = [...before, ...said].filter((x) => x.stem !== t[sp.speaker.last].stem);
    if (said.length < 3) continue;
    let best: { s: SentenceInfo; share: number } | undefined;
    for (const s of ctx.analysis.sentences) {
      const share = words.filter((x) => s.stems.has(x.stem)).length / words.length;
      if (!best || share > best.share) best = { s, share };
    }
    if (!best || best.share < 0.6) continue;
    const s = best.s;
    if (s.tokens.some((x) => x.capital && x.lower.replace(/['’]s$/, '') === sp.speaker.surname)) continue;
    const other = sentenceSpeeches(s).find((x) => !t.some((y) => y.capital && y.lower.replace(/['’]s$/, '') === x.speaker.surname));
    if (!other) continue;
    const who = s.tokens.slice(other.speaker.first, other.speaker.last + 1).map((x) => x.text).join(' ');
    const focus = { start: t[sp.speaker.first].start, end: t[sp.speaker.last].end };
    return {
      kind: 'contradicted',
      category: 'attribution',
      message: `The source has ${who} say this, not ${ctx.text.slice(focus.start, focus.end)} (${para(s)}).`,
      focus,
      replacement: who,
      evidence: [s],
    };
  }
  return undefined;
}

/** Words the source puts in one named speaker's mouth given to another. */
export const speaker: CheckDefinition = {
  id: 'speaker',
  category: 'attribution',
  description: 'Words the source has one named person say, given to another.',
  run: checkSpeaker,
};
