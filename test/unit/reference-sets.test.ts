// Per-folder reference sets across the judging thread: the host's ReferenceSync decides what to send,
// the thread's WorkerReferenceSets keeps it; here both run in one process, messages passed by hand.
import { strict as assert } from 'node:assert';
import { DraftChecker, loadReference, referenceMetaFromText, type Reference, type SourceEntry } from '../../src/core';
import type { ToWorker } from '../../src/worker/protocol';
import { ReferenceSync, WorkerReferenceSets } from '../../src/worker/referenceSets';

const FERRY = `---\nkey: ferry\ntitle: The Pinecrest ferry terminal\n---\n\nThe Pinecrest ferry terminal opened in 1931 after two years of building work on the northern shore.\n\nIts first manager was Ada Morrow, who ran it for eleven years.\n`;
const MILL = `---\nkey: mill\ntitle: The Oxley paper mill\n---\n\nThe Oxley paper mill employed 240 people when it closed in 1987.\n`;
const ref = (text: string, path: string): Reference => loadReference(text, referenceMetaFromText(text, path));

type Sets = Map<string, { references: Reference[]; sources: SourceEntry[] }>;

function deliver(thread: WorkerReferenceSets, messages: ToWorker[]): string[] {
  return messages.flatMap((m) => thread.apply(m));
}

function verdictOf(thread: WorkerReferenceSets, set: string, draft: string): string[] {
  const { references, sources } = thread.get(set);
  return new DraftChecker(references, { knownSources: sources }).check(draft).verdicts.map((v) => v.kind);
}

describe('reference sets per workspace folder (judging thread)', () => {
  const alpha = ref(FERRY, '/w/alpha/references/ferry.md');
  const beta = ref(FERRY.replace('1931', '1958'), '/w/beta/references/ferry.md');
  const mill = ref(MILL, '/w/shared/mill.md');

  it('keeps two folders’ references with one key apart, and judges each draft with its own folder’s', () => {
    const sync = new ReferenceSync();
    const thread = new WorkerReferenceSets();
    const sets: Sets = new Map([
      ['file:///w/alpha', { references: [alpha, mill], sources: [] }],
      ['file:///w/beta', { references: [beta, mill], sources: [] }],
    ]);
    deliver(thread, sync.plan(sets));
    const early = 'The Pinecrest ferry terminal opened in 1931 [@ferry].';
    const late = 'The Pinecrest ferry terminal opened in 1958 [@ferry].';
    assert.deepEqual(verdictOf(thread, 'file:///w/alpha', early), ['supported']);
    assert.notDeepEqual(verdictOf(thread, 'file:///w/beta', early), ['supported']);
    assert.deepEqual(verdictOf(thread, 'file:///w/beta', late), ['supported']);
    assert.notDeepEqual(verdictOf(thread, 'file:///w/alpha', late), ['supported']);
  });

  it('sends a reference two sets share once, and nothing when the sets did not change', () => {
    const sync = new ReferenceSync();
    const sets: Sets = new Map([
      ['a', { references: [alpha, mill], sources: [] }],
      ['b', { references: [beta, mill], sources: [] }],
    ]);
    const first = sync.plan(sets);
    const sent = first.flatMap((m) => (m.type === 'references' ? m.items : []));
    assert.equal(sent.length, 3, 'alpha, beta and the shared mill, each once');
    assert.equal(sent.filter((i) => i.item.meta.key === 'mill').length, 1);
    assert.deepEqual(sync.plan(sets), []);
  });

  it('after a reload sends only what is new, and drops what no set uses', () => {
    const sync = new ReferenceSync();
    const thread = new WorkerReferenceSets();
    deliver(thread, sync.plan(new Map([['a', { references: [alpha, mill], sources: [] }], ['b', { references: [beta], sources: [] }]])));
    const edited = ref(FERRY.replace('1931', '1932'), '/w/alpha/references/ferry.md');
    const next = sync.plan(new Map([['a', { references: [edited, mill], sources: [] }]]));
    const items = next.flatMap((m) => (m.type === 'references' ? m.items : []));
    assert.deepEqual(items.map((i) => i.item.text.includes('1932')), [true], 'only the edited reference goes again');
    const drop = next.find((m) => m.type === 'drop');
    assert.ok(drop && drop.type === 'drop');
    assert.equal(drop.ids.length, 2, 'the old alpha and beta');
    assert.deepEqual(drop.sets, ['b']);
    const changed = deliver(thread, next);
    assert.ok(changed.includes('a') && changed.includes('b'));
    assert.equal(thread.size, 2, 'the thread holds the edited ferry and the mill only');
    assert.deepEqual(thread.get('b').references, []);
    assert.deepEqual(verdictOf(thread, 'a', 'The Pinecrest ferry terminal opened in 1932 [@ferry].'), ['supported']);
  });

  it('resends a set whose sources changed, and everything after a reset (a new thread)', () => {
    const sync = new ReferenceSync();
    const source: SourceEntry = { key: 'report2019', title: 'Harbour annual report' } as SourceEntry;
    sync.plan(new Map([['a', { references: [alpha], sources: [] }]]));
    const withSource = sync.plan(new Map([['a', { references: [alpha], sources: [source] }]]));
    assert.deepEqual(withSource.map((m) => m.type), ['set']);
    sync.reset();
    assert.deepEqual(sync.plan(new Map([['a', { references: [alpha], sources: [source] }]])).map((m) => m.type), ['references', 'set']);
  });
});
