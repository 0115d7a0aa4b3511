// Which language a statement is written in, behind one small module so the detector can be swapped.
// `tinyld` (MIT) detects the language; only statements it is sure are not English are set aside.
import { lemmas } from '../language/wordnet';

// A few English function words: two of them in a statement's lower-case words settle it as English
// without asking the detector (a fast path, and a guard against names fooling it), never the reverse.
const ENGLISH_GUARD = new Set(
  ('the and of was were is are said says that with has have had from would will which after for by his her their not this they been ' +
    'to be he she it its an who but about more than could should over into also when what there our we').split(' '),
);

// English function words (the guard's and more). A word that is one is English even when another
// language also has it ("a", "in", "on", "was"): short English headlines are full of them.
const ENGLISH_FUNCTION = new Set([
  ...ENGLISH_GUARD,
  ...('a an in on at as or so no i you me him them us my your do did does can may might must up out off then these those who whom where why how ' +
    'all any some if until while before against under between through during without again very just only now here amid near per via yet nor each its').split(' '),
]);

// Function words (articles, pronouns, prepositions, conjunctions, auxiliaries, negations, common
// adverbs, weekdays written lower-case) of the languages drafts most often mix with English, less
// the English function words. They are what a short statement's language shows in: WordNet knows
// many of them as English words ("den", "die", "la", "est"), so they are never counted as English.
const FUNCTION_WORDS: Record<string, string> = {
  de: 'der die das den dem des ein eine einer einem einen eines und oder aber nicht kein keine keinen ist sind war waren wird werden wurde wurden hat haben hatte hatten ich du er sie es wir ihr mit von zu zum zur im am vom beim auf aus bei nach für über unter vor seit gegen ohne durch auch noch schon sehr nur wieder gestern heute dass wie wo wer als sich mehr vorbei zurück nichts nie doch dann denn weil ob',
  fr: 'le la les un une des du de au aux et ou mais ne pas est sont était étaient ont ai avait été sera il elle ils elles nous vous je ce cette ces son sa ses leur leurs dans sur sous avec pour par sans chez entre qui que quoi dont où très aussi plus hier aujourd demain lundi mardi mercredi jeudi vendredi samedi dimanche rien jamais',
  es: 'el la los las un una unos unas y o pero es son fue fueron era está están estaba ha han había hubo hay de del al en con por para sin sobre entre que quien cuando donde muy también más ayer hoy ella ellos ellas nosotros su sus se lo le les ni lunes martes miércoles jueves viernes sábado domingo nada nunca sigue siguen',
  it: 'il lo la i gli le un uno una e ed o ma non è sono era erano ha hanno ho di del della dello dei degli delle al alla allo ai alle nel nella nei nelle con per tra fra su da dal dalla che chi dove molto anche più ieri oggi nessun nessuna suo sua suoi loro si ci lunedì martedì mercoledì giovedì venerdì sabato domenica niente mai restano resta',
  pt: 'o a os as um uma uns umas e ou mas não é são foi foram era está estão estava tem têm há houve de do da dos das no na nos nas em com por para sem sobre entre que quem onde muito também mais ontem hoje ele ela eles elas seu sua seus suas segunda terça quarta quinta sexta sábado domingo nada nunca continua continuam ficou',
  nl: 'de het een en of maar niet geen is zijn waren wordt werd werden hebben heeft ik jij hij zij wij ze er van op aan met voor door bij naar uit over onder tussen dat die wie waar ook nog al zeer heel gisteren vandaag terug weer maandag dinsdag woensdag donderdag vrijdag zaterdag zondag niets nooit blijven blijft',
};
const FOREIGN = new Map<string, string[]>();
for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
  for (const w of list.split(' ')) {
    if (ENGLISH_FUNCTION.has(w)) continue;
    const langs = FOREIGN.get(w);
    if (langs) langs.push(lang);
    else FOREIGN.set(w, [lang]);
  }
}

/** Fewest lower-case words (names left out) the detector must have to go on. */
const MIN_WORDS = 4;

// The detector's language profiles take about 150 ms to load: required only when a statement is not
// settled as English by its words, which most drafts never need.
let detector: typeof import('tinyld').detectAll | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const detectAll = (text: string) => (detector ??= (require('tinyld') as typeof import('tinyld')).detectAll)(text);
const MIN_LETTERS = 12;

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
/** How many letters `text` has, and how many of them are Latin, counted in one pass (ASCII without a regex). */
function letterCounts(text: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        latin++;
      }
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER.test(ch)) {
      letters++;
      if (LATIN.test(ch)) latin++;
    }
  }
  return { letters, latin };
}

