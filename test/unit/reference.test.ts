import { strict as assert } from 'node:assert';
import { builtinReferences } from '../../src/builtin';
import { InputError, loadReference, lookupTerm, type Entity, type Reference } from '../../src/core';

const entity = (ref: Reference, name: string): Entity => {
  const e = ref.entities.find((x) => x.name === name);
  assert.ok(e, `no entity named ${name}; have ${ref.entities.map((x) => x.name).join(', ')}`);
  return e;
};

describe('reading the built-in reference', () => {
  const [ref] = builtinReferences();

  it('keeps the article text byte for byte and numbers paragraphs without the credit line', () => {
    assert.ok(ref.text.endsWith('Sources By Agencies'));
    assert.equal(ref.paragraphs.length, 6);
    for (const p of ref.paragraphs) assert.equal(ref.text.slice(p.start, p.end), p.text);
    for (const s of ref.sentences) assert.equal(ref.text.slice(s.start, s.end), s.text);
  });

  it('finds people with their office and nationality from the text', () => {
    const pm = entity(ref, 'Keir Starmer');
    assert.equal(pm.kind, 'person');
    assert.equal(pm.office, 'Prime Minister');
    assert.equal(pm.nationality, 'British');
    assert.ok(pm.aliases.includes('Starmer'));
    assert.deepEqual(pm.paragraphs, [1, 6]);
    const sec = entity(ref, 'Antony Blinken');
    assert.equal(sec.office, 'Secretary of State');
    assert.equal(sec.nationality, 'U.S.');
  });

  it('links offices to their holders and nationality words to places', () => {
    const office = entity(ref, 'British Foreign Secretary');
    assert.equal(office.kind, 'office');
    assert.equal(office.holder, entity(ref, 'David Lammy').id);
    assert.ok(entity(ref, 'Ukraine').aliases.includes('Ukrainian'));
    assert.ok(entity(ref, 'United States').aliases.includes('U.S.'));
    assert.equal(entity(ref, 'Washington, D.C.').kind, 'place');
    assert.equal(entity(ref, 'New York Times').kind, 'organisation');
    assert.equal(entity(ref, 'Storm Shadow').nationality, 'British');
  });

  it('every mention points at the entity’s words', () => {
    for (const e of ref.entities) {
      for (const m of e.mentions) {
        const said = ref.text.slice(m.start, m.end).toLowerCase();
        assert.ok([e.name, ...e.aliases].some((f) => said.startsWith(f.toLowerCase().slice(0, 4))), `${said} for ${e.name}`);
      }
    }
  });

  it('finds a name under the cursor in a draft by any alias', () => {
    const draft = 'We spoke to Lammy on the phone.';
    const hit = lookupTerm([ref], draft, draft.indexOf('Lammy') + 2);
    assert.equal(hit?.entity.name, 'David Lammy');
    assert.equal(draft.slice(hit!.span.start, hit!.span.end), 'Lammy');
    assert.equal(lookupTerm([ref], draft, draft.indexOf('phone')), undefined);
  });
});

describe('reading any reference', () => {
  it('extracts entities from an article on another topic', () => {
    const text = 'Harbour Mayor Elena Vasquez said on Tuesday that the bridge would close. Transport Commissioner Rahul Mehta warned that repairs may cost more.\n\nVasquez met engineers from the Danish firm Nordvik in Port Alden.';
    const ref = loadReference(text, { key: 'h', title: 'H', path: 'h.md' });
    const mayor = ref.entities.find((e) => e.name === 'Elena Vasquez');
    assert.equal(mayor?.kind, 'person');
    assert.equal(mayor?.office, 'Harbour Mayor');
    assert.ok(mayor?.aliases.includes('Vasquez'));
    assert.deepEqual(mayor?.paragraphs, [1, 2]);
    assert.equal(ref.entities.find((e) => e.name === 'Rahul Mehta')?.office, 'Transport Commissioner');
  });

  it('takes a capitalised common word that opens a sentence for a word, not a name', () => {
    const text = 'Fishermen protested outside the harbour office on Friday. Residents said the new quay was too small. The protest was led by Ola Brandt.';
    const ref = loadReference(text, { key: 'q', title: 'Q', path: 'q.md' });
    const names = ref.entities.map((e) => e.name);
    assert.ok(!names.includes('Fishermen') && !names.includes('Fisherman'), names.join(', '));
    assert.ok(!names.includes('Residents') && !names.includes('Resident'), names.join(', '));
    assert.ok(names.includes('Ola Brandt'), names.join(', '));
  });

  it('takes an occupation before a full name as saying the name is a person’s', () => {
    const text = 'The survey was led by geologist Tarik Demir and by paediatrician Anya Volkova of the county hospital.';
    const ref = loadReference(text, { key: 's', title: 'S', path: 's.md' });
    assert.equal(ref.entities.find((e) => e.name === 'Tarik Demir')?.kind, 'person');
    assert.equal(ref.entities.find((e) => e.name === 'Anya Volkova')?.kind, 'person');
  });

  it('keeps a country of several words whole before a possessive', () => {
    const text = 'Exporters welcomed the deal. New Zealand’s dairy exports rose in May, and trade envoys met in New Zealand’s capital.';
    const ref = loadReference(text, { key: 'n', title: 'N', path: 'n.md' });
    const names = ref.entities.map((e) => e.name);
    assert.ok(names.includes('New Zealand'), names.join(', '));
    assert.ok(!names.includes('Zealand'), names.join(', '));
  });

  it('refuses a reference with no sentences', () => {
    assert.throws(() => loadReference('---\nkey: x\n---\n\n# Only a heading\n', { key: 'x', title: 'x', path: 'x.md' }), (e: unknown) => e instanceof InputError && e.code === 'empty-reference' && /no sentences/.test(e.message));
  });
});
