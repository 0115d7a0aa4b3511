import { SPEECH_VERBS } from '../lexicon';
import type { EntityMention } from '../reference/analysis';
import type { Entity } from '../types';
import { covers } from './align';
import { coverageWithout, para, type Check, type CheckContext, type Finding } from './context';
import { sameNationality } from './nationality';

const words = (s: string) => s.toLowerCase().replace(/^the\s+/, '').split(/\s+/).filter(Boolean);

/** "Foreign Secretary Jane Doe" or "Jane Doe is the Foreign Secretary" against the office the source gives her. */
export const checkRole: Check = (ctx) => {
  const { view, analysis: a } = ctx;
  const t = view.tokens;
  for (const p of view.phrases) {
    if (!p.title) continue;
    let person: Entity | undefined;
    if (p.name) {
      person = mentionAt(view.mentions, p.name.first, p.name.last)?.entity;
    } else {
      // Copula or apposition: "Jane Doe is the X", "Jane Doe, the X,".
      const before = t.slice(Math.max(0, p.first - 3), p.first).map((x) => x.lower);
      const m = view.mentions.filter((x) => x.last < p.first && x.last >= p.first - 4 && x.entity.kind === 'person').pop();
      if (m && (before.includes('is') || before.includes('was') || before.includes(',') || before.includes('as'))) person = m.entity;
    }
    const claimedTitle = p.title.text;
    const claimedNat = p.nationality?.text;
    const claimedSpan = { start: t[(p.nationality ?? p.title).first].start, end: t[p.title.last].end };
    const claimed = [claimedNat, claimedTitle].filter(Boolean).join(' ');
    if (person?.kind === 'person' && person.office) {
      // Words of the office match as words or as names of the same country. A country word written into the title ("US Interior Secretary") may match the person's nationality;
      // case is kept, since "US" names a country and "us" does not.
      const raw = (x: string) => x.replace(/^the\s+/i, '').split(/\s+/).filter(Boolean);
      const same = (w: string, o: string) => w.toLowerCase() === o.toLowerCase() || sameNationality(w, o, ctx.ref);
      const known = [...raw(person.office), ...(person.nationality ? [person.nationality] : [])];
      const titleOk = raw(claimedTitle).every((w) => known.some((o) => same(w, o))) && words(person.office).includes(words(claimedTitle).pop() ?? '');
      const natOk = !claimedNat || !person.nationality || sameNationality(claimedNat, person.nationality, ctx.ref);
      if (titleOk && natOk) continue;
      const truth = [person.nationality, person.office].filter(Boolean).join(' ');
      const key = a.sentences[person.keySentence];
      return {
        kind: 'contradicted',
        category: 'role',
        message: `The source names ${person.name} as ${truth}, not ${claimed} (${para(key)}).`,
        focus: claimedSpan,
        replacement: truth,
        evidence: key ? [key] : undefined,
      };
    }
    if (!person && p.name && claimedNat) {
      // An office the source gives to someone else: "British Prime Minister John Smith".
      const office = ctx.ref.entities.find((e) => e.kind === 'office' && e.holder && e.name.toLowerCase() === claimed.toLowerCase());
      const holder = office && a.entityById.get(office.holder as string);
      if (holder) {
        const key = a.sentences[holder.keySentence];
        return {
          kind: 'contradicted',
          category: 'role',
          message: `The source names ${holder.name} as ${claimed}, not ${p.name.text} (${para(key)}).`,
          focus: { start: t[p.name.first].start, end: t[p.name.last].end },
          replacement: holder.name,
          evidence: key ? [key] : undefined,
        };
      }
    }
  }
  return undefined;
};

function mentionAt(mentions: EntityMention[], first: number, last: number): EntityMention | undefined {
  return mentions.find((m) => m.first <= last && first <= m.last);
}

/** The person a statement says acted or spoke: the first person named before its verb. */
function claimSubject(ctx: CheckContext): EntityMention | undefined {
  const persons = ctx.view.mentions.filter((m) => m.entity.kind === 'person');
  if (!persons.length) return undefined;
  const m = persons[0];
  const t = ctx.view.tokens;
  const firstWord = t.findIndex((x) => x.kind === 'word');
  const nearStart = m.first <= firstWord + 4;
  const speaks = t.slice(m.last + 1, m.last + 4).some((x) => SPEECH_VERBS.has(x.lower));
  return nearStart || speaks ? m : undefined;
}

/** "Jane said X" when the source has someone else say X. */
export const checkAttribution: Check = (ctx): Finding | undefined => {
  const subject = claimSubject(ctx);
  if (!subject) return undefined;
  const { view, alignment: al } = ctx;
  // The sentence that says the rest of the statement is the one whose speaker counts: a passage of two
  // sentences may name the statement's subject in the other ("X warned …; Y argued …").
  const rest = view.units.filter((u) => u.entityId !== subject.entity.id);
  const total = rest.reduce((n, u) => n + u.weight, 0) || 1;
  const said = al.window.map((s) => rest.reduce((n, u) => n + (covers(u, view.tokens, [s]) ? u.weight : 0), 0) / total);
  const best = said.indexOf(Math.max(...said));
  const main = al.window[best];
  if (!main || main.entityIds.has(subject.entity.id)) return undefined;
  if (said[best] < 0.6 && coverageWithout(ctx, (u) => u.entityId === subject.entity.id) < 0.6) return undefined;
  const others = main.mentions.filter((m) => m.entity.kind === 'person' && m.entity.id !== subject.entity.id);
  if (!others.length) return undefined;
  // Other people named in the statement are not the swap ("talks with the mayor").
  const claimIds = new Set(view.mentions.map((m) => m.entity.id));
  const actor = others.find((m) => !claimIds.has(m.entity.id));
  if (!actor) return undefined;
  const t = view.tokens;
  const written = t.slice(subject.first, subject.last + 1).map((x) => x.text).join(' ');
  const short = written.split(/\s+/).length === 1;
  const replacement = short ? actor.entity.name.split(/\s+/).pop() ?? actor.entity.name : actor.entity.name;
  return {
    kind: 'contradicted',
    category: 'attribution',
    message: `The source attributes this to ${actor.entity.name}, not ${subject.entity.name} (${para(main)}).`,
    focus: { start: t[subject.first].start, end: t[subject.last].end },
    replacement: /['’]s$/.test(written) ? `${replacement}’s` : replacement,
    evidence: [main],
  };
};

