// The reference sets on both sides of the judging thread, without the thread itself (so unit tests
// can run both): the host's side decides what to send when the sets change, each reference once by
// id; the thread's side keeps the references by id and the sets as lists of ids.
import { loadReference, type Reference, type SourceEntry } from '../core';
import type { ReferenceItem, ToWorker } from './protocol';

/** The host's side: gives each Reference object an id, and remembers which ids the thread holds. */
export class ReferenceSync {
  private readonly ids = new WeakMap<Reference, string>();
  private nextId = 1;
  /** Ids the thread holds. */
  private sent = new Set<string>();
  /** Set ids the thread holds, with the signature of what each holds (so an unchanged set is not sent again). */
  private sets = new Map<string, string>();

  private idOf(ref: Reference): string {
    let id = this.ids.get(ref);
    if (!id) this.ids.set(ref, (id = `r${this.nextId++}`));
    return id;
  }

  /**
   * The messages that bring the thread to `sets` (set id → its references and sources): the references
   * it lacks (once each), every set that changed, then what no set uses any more. Empty when nothing changed.
   */
  plan(sets: ReadonlyMap<string, { references: readonly Reference[]; sources: readonly SourceEntry[] }>): ToWorker[] {
    const messages: ToWorker[] = [];
    const items: { id: string; item: ReferenceItem }[] = [];
    const queued = new Set<string>();
    const used = new Set<string>();
    const setMessages: ToWorker[] = [];
    const nextSets = new Map<string, string>();
    for (const [set, { references, sources }] of sets) {
      const refs = references.map((r) => {
        const id = this.idOf(r);
        used.add(id);
        if (!this.sent.has(id) && !queued.has(id)) {
          queued.add(id);
          items.push({ id, item: referenceItem(r) });
        }
        return id;
      });
      const signature = `${refs.join(',')}|${JSON.stringify(sources)}`;
      nextSets.set(set, signature);
      if (this.sets.get(set) !== signature) setMessages.push({ type: 'set', set, refs, sources: [...sources] });
    }
    if (items.length) messages.push({ type: 'references', items });
    messages.push(...setMessages);
    const dropIds = [...this.sent].filter((id) => !used.has(id));
    const dropSets = [...this.sets.keys()].filter((s) => !nextSets.has(s));
    if (dropIds.length || dropSets.length) messages.push({ type: 'drop', ids: dropIds, sets: dropSets });
    this.sent = used;
    this.sets = nextSets;
    return messages;
  }

  /** Whether the thread holds the set `set`. */
  knows(set: string): boolean {
    return this.sets.has(set);
  }

  /** Forgets what the thread holds (a new thread holds nothing). */
  reset(): void {
    this.sent.clear();
    this.sets.clear();
  }
}

/** A Reference as sent to the thread: every metadata field (the url makes link citations work there too) and a PDF's pages. */
export function referenceItem({ text, paragraphs, sentences: _s, entities: _e, ...meta }: Reference): ReferenceItem {
  return { text, meta, pages: paragraphs.flatMap((p) => (p.page ? [{ start: p.start, page: p.page }] : [])) };
}

/** The thread's side: the references it was sent, by id, and each set's list. */
export class WorkerReferenceSets {
  private readonly refs = new Map<string, Reference>();
  private readonly sets = new Map<string, { references: Reference[]; sources: SourceEntry[] }>();

  /** Applies a `references`, `set` or `drop` message; returns the ids of the sets that changed. */
  apply(m: ToWorker): string[] {
    if (m.type === 'references') {
      for (const { id, item } of m.items) this.refs.set(id, loadReference(item.text, item.meta, item.pages));
      return [];
    }
    if (m.type === 'set') {
      // An id the thread was never sent is left out rather than judged as an empty reference.
      this.sets.set(m.set, { references: m.refs.flatMap((id) => this.refs.get(id) ?? []), sources: m.sources });
      return [m.set];
    }
    if (m.type === 'drop') {
      for (const id of m.ids) this.refs.delete(id);
      for (const s of m.sets) this.sets.delete(s);
      return m.sets;
    }
    return [];
  }

  /** The references and sources of a set; an unknown set has none. */
  get(set: string): { references: Reference[]; sources: SourceEntry[] } {
    return this.sets.get(set) ?? { references: [], sources: [] };
  }

  /** How many references the thread holds (each once, whatever the number of sets it is in). */
  get size(): number {
    return this.refs.size;
  }
}
