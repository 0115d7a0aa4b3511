import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countriesOf, countryOf, isNationality, sameCountry } from '../../src/core/language/countries';
import { antonyms, areOpposites, broader, derivations, directAntonyms, irregularBase, lemmas, narrower, related, sameAs, synonyms } from '../../src/core/language/wordnet';
import { relatedStems, stemOf } from '../../src/core/text/tokens';
import { loadReference } from '../../src/core/reference/load';
import { analyse } from '../../src/core/reference/analysis';
import { coveringSentences, covers, viewClaim } from '../../src/core/judge/align';
import { sameNationality } from '../../src/core/judge/nationality';

describe('wordnet: base forms', () => {
  it('undoes irregular inflections through the exception lists', () => {
    assert.deepEqual(lemmas('swam'), ['swim']);
    assert.deepEqual(lemmas('mice'), ['mouse']);
    assert.ok(lemmas('taught').includes('teach'));
  });
  it('undoes regular inflections with the suffix rules', () => {
    assert.deepEqual(lemmas('carried'), ['carry']);
    assert.ok(lemmas('happier').includes('happy'));
    assert.ok(lemmas('explanations').includes('explanation'));
    assert.ok(lemmas('Marrying').includes('marry'));
  });
  it('keeps a word that is a base form itself first', () => {
    assert.equal(lemmas('fastest')[0], 'fastest');
    assert.ok(lemmas('fastest').includes('fast'));
  });
  it('gives the one base of an irregular form that is no word of its own', () => {
    assert.equal(irregularBase('swam'), 'swim');
    assert.equal(irregularBase('feet'), 'foot');
    assert.equal(irregularBase('sank'), 'sink');
    // "found" is also to found a company; "leaves" is also a form of "leave": left alone.
    assert.equal(irregularBase('found'), undefined);
    assert.equal(irregularBase('leaves'), undefined);
    assert.equal(irregularBase('walked'), undefined);
    // The tokenizer stems the base, so "swam" and "swimming" meet.
    assert.equal(stemOf('swam'), stemOf('swimming'));
  });
  it('ships the irregular forms apart, exactly those of the exception lists with one base that is the form’s only reading', () => {
    // The small table stemming loads (wordnet-forms.json) against the exception lists of the whole subset.
    const data = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../src/core/language/data', name), 'utf8'));
    const whole = data('wordnet.json') as { exceptions: string };
    const entries = whole.exceptions.split(';').map((e) => e.split(' '));
    const forms = new Set(entries.map(([form]) => form));
    let count = 0;
    for (const form of forms) {
      const own = entries.filter(([f]) => f === form);
      const bases = new Set(own.flatMap(([, , ...ids]) => ids));
      const single = own.flatMap(([, , ...ids]) => ids).length === 1;
      const plain = own.every(([, tag]) => !tag.endsWith('*')) && own.some(([, tag]) => tag === 'v' || tag === 'n');
      const base = irregularBase(form);
      if (single && plain) {
        count++;
        assert.ok(base && lemmas(form).includes(base), `${form} → ${base}`);
        assert.equal(bases.size, 1);
      } else assert.equal(base, undefined, form);
    }
    assert.ok(count > 1000, `${count} irregular forms`);
    assert.equal((data('wordnet-forms.json') as { forms: string }).forms.split(';').length, count);
  });
  it('ships its word list strictly sorted as JavaScript compares strings (the loader finds words by binary search)', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../src/core/language/data/wordnet.json'), 'utf8')) as { words: string };
    let prev = '';
    let last = '';
    for (const code of raw.words.split(' ')) {
      prev = prev.slice(0, parseInt(code[0], 36)) + code.slice(1);
      assert.ok(last < prev || last === '', `${last} before ${prev}`);
      last = prev;
    }
    // And every word is found as itself.
    assert.equal(lemmas(last)[0], last);
  });
  it('gives nothing for unknown words', () => {
    assert.deepEqual(lemmas('blorptastic'), []);
    assert.deepEqual(lemmas(''), []);
  });
});

