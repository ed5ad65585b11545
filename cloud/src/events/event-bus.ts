import { EventEmitter } from 'node:events';
import type { OrgEvent } from '@opsworker/shared';

/** One stored change, as every consumer sees it (the shared `OrgEvent`). */
export type BusEvent = OrgEvent;

/**
 * In-process fan-out of what changed, per organization: the server-sent event streams (which
 * the Slack notifier and the desktop app read) subscribe here. Published only after the
 * change is in the store.
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
