import type { TimelineEventType } from '@opsworker/shared';
import type { EventBus } from '../../events/event-bus.ts';
import { timelineEvent } from '../../investigations/timeline-event.ts';
import type { TimelineSequencer } from '../../investigations/timeline-sequencer.ts';
import type { Store } from '../../store/store.ts';

export interface TimelineWriterDeps {
  store: Store;
  bus: EventBus;
  sequencer: TimelineSequencer;
  orgId: string;
  investigationId: string;
  now?: () => Date;
}

/**
 * Adds one investigation's timeline events as the worker goes: each is numbered by the shared
 * sequencer (the ingest pipeline writes to the same timeline), stored, then published for live
 * streams. `emit` returns at once so collecting never waits for the disk; events are written in
 * the order they were emitted, and `flush` waits for them (and reports a failed write).
 */
export class TimelineWriter {
  readonly #deps: TimelineWriterDeps;
  #chain: Promise<void> = Promise.resolve();
  #error: unknown;

  constructor(deps: TimelineWriterDeps) {
    this.#deps = deps;
  }

  emit(type: TimelineEventType, message: string, data?: Record<string, unknown>): void {
    const { store, bus, sequencer, orgId, investigationId } = this.#deps;
    const at = (this.#deps.now ?? (() => new Date()))();
    this.#chain = this.#chain.then(async () => {
      if (this.#error !== undefined) return;
      try {
        const seq = await sequencer.next(orgId, investigationId);
        const event = timelineEvent({
          orgId,
          investigationId,
          seq,
          at,
          type,
          message,
          ...(data ? { data } : {}),
        });
        await store.apply({ timeline: [event] });
        bus.publish(orgId, { type: 'timeline', event });
      } catch (error) {
        this.#error = error;
      }
    });
  }

  /** Resolves once every emitted event is stored and published; throws the first write failure. */
  async flush(): Promise<void> {
    await this.#chain;
    if (this.#error !== undefined) throw this.#error;
  }
}
