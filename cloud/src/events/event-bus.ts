import { EventEmitter } from 'node:events';
import type { Alert, Investigation, TimelineEvent } from '@opsworker/shared';

export type BusEvent =
  | { type: 'timeline'; event: TimelineEvent }
  | { type: 'investigation'; investigation: Investigation }
  | { type: 'alert'; alert: Alert };

/**
 * In-process fan-out of what changed, per organization: server-sent event streams and (later)
 * the Slack notifier subscribe here. Published only after the change is in the store.
 */
export class EventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Every open SSE stream is a listener; there is no leak to warn about.
    this.#emitter.setMaxListeners(0);
  }

  publish(orgId: string, event: BusEvent): void {
    this.#emitter.emit(orgId, event);
  }

  subscribe(orgId: string, listener: (event: BusEvent) => void): () => void {
    this.#emitter.on(orgId, listener);
    return () => this.#emitter.off(orgId, listener);
  }
}
