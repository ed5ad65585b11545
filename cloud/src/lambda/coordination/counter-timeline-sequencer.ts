import { TimelineSequencer } from '../../investigations/timeline-sequencer.ts';
import type { Store } from '../../store/store.ts';
import type { DynamoCounter } from './dynamo-counter.ts';

/**
 * The timeline sequence for many processes: the ingest, API and worker Lambdas all add events to
 * the same timelines, and an in-memory counter per container would hand out the same number
 * twice. Each number comes from an atomic counter per investigation instead, so live streams
 * can resume by sequence number across every writer.
 */
export class CounterTimelineSequencer extends TimelineSequencer {
  readonly #counter: DynamoCounter;

  constructor(store: Store, counter: DynamoCounter) {
    super(store);
    this.#counter = counter;
  }

  override next(orgId: string, investigationId: string): Promise<number> {
    return this.#counter.next(orgId, `TL#${investigationId}`);
  }

  /** A new investigation's counter starts at 0 by itself. */
  override startAt(): void {}
}
