import type { Store } from '../store/store.ts';

/**
 * Hands out each investigation's timeline sequence numbers. The ingest pipeline (grouped and
 * resolved alerts) and the investigation worker both add events to the same timeline, and the
 * sequence is what live streams resume from, so it must come from one place: never two events
 * with the same number, never a number going back.
 */
export class TimelineSequencer {
  readonly #store: Store;
  readonly #last = new Map<string, Promise<number>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The next sequence number for this investigation. */
  next(orgId: string, investigationId: string): Promise<number> {
    const previous =
      this.#last.get(investigationId) ??
      this.#store.listTimeline(orgId, investigationId).then((events) => events.at(-1)?.seq ?? 0);
    // Chained, so concurrent callers get consecutive numbers in call order.
    const next = previous.then((seq) => seq + 1);
    this.#last.set(investigationId, next);
    return next;
  }

  /** A new investigation starts at 1 without asking the store. */
  startAt(investigationId: string, seq: number): void {
    this.#last.set(investigationId, Promise.resolve(seq));
  }
}
