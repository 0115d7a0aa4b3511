import { FACILITY_WORDS, MONTHS, WEEKDAYS } from '../lexicon';
import { isNationalityWord } from '../reference/entities';
import type { Token } from '../text/tokens';
import { nearestAmount } from './align';
import { amounts, fit, sameContext } from './numbers';
import { coverageWithout, para, refText, type Check, type Finding } from './context';
import { sameNationality } from './nationality';

/** "in Berlin" when the source puts it in another place. */
export const checkPlace: Check = (ctx) => {
  const { view, al } = ctx;
  const t = view.tokens;
  for (const p of view.phrases) {
    const prep = t[p.first - 1]?.lower === 'the' ? t[p.first - 2] : t[p.first - 1];
    if (!prep || (prep.lower !== 'in' && prep.lower !== 'at')) continue;
    if (p.title || !p.name) continue;
    const nameTokens = t.slice(p.name.first, p.name.last + 1);
    if (nameTokens.some((x) => FACILITY_WORDS.has(x.text) || WEEKDAYS.has(x.lower) || MONTHS.has(x.lower))) continue;
    const claimed = view.mentions.find((m) => m.first <= p.name!.last && p.name!.first <= m.last);
    if (claimed && al.window.some((s) => s.entityIds.has(claimed.entity.id))) continue;
    const sourcePlaces = al.window.flatMap((s) =>
      s.mentions
        .filter((m) => m.entity.kind === 'place' && ['in', 'at'].includes(s.tokens[m.first - 1]?.lower ?? ''))
        .map((m) => ({ s, m })),
    );
    if (!sourcePlaces.length) continue;
    const rest = coverageWithout(ctx, (u) => u.first >= p.name!.first && u.last <= p.name!.last);
    if (rest < 0.6) continue;
    const { s, m } = sourcePlaces[0];
    const truth = refText(ctx.ref, { start: s.tokens[m.first].start, end: s.tokens[m.last].end });
    return {
      verdict: 'contradicted',
      category: 'place',
      message: `The source places this in ${truth}, not ${p.name.text} (${para(s)}).`,
      focus: { start: t[p.name.first].start, end: t[p.name.last].end },
      replacement: truth,
      evidence: [s],
    };
  }
  return undefined;
};

const timeKind = (x: Token): string | undefined =>
  WEEKDAYS.has(x.lower) ? 'weekday' : MONTHS.has(x.lower) && x.capital && x.lower !== 'may' ? 'month' : undefined;

/** "beyond Sunday" when the source says "beyond Friday". */
export const checkTime: Check = (ctx) => {
  const { view, al } = ctx;
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
      verdict: 'contradicted',
      category: 'time',
      message: `The source says ${y.text}, not ${x.text} (${para(s)}).`,
      focus: { start: x.start, end: x.end },
      replacement: y.text,
      evidence: [s],
    };
  }
  return undefined;
};

/** Numbers, amounts, dates and years, with "more than", "under", "before" and the like. */
export const checkNumber: Check = (ctx): Finding | undefined => {
  const { view, al } = ctx;
  const claimQs = view.amounts;
  if (!claimQs.length) return undefined;
  const sourceQs = al.window.flatMap((s) => amounts(s.tokens).map((q) => ({ q, s })));
  if (!sourceQs.length) return undefined;
  if (coverageWithout(ctx, (u) => u.kind === 'number' || claimQs.some((q) => q.first <= u.first && u.first <= q.last)) < 0.5) return undefined;
  for (const q of claimQs) {
    // Numbers that are part of a name or a range ("Season 2", "49ers", "2017-18") are not counts.
    const before = view.tokens[q.first - 1];
    const after = view.tokens[q.last + 1];
    if ((q.kind === 'plain' || q.kind === 'ordinal') && before?.capital && q.first > 1 && !MONTHS.has(before.lower)) continue;
    if (after && after.start === q.end && (after.kind === 'word' ? q.kind !== 'ordinal' : /^[-–]$/.test(after.text))) continue;
    const candidates = sourceQs.map((x) => ({ ...x, f: fit(q, x.q) }));
    if (candidates.some((x) => x.f === 'yes' && (x.q.value === q.value || sameContext(view.tokens, q, x.s.tokens, x.q)))) continue;
    // Only a clash when the source's number is about the same thing as the statement's.
    const nearest = nearestAmount(q, view.tokens, candidates);
    if (!nearest || nearest.f !== 'no') continue;
    const { q: sq, s } = nearest;
    const sourceText = refText(ctx.ref, { start: sq.start, end: sq.end });
    const claimText = ctx.text.slice(q.start, q.end);
    return {
      verdict: 'contradicted',
      category: 'number',
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
  const { view, al, a } = ctx;
  const t = view.tokens;
  for (let i = 0; i < t.length - 1; i++) {
    if (!isNationalityWord(t[i], t[i + 1])) continue;
    const claimed = t[i].text;
    const mention = view.mentions.find((m) => m.first === i + 1 || (m.first === i + 2 && t[i + 1].lower.includes('-')));
    if (mention && mention.entity.nationality && mention.entity.kind !== 'person') {
      if (sameNationality(claimed, mention.entity.nationality, ctx.ref)) continue;
      const key = a.sentences[mention.entity.keySentence];
      return {
        verdict: 'contradicted',
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
        verdict: 'contradicted',
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
