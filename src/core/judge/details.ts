import { FACILITY_WORDS, MONTHS, STOPWORDS, WEEKDAYS } from '../lexicon';
import type { EntityMention, SentenceInfo } from '../reference/analysis';
import { isNationalityWord } from '../reference/entities';
import { visibleText, type Token } from '../text/tokens';
import { nearestAmount } from './align';
import { amounts, contextOverlap, fit, sameContext, sameCounted } from './numbers';
import { coverageWithout, para, refText, type Check, type CheckContext, type Finding } from './context';
import { sameNationality } from './nationality';

/** "in Berlin" when the source puts it in another place. */
export const checkPlace: Check = (ctx) => {
  const { view, alignment: al } = ctx;
  const t = view.tokens;
  for (const p of view.phrases) {
    const prepAt = t[p.first - 1]?.lower === 'the' ? p.first - 2 : p.first - 1;
    const prep = t[prepAt];
    if (!prep || !PLACE_PREPOSITIONS.has(prep.lower)) continue;
    if (p.title || !p.name) continue;
    const nameTokens = t.slice(p.name.first, p.name.last + 1);
    if (nameTokens.some((x) => FACILITY_WORDS.has(x.text) || WEEKDAYS.has(x.lower) || MONTHS.has(x.lower))) continue;
    const rest = () => coverageWithout(ctx, (u) => u.first >= p.name!.first && u.last <= p.name!.last);
    // The same event placed elsewhere: "a visit to Tucson" where the statement has "a visit to Phoenix",
    // even when the source names Phoenix for something else.
    const event = sameEventPlace(ctx, prepAt, nameTokens);
    if (event) {
      if (rest() < 0.6) continue;
      return placeFinding(ctx, p.name, event.s, event.m);
    }
    // "to" places only a journey, and only against the same journey (above): "spoke to Reyes" places nothing.
    if (prep.lower === 'to') continue;
    const claimed = view.mentions.find((m) => m.first <= p.name!.last && p.name!.first <= m.last);
    if (claimed && claimed.entity.kind !== 'organisation' && al.window.some((s) => s.entityIds.has(claimed.entity.id))) continue;
    // The source names the place too, if not as a place ("the City Hospital Westbury"), or spells
    // it otherwise ("Westbury", "Westbery"); a word that only stands inside the name of an
    // organisation ("Denver" in "The Denver Post") does not name the place.
    if (nameTokens.some((x) => x.kind === 'word' && al.window.some((s) => s.tokens.some((y, k) => (y.stem === x.stem || (y.capital && spelledAlike(x.lower, y.lower))) && !insideLongerName(s, k))))) continue;
    const places = al.window.flatMap((s) =>
      s.mentions
        .filter((m) => m.entity.kind === 'place' && ['in', 'at'].includes(s.tokens[m.first - 1]?.lower ?? ''))
        // Not a month, a day or a building ("in May", "at the Royal Palace").
        .filter((m) => !s.tokens.slice(m.first, m.last + 1).some((x) => FACILITY_WORDS.has(x.text) || WEEKDAYS.has(x.lower) || MONTHS.has(x.lower)))
        .map((m) => ({ s, m })),
    );
    // A place the statement names as well: "in the country, … 20 in its capital" narrows the place, it does not move it.
    if (places.some(({ s, m }) => view.mentions.some((c) => c.entity.id === m.entity.id) || s.tokens.slice(m.first, m.last + 1).some((x) => t.some((y) => y.capital && y.stem === x.stem)))) continue;
    if (!places.length) continue;
    if (rest() < 0.6) continue;
    return placeFinding(ctx, p.name, places[0].s, places[0].m);
  }
  return undefined;
};

/** Prepositions that place something: "in" and "at" a place, "to" a place travelled to. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to']);

function placeFinding(ctx: CheckContext, name: { text: string; first: number; last: number }, s: SentenceInfo, m: EntityMention): Finding {
  const t = ctx.view.tokens;
  const truth = refText(ctx.ref, { start: s.tokens[m.first].start, end: s.tokens[m.last].end });
  return {
    kind: 'contradicted',
    category: 'place',
    message: `The source places this in ${truth}, not ${name.text} (${para(s)}).`,
    focus: { start: t[name.first].start, end: t[name.last].end },
    replacement: truth,
    evidence: [s],
  };
}

/** Is token k of the sentence part of a longer name of an organisation ("Denver" in "The Denver Post")? */
function insideLongerName(s: SentenceInfo, k: number): boolean {
  return s.mentions.some((m) => m.first <= k && k <= m.last && m.last > m.first && m.entity.kind === 'organisation');
}