describe('wordnet: relations', () => {
  it('finds synonyms in frequent senses', () => {
    assert.ok(synonyms('purchase').has('buy'));
    assert.ok(synonyms('marry').has('wed'));
    assert.ok(synonyms('commence').has('begin'));
  });
  it('does not join words through a rare sense of one of them', () => {
    // "die" has "go" among its synonyms only in a rare sense of "go".
    assert.ok(!synonyms('die').has('go'));
    assert.ok(!synonyms('go').has('die'));
  });
  it('finds antonyms, direct and through similar adjectives', () => {
    assert.ok(antonyms('begin').has('end'));
    assert.ok(antonyms('arrive').has('leave'));
    assert.ok(antonyms('cheap').has('expensive'));
    // "enormous" is similar to "large", whose antonym is "small".
    assert.ok(antonyms('enormous').has('small'));
  });
  it('finds derivations across parts of speech', () => {
    assert.ok(derivations('explain').has('explanation'));
    assert.ok(derivations('marry').has('marriage'));
    assert.ok(derivations('arrival').has('arrive'));
  });
  it('relates words in any inflected form', () => {
    assert.equal(related('arrived', 'arrival'), 'same');
    assert.equal(related('explanation', 'explained'), 'same');
    assert.equal(related('purchased', 'buying'), 'same');
    assert.equal(related('teaching', 'taught'), 'same');
    assert.equal(related('wetter', 'dry'), 'opposite');
    assert.equal(related('began', 'ended'), 'opposite');
    assert.ok(areOpposites('cheaper', 'expensive'));
    // Through a similar adjective: an antonym, but not a direct one.
    assert.equal(related('enormous', 'small'), 'opposite');
    assert.ok(!areOpposites('enormous', 'small'));
    assert.ok(!directAntonyms('enormous').has('small'));
  });
  it('leaves unrelated and unknown words alone', () => {
    assert.equal(related('teacher', 'potato'), undefined);
    assert.equal(related('blorptastic', 'fast'), undefined);
    assert.equal(synonyms('blorptastic').size, 0);
    assert.equal(antonyms('blorptastic').size, 0);
    assert.equal(derivations('blorptastic').size, 0);
    assert.equal(sameAs('blorptastic').size, 0);
  });
  it('finds broader and narrower words one step apart', () => {
    assert.ok(broader('enormous').has('large'));
    assert.ok(narrower('large').has('enormous'));
    assert.ok(broader('sprint').has('run'));
    assert.ok(!broader('run').has('sprint'));
  });
  it('gathers the words that say what an inflected word says', () => {
    const s = sameAs('purchased');
    assert.ok(s.has('purchase') && s.has('buy') && s.has('purchaser'));
    // A narrower word says the broader one, not the reverse.
    assert.ok(sameAs('ran').has('sprint'));
    assert.ok(!sameAs('sprinted').has('run'));
  });
  it('gives the tokenizer the stems of those words', () => {
    assert.ok(relatedStems('explained').includes(stemOf('explanation')));
    assert.ok(!relatedStems('explained').includes(stemOf('explained')));
    assert.deepEqual(relatedStems('blorptastic'), []);
    assert.deepEqual(relatedStems('42'), []);
  });
});