/**
 * The ISO 639-1 code of the language `text` (a statement) is written in, when it is confidently not
 * English; undefined when it is English or too short or too full of names to tell. Names mislead
 * detectors ("Wojciech met Zbigniew in Łódź" reads as Polish), so the words starting with a capital
 * are left out, and both the whole statement and its lower-case words must be detected as the same
 * other language.
 */
export function nonEnglishLanguage(text: string): string | undefined {
  // Keys, handles and cross-references ("@fig-map") are no words of any language.
  text = text.replace(/[@#][\p{L}\p{N}_{][^\s,;\])]*/gu, ' ');
  // Mostly letters of another script (Japanese, Chinese, Cyrillic, Arabic…): not English, whatever the
  // detector says of so few space-separated words; "und" (undetermined) when it cannot name the language.
  const { letters, latin } = letterCounts(text);
  if (letters >= 4) {
    if (latin * 2 < letters) {
      const top = detectAll(text)[0]?.lang;
      return top && top !== 'en' ? top : 'und';
    }
  }
  // Plain ASCII (most English prose): the same words and capitals by cheaper, ASCII-only patterns.
  const ascii = !/[^\x00-\x7f]/.test(text);
  const words = (ascii ? text.match(/[A-Za-z][A-Za-z'-]*/g) : text.match(/[\p{L}][\p{L}'’-]*/gu)) ?? [];
  const lower = ascii ? words.filter((w) => !(w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90)) : words.filter((w) => !/^\p{Lu}/u.test(w));
  let guard = 0;
  for (const w of lower) if (ENGLISH_GUARD.has(w) && ++guard >= 2) return undefined;
  // The first word is capitalised as the sentence's first, not as a name, when it is a function word.
  const [first = ''] = words;
  const opener = first.toLowerCase();
  const counted = /^\p{Lu}/u.test(first) && (ENGLISH_FUNCTION.has(opener) || FOREIGN.has(opener)) ? [opener, ...lower] : lower;
  const byWords = functionWordLanguage(text, counted);
  if (byWords) return byWords;
  if (lower.length < MIN_WORDS || lower.join('').length < MIN_LETTERS) return undefined;
  // Short statements with few function words fool the detector ("Officials placed sandbags along
  // embankments" reads as Indonesian): when at least half the lower-case words are English words by
  // WordNet (another language's function words never count as English), the statement is English.
  let known = 0;
  for (const w of lower) if (ENGLISH_FUNCTION.has(w) || (!FOREIGN.has(w) && lemmas(w).length > 0)) known++;
  if (known * 2 >= lower.length) return undefined;
  const rest = detectAll(lower.join(' '));
  const top = rest[0]?.lang;
  if (!top || top === 'en') return undefined;
  const whole = detectAll(text)[0]?.lang;
  return whole === top ? top : undefined;
}

/**
 * The language of a statement by its words, for statements too short for the detector ("Der Streik
 * ist vorbei", "La grève continue"). Each of `words` (lower-case, names left out) is an English
 * function word, another language's function word (FUNCTION_WORDS), another English word by WordNet,
 * or unknown. The statement is not English when it has another language's function word and those
 * with the unknown words outnumber the English ones; its language is the one whose function words it
 * holds most (ties broken by the detector's ranking). Undefined otherwise.
 */
function functionWordLanguage(text: string, words: readonly string[]): string | undefined {
  if (words.length < 2) return undefined;
  let english = 0;
  let foreign = 0;
  let unknown = 0;
  const hits = new Map<string, number>();
  for (const raw of words) {
    const w = raw.toLowerCase().replace(/['’].*$/, '');
    const langs = ENGLISH_FUNCTION.has(w) ? undefined : FOREIGN.get(w);
    if (ENGLISH_FUNCTION.has(w)) english++;
    else if (langs) {
      foreign++;
      for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + 1);
    } else if (lemmas(w).length > 0) english++;
    else unknown++;
  }
  if (!foreign || foreign + unknown <= english) return undefined;
  const most = Math.max(...hits.values());
  const best = [...hits].filter(([, n]) => n === most).map(([l]) => l);
  if (best.length === 1) return best[0];
  const ranked = detectAll(text).map((r) => r.lang).find((l) => best.includes(l));
  return ranked ?? best[0];
}