/**
 * The place the source gives for the same event as the statement's "<event> <prep> <place>": the same
 * noun or verb before the same preposition, then a place that is not the statement's.
 */
function sameEventPlace(ctx: CheckContext, prepAt: number, nameTokens: Token[]): { s: SentenceInfo; m: EntityMention } | undefined {
  const t = ctx.view.tokens;
  const head = t[prepAt - 1];
  if (!head || head.kind !== 'word' || head.capital || STOPWORDS.has(head.lower)) return undefined;
  for (const s of ctx.alignment.window) {
    for (let k = 0; k + 2 < s.tokens.length; k++) {
      if (s.tokens[k].stem !== head.stem || s.tokens[k + 1].lower !== t[prepAt].lower) continue;
      const at = s.tokens[k + 2].lower === 'the' ? k + 3 : k + 2;
      const m = s.mentions.find((x) => x.first === at && x.entity.kind === 'place');
      if (!m) continue;
      const words = s.tokens.slice(m.first, m.last + 1);
      if (words.some((x) => nameTokens.some((y) => y.stem === x.stem || spelledAlike(x.lower, y.lower)))) return undefined;
      return { s, m };
    }
  }
  return undefined;
}

const timeKind = (x: Token): string | undefined =>
  WEEKDAYS.has(x.lower) ? 'weekday' : MONTHS.has(x.lower) && x.capital && x.lower !== 'may' ? 'month' : undefined;

/** "beyond Sunday" when the source says "beyond Friday". */
export const checkTime: Check = (ctx) => {
  const { view, alignment: al } = ctx;
  for (const x of view.tokens) {
    const kind = timeKind(x);
    if (!kind) continue;
    // Months inside dates are compared with the whole date.
    if (kind === 'month' && view.amounts.some((q) => q.start <= x.start && x.end <= q.end)) continue;
    const inSource = al.window.flatMap((s) => s.tokens.filter((y) => timeKind(y) === kind).map((y) => ({ s, y })));
    if (!inSource.length || inSource.some(({ y }) => y.lower === x.lower)) continue;
    if (coverageWithout(ctx, (u) => u.start === x.start) < 0.5) continue;
    const { s, y } = inSource[0];
    return {
      kind: 'contradicted',
      category: 'time',
      message: `The source says ${y.text}, not ${x.text} (${para(s)}).`,
      focus: { start: x.start, end: x.end },
      replacement: y.text,
      evidence: [s],
    };
  }
  return undefined;
};

/** Share of the rest of a statement that must be backed for a count of the same thing to clash. */
const LOOSE_REST = 0.2;

