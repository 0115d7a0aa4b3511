import type { SentenceInfo } from '../../reference/analysis';
import { MONTHS, STOPWORDS, WEEKDAYS } from '../../lexicon';
import type { Token } from '../../text/tokens';
import { para, type CheckContext, type Finding } from '../context';
import type { CheckDefinition } from './types';

/** Prepositions that put an event in a place. */
const AT = new Set(['in', 'at']);

/** A place said after "in"/"at": token span, with a following ", Region" ("in Graz, Styria"). */
interface PlaceSpan {
  first: number;
  last: number;
}

const capitalWord = (t: Token | undefined) => !!t && t.kind === 'word' && t.capital && !WEEKDAYS.has(t.lower) && !MONTHS.has(t.lower);

/** Every "in/at (the) Capitalised Words[, Capitalised Words]" of a text. */
function placesIn(tokens: Token[]): PlaceSpan[] {
  const out: PlaceSpan[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!AT.has(tokens[i].lower)) continue;
    let k = tokens[i + 1].lower === 'the' ? i + 2 : i + 1;
    if (!capitalWord(tokens[k])) continue;
    const first = k;
    for (;;) {
      while (capitalWord(tokens[k + 1])) k++;
      if (tokens[k + 1]?.text === ',' && capitalWord(tokens[k + 2])) k += 2;
      else break;
    }
    out.push({ first, last: k });
  }
  return out;
}

const content = (t: Token) => t.kind === 'word' && !STOPWORDS.has(t.lower) && t.lower.length > 1;

/** Places of each reference sentence, worked out once per sentence. */
const placesOf = new WeakMap<SentenceInfo, PlaceSpan[]>();
function sentencePlaces(s: SentenceInfo): PlaceSpan[] {
  let p = placesOf.get(s);
  if (!p) placesOf.set(s, (p = placesIn(s.tokens)));
  return p;
}

/**
 * "Played at the North Stadium" where the sentence of the source that says the rest of the statement
 * puts it at the South Arena, and names the North Stadium only for another event: the place of an
 * event moved to another the source names. A place the source never names is left to coverage
 * (unsupported); a sentence that says the rest and names the statement's place backs it.
 */
function checkPlaceElsewhere(ctx: CheckContext): Finding | undefined {
  const t = ctx.view.tokens;
  const sentences = ctx.analysis.sentences;
  for (const p of placesIn(t)) {
    const words = t.slice(p.first, p.last + 1).filter((x) => x.kind === 'word');
    const stems = new Set(words.map((x) => x.stem));
    const names = (s: SentenceInfo) => words.some((x) => s.tokens.some((y) => y.capital && y.stem === x.stem));
    // The source must name the place somewhere: another place it names, not an unknown one.
    if (!sentences.some(names)) continue;
    const rest = t.filter((x, i) => content(x) && (i < p.first - 1 || i > p.last) && !stems.has(x.stem) && !AT.has(x.lower));
    if (rest.length < 2) continue;
    const share = (s: SentenceInfo) => rest.filter((x) => s.stems.has(x.stem)).length / rest.length;
    let withPlace = 0;
    let best: { s: SentenceInfo; share: number; q: PlaceSpan } | undefined;
    for (const s of sentences) {
      const v = share(s);
      if (names(s)) {
        withPlace = Math.max(withPlace, v);
        continue;
      }
      // Its own place, one the statement does not name.
      const q = sentencePlaces(s).find((x) => !s.tokens.slice(x.first, x.last + 1).some((y) => y.kind === 'word' && t.some((z) => z.capital && z.stem === y.stem)));
      if (q && (!best || v > best.share)) best = { s, share: v, q };
    }
    if (!best || best.share < 0.6 || best.share < withPlace + 0.25) continue;
    const truth = best.s.tokens.slice(best.q.first, best.q.last + 1);
    const truthText = ctx.ref.text.slice(truth[0].start, truth[truth.length - 1].end);
    const focus = { start: t[p.first].start, end: t[p.last].end };
    return {
      kind: 'contradicted',
      category: 'place',
      message: `The source places this in ${truthText}, not ${ctx.text.slice(focus.start, focus.end)} (${para(best.s)}).`,
      focus,
      replacement: truthText,
      evidence: [best.s],
    };
  }
  return undefined;
}

/** The place of an event moved to another place the source names. */
export const placeElsewhere: CheckDefinition = {
  id: 'place-elsewhere',
  category: 'place',
  description: 'The place of an event moved to another place the source names for something else.',
  run: checkPlaceElsewhere,
};