describe('countries', () => {
  it('knows names, short forms, official names and accents', () => {
    assert.equal(countryOf('Norway'), 'NOR');
    assert.equal(countryOf('the Netherlands'), 'NLD');
    assert.equal(countryOf('Britain'), 'GBR');
    assert.equal(countryOf('America'), 'USA');
    assert.equal(countryOf('Federative Republic of Brazil'), 'BRA');
    assert.equal(countryOf("Cote d'Ivoire"), 'CIV');
    assert.equal(countryOf('Côte d’Ivoire'), 'CIV');
    assert.equal(countryOf("Kenya's"), 'KEN');
  });
  it('knows codes with and without dots, in capitals only', () => {
    assert.equal(countryOf('US'), 'USA');
    assert.equal(countryOf('U.S.'), 'USA');
    assert.equal(countryOf('UK'), 'GBR');
    assert.equal(countryOf('U.K.'), 'GBR');
    assert.equal(countryOf('NZ'), 'NZL');
    assert.equal(countryOf('us'), undefined);
    assert.equal(countryOf('in'), undefined);
  });
  it('knows demonyms, singular and plural', () => {
    assert.equal(countryOf('Canadian'), 'CAN');
    assert.equal(countryOf('Americans'), 'USA');
    assert.equal(countryOf('British'), 'GBR');
    assert.equal(countryOf('Icelanders'), 'ISL');
    assert.ok(isNationality('Peruvian'));
    assert.ok(isNationality('Dutch'));
    assert.ok(!isNationality('Peru'));
    assert.ok(!isNationality('table'));
  });
  it('tells whether two phrases name the same country', () => {
    assert.ok(sameCountry('U.S.', 'American'));
    assert.ok(sameCountry('Britain', 'UK'));
    assert.ok(sameCountry('Holland', 'Dutch'));
    assert.ok(!sameCountry('Austrian', 'Australia'));
    assert.ok(!sameCountry('Atlantis', 'Atlantis'));
    // A demonym shared by two countries names either.
    assert.ok(countriesOf('Congolese').length === 2);
  });
  it('unknown phrases name nothing', () => {
    assert.equal(countryOf('Narnia'), undefined);
    assert.equal(countryOf(''), undefined);
  });
  it('drives the judge’s nationality test', () => {
    assert.ok(sameNationality('U.K.', 'British', undefined));
    assert.ok(sameNationality('Canadian-made', 'Canada', undefined));
    assert.ok(sameNationality('E.U.', 'European Union', undefined));
    assert.ok(!sameNationality('Swedish', 'Swiss', undefined));
  });
});

describe('language modules load lazily', () => {
  it('parses no data when imported, only on first use', () => {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const script =
      "require('./src/core/language/wordnet');require('./src/core/language/countries');" +
      "const loaded=()=>Object.keys(require.cache).filter((k)=>k.endsWith('.json')&&k.includes('language')).length;" +
      "const before=loaded();require('./src/core/language/wordnet').lemmas('x');require('./src/core/language/countries').countryOf('x');" +
      'console.log(before, loaded())';
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' }).trim();
    assert.equal(out, '0 2');
  });
});

describe('WordNet in alignment', () => {
  const ref = loadReference(
    'The parish council approved a proposal to widen the towpath along the canal. An old oak by the lock will be felled in April.',
    { key: 'towpath', title: 'Towpath', path: 'towpath.md' },
  );
  const covered = (claim: string, word: string) => {
    const view = viewClaim(claim, 0, claim.length, ref);
    const u = view.units.find((x) => x.text === word);
    assert.ok(u, `no unit “${word}” in ${view.units.map((x) => x.text).join('|')}`);
    const a = analyse(ref);
    const viaIndex = coveringSentences(u, view.tokens, a);
    const direct = a.sentences.flatMap((s, k) => (covers(u, view.tokens, [s]) ? [k] : []));
    assert.deepEqual([...viaIndex], direct, 'the index and covers() agree');
    return direct.length > 0;
  };
  it('takes a derived word for the same ("approval" / "approved")', () => {
    assert.ok(covered('The council gave its approval to widening the towpath.', 'approval'));
  });
  it('takes a broader word as said by a narrower one ("tree" / "oak"), not the reverse', () => {
    assert.ok(covered('A tree by the lock will be felled.', 'tree'));
    assert.ok(!covered('An old willow will be felled.', 'willow'));
  });
  it('leaves unrelated words uncovered', () => {
    assert.ok(!covered('The council rejected a bridge.', 'bridge'));
  });
});
