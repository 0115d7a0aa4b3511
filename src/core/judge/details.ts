import { FACILITY_WORDS, MONTHS, WEEKDAYS } from '../lexicon';
import { isNationalityWord } from '../reference/entities';
import { quantities, type Quantity, type Token } from '../text/tokens';
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

type Comparator = 'gt' | 'ge' | 'lt' | 'le' | 'approx' | 'eq' | 'before' | 'after';

function comparatorBefore(tokens: Token[], q: Quantity): Comparator {
  const w = tokens
    .slice(Math.max(0, q.first - 3), q.first)
    .map((t) => t.lower)
    .join(' ');
  if (/(more than|over|above|exceeding|greater than|upwards of|in excess of)$/.test(w)) return 'gt';
  if (/(at least|no less than|no fewer than|minimum of)$/.test(w)) return 'ge';
  if (/(less than|fewer than|under|below|short of)$/.test(w)) return 'lt';
  if (/(at most|no more than|up to|maximum of|not more than)$/.test(w)) return 'le';
  if (/(nearly|almost|about|around|approximately|roughly|some|close to|just under|just over|estimated)$/.test(w)) return 'approx';
  if (/(before|until|prior to|by)$/.test(w)) return 'before';
  if (/(after|since|following)$/.test(w)) return 'after';
  return 'eq';
}

function satisfies(claim: number, cmp: Comparator, source: number): boolean {
  switch (cmp) {
    case 'gt':
      return source > claim;
    case 'ge':
      return source >= claim;
    case 'lt':
    case 'before':
      return source < claim;
    case 'le':
      return source <= claim;
    case 'after':
      return source > claim;
    case 'approx':
      return Math.abs(source - claim) <= Math.max(1, Math.abs(claim) * 0.1);
    case 'eq':
      return source === claim || roundsTo(source, claim);
  }
}

// "17 million" for 17.1 million; "42%" for 42.4%.
function roundsTo(source: number, claim: number): boolean {
  if (claim === 0) return source === 0;
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(claim)));
  const step = Number.isInteger(claim / magnitude) ? magnitude / 10 : magnitude / 100;
  return Math.abs(source - claim) < Math.max(step, Math.abs(claim) * 0.01) && Math.abs(source - claim) / Math.abs(claim) < 0.05;
}

/** Numbers, amounts and years, with "more than", "under", "before" and the like. */
export const checkNumber: Check = (ctx): Finding | undefined => {
  const { view, al } = ctx;
  const claimQs = quantities(view.tokens);
  if (!claimQs.length) return undefined;
  const sourceQs = al.window.flatMap((s) => quantities(s.tokens).map((q) => ({ q, s })));
  if (!sourceQs.length) return undefined;
  if (coverageWithout(ctx, (u) => u.kind === 'number') < 0.5) return undefined;
  for (const q of claimQs) {
    const cmp = comparatorBefore(view.tokens, q);
    const claimNext = view.tokens[q.last + 1]?.stem;
    const claimPrev = view.tokens[q.first - 1]?.stem;
    const candidates = sourceQs.filter(({ q: sq, s }) => sameUnit(view.tokens, q, s.tokens, sq));
    const aligned = candidates.filter(({ q: sq, s }) => {
      const next = s.tokens[sq.last + 1]?.stem;
      const prev = s.tokens[sq.first - 1]?.stem;
      return (next && next === claimNext) || (prev && prev === claimPrev && prev !== 'the');
    });
    const pool = aligned.length ? aligned : candidates;
    if (!pool.length) continue;
    if (pool.some(({ q: sq }) => satisfies(q.value, cmp, sq.value))) continue;
    // Only a clash when the source's number is about the same thing as the statement's.
    if (!aligned.length && pool.length > 1) continue;
    const { q: sq, s } = pool[0];
    const sourceText = refText(ctx.ref, { start: sq.start, end: sq.end });
    const claimText = ctx.text.slice(q.start, q.end);
    return {
      verdict: 'contradicted',
      category: 'number',
      message:
        cmp === 'eq'
          ? `The source gives ${sourceText}, not ${claimText} (${para(s)}).`
          : `The source gives ${sourceText}, which does not fit “${ctx.text.slice(view.tokens[Math.max(0, q.first - 2)].start, q.end)}” (${para(s)}).`,
      focus: { start: q.start, end: q.end },
      replacement: cmp === 'eq' ? sourceText : undefined,
      evidence: [s],
    };
  }
  return undefined;
};

function sameUnit(ct: Token[], cq: Quantity, st: Token[], sq: Quantity): boolean {
  const money = (ts: Token[], q: Quantity) => ts[q.first].text.startsWith('$') || ts[q.first - 1]?.text === '$' || /^[£€¥]$/.test(ts[q.first - 1]?.text ?? '');
  const pct = (ts: Token[], q: Quantity) => ts[q.last].text.endsWith('%') || ts[q.last + 1]?.lower === 'percent' || ts[q.last + 1]?.text === '%';
  const year = (q: Quantity) => Number.isInteger(q.value) && q.value >= 1000 && q.value <= 2200;
  return money(ct, cq) === money(st, sq) && pct(ct, cq) === pct(st, sq) && year(cq) === year(sq);
}

/** "French-made Storm Shadows" when the source calls them British; "American officials" for "European officials". */
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