/** Numbers, amounts, dates and years, with "more than", "under", "before" and the like. */
export const checkNumber: Check = (ctx): Finding | undefined => {
  const { view, alignment: al } = ctx;
  const claimQs = view.amounts;
  if (!claimQs.length) return undefined;
  const sourceQs = al.window.flatMap((s) => amounts(s.tokens).map((q) => ({ q, s })));
  if (!sourceQs.length) return undefined;
  const rest = coverageWithout(ctx, (u) => u.kind === 'number' || claimQs.some((q) => q.first <= u.first && u.first <= q.last));
  if (rest < LOOSE_REST) return undefined;
  for (const q of claimQs) {
    // Numbers that are part of a name or a range ("Season 2", "49ers", "2017-18") are not counts.
    const before = view.tokens[q.first - 1];
    const after = view.tokens[q.last + 1];
    if ((q.kind === 'plain' || q.kind === 'ordinal') && before?.capital && q.first > 1 && !MONTHS.has(before.lower)) continue;
    if (after && after.start === q.end && (after.kind === 'word' ? q.kind !== 'ordinal' : /^[-–]$/.test(after.text))) continue;
    const candidates = sourceQs.map((x) => ({ ...x, f: fit(q, x.q) }));
    // A date, or a bound ("under 40"), is backed by a fitting figure of the source unless another is
    // more clearly the one meant: any smaller figure fits "under 40".
    const timeLike = q.kind === 'date' || q.kind === 'year';
    const bound = q.cmp !== 'eq' && q.cmp !== 'approx';
    if (candidates.some((x) => x.f === 'yes' && (x.q.value === q.value || (!timeLike && !bound && sameContext(view.tokens, q, x.s.tokens, x.q))))) continue;
    if (timeLike || bound) {
      const overlap = candidates.map((x) => contextOverlap(view.tokens, q, x.s.tokens, x.q));
      const most = Math.max(0, ...overlap);
      if (candidates.some((x, k) => x.f === 'yes' && overlap[k] >= most)) continue;
    }
    // A source figure the statement gives elsewhere, word for word, is accounted for: it cannot also be
    // the one this figure misstates ("opened May 2 … closed May 9" against "May 9").
    const free = candidates.filter((x) => !claimQs.some((o) => o !== q && o.value === x.q.value && fit(o, x.q) === 'yes'));
    // Only a clash when the source's number is about the same thing as the statement's.
    const nearest = nearestAmount(q, view.tokens, free);
    if (!nearest || nearest.f !== 'no') continue;
    // Where little else of the statement is backed, only a count of the same named thing clashes
    // ("under 40 votes" against "42 counted votes"), not a date or a number taken by elimination.
    if (rest < 0.5 && (timeLike || !sameCounted(view.tokens, q, nearest.s.tokens, nearest.q))) continue;
    const { q: sq, s } = nearest;
    // As they show: an invisible character inside a number is no part of the wording.
    const sourceText = visibleText(refText(ctx.ref, { start: sq.start, end: sq.end }));
    const claimText = visibleText(ctx.text.slice(q.start, q.end));
    return {
      kind: 'contradicted',
      // A date or a year misstated is a wrong time, not a wrong count.
      category: timeLike ? 'time' : 'number',
      message:
        q.cmp === 'eq'
          ? `The source gives ${sourceText}, not ${claimText} (${para(s)}).`
          : `The source gives ${sourceText}, which does not fit “${ctx.text.slice(view.tokens[Math.max(0, q.first - 2)].start, q.end)}” (${para(s)}).`,
      focus: { start: q.start, end: q.end },
      replacement: q.cmp === 'eq' ? sourceText : undefined,
      evidence: [s],
    };
  }
  return undefined;
};

/** "French-made cranes" when the source calls them Danish; "American officials" for "European officials". */
export const checkOrigin: Check = (ctx) => {
  const { view, alignment: al, analysis: a } = ctx;
  const t = view.tokens;
  for (let i = 0; i < t.length - 1; i++) {
    if (!isNationalityWord(t[i], t[i + 1])) continue;
    const claimed = t[i].text;
    const mention = view.mentions.find((m) => m.first === i + 1 || (m.first === i + 2 && t[i + 1].lower.includes('-')));
    if (mention && mention.entity.nationality && mention.entity.kind !== 'person') {
      if (sameNationality(claimed, mention.entity.nationality, ctx.ref)) continue;
      const key = a.sentences[mention.entity.keySentence];
      return {
        kind: 'contradicted',
        category: 'origin',
        message: `The source gives ${mention.entity.name} as ${mention.entity.nationality}, not ${claimed.replace(/-\w+$/, '')} (${para(key)}).`,
        focus: { start: t[i].start, end: t[i].end },
        replacement: mention.entity.nationality,
        evidence: key ? [key] : undefined,
      };
    }
    const head = t[i + 1];
    if (head.capital || view.mentions.some((m) => m.first === i + 1)) continue;
    for (const s of al.window) {
      const j = s.tokens.findIndex((x, k) => k > 0 && x.stem === head.stem && isNationalityWord(s.tokens[k - 1], x));
      if (j < 0) continue;
      const sourceWord = s.tokens[j - 1].text;
      if (sameNationality(sourceWord, claimed, ctx.ref)) break;
      if (s.tokens.some((x) => sameNationality(x.text, claimed, ctx.ref))) break;
      if (coverageWithout(ctx, (u) => u.start === t[i].start) < 0.5) break;
      return {
        kind: 'contradicted',
        category: 'origin',
        message: `The source speaks of ${sourceWord} ${s.tokens[j].text}, not ${claimed} ${head.text} (${para(s)}).`,
        focus: { start: t[i].start, end: t[i].end },
        replacement: sourceWord,
        evidence: [s],
      };
    }
  }
  return undefined;
};

/** Two spellings of one name: the same but for one letter in five ("Westbury", "Westbery"). */
export function spelledAlike(x: string, y: string): boolean {
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 5 || Math.abs(x.length - y.length) > 2 || x[0] !== y[0]) return false;
  const limit = Math.floor(Math.max(x.length, y.length) / 5);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    if (Math.min(...row) > limit) return false;
    prev = row;
  }
  return prev[y.length] <= limit;
}
