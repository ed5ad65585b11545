import type { Investigation } from '@opsworker/shared';
import type { EventBus } from '../../events/event-bus.ts';
import type { Store } from '../../store/store.ts';

/** The fields of an investigation the worker owns; the ingest pipeline owns `alertIds` and `resolvedAt`. */
export type WorkerFields = Partial<
  Pick<Investigation, 'status' | 'startedAt' | 'completedAt' | 'report' | 'outcome' | 'error' | 'llm'>
>;

interface Tracked {
  orgId: string;
  fields: WorkerFields;
  /** Every alert id seen on this investigation, from either writer. */
  alertIds: Set<string>;
  resolvedAt?: string;
  /** Guarding stops at this time (epoch ms) once the worker is done. */
  until?: number;
}

/** How long after the worker is done a stale write from the pipeline is still repaired. */
const GUARD_MS = 5 * 60_000;
const MAX_TRACKED = 2_000;

/**
 * Writes the worker's fields of an investigation over the freshest stored copy, and keeps them
 * there. The ingest pipeline stores whole investigations too (attaching alerts, marking them
 * resolved) from copies it read earlier, so either writer can overwrite the other's recent
 * change. Both publish every write on the bus; watching those, this re-applies the worker's
 * fields and the union of the alert ids whenever a stored copy lacks them.
 */
export class InvestigationRecords {
  readonly #store: Store;
  readonly #bus: EventBus;
  readonly #now: () => Date;
  readonly #tracked = new Map<string, Tracked>();
  readonly #subscriptions = new Map<string, () => void>();
  readonly #writes = new Map<string, Promise<unknown>>();

  constructor(deps: { store: Store; bus: EventBus; now?: () => Date }) {
    this.#store = deps.store;
    this.#bus = deps.bus;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Stores the worker's fields (`undefined` clears one) on the investigation and publishes it. */
  update(orgId: string, id: string, fields: WorkerFields): Promise<Investigation | undefined> {
    const tracked = this.#track(orgId, id);
    Object.assign(tracked.fields, fields);
    return this.#serialized(id, () => this.#write(id, tracked, true));
  }

  /** The worker is done with it: guard a little longer, then forget it. */
  release(id: string): void {
    const tracked = this.#tracked.get(id);
    if (tracked) tracked.until = Date.now() + GUARD_MS;
  }

  close(): void {
    for (const unsubscribe of this.#subscriptions.values()) unsubscribe();
    this.#subscriptions.clear();
    this.#tracked.clear();
  }

  /** Waits for pending writes (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#writes.size > 0) await Promise.all(this.#writes.values());
  }

  #track(orgId: string, id: string): Tracked {
    let tracked = this.#tracked.get(id);
    if (!tracked) {
      if (this.#tracked.size >= MAX_TRACKED) this.#forgetOldest();
      tracked = { orgId, fields: {}, alertIds: new Set() };
      this.#tracked.set(id, tracked);
    }
    tracked.until = undefined;
    if (!this.#subscriptions.has(orgId))
      this.#subscriptions.set(
        orgId,
        this.#bus.subscribe(orgId, (event) => {
          if (event.type === 'investigation') this.#observe(event.investigation);
        }),
      );
    return tracked;
  }

  #forgetOldest(): void {
    const oldest = this.#tracked.keys().next().value;
    if (oldest !== undefined) this.#tracked.delete(oldest);
  }

  #observe(published: Investigation): void {
    const tracked = this.#tracked.get(published.id);
    if (!tracked) return;
    if (tracked.until !== undefined && Date.now() > tracked.until) {
      this.#tracked.delete(published.id);
      return;
    }
    for (const alertId of published.alertIds) tracked.alertIds.add(alertId);
    tracked.resolvedAt ??= published.resolvedAt;
    void this.#serialized(published.id, () => this.#write(published.id, tracked, false)).catch(() => {
      // A failed repair is retried on the next published change; the worker's own writes report theirs.
    });
  }

  async #write(id: string, tracked: Tracked, always: boolean): Promise<Investigation | undefined> {
    const fresh = await this.#store.getInvestigation(tracked.orgId, id);
    if (!fresh) return undefined;
    for (const alertId of fresh.alertIds) tracked.alertIds.add(alertId);
    tracked.resolvedAt ??= fresh.resolvedAt;
    const next: Investigation = { ...fresh, alertIds: [...tracked.alertIds] };
    for (const [key, value] of Object.entries(tracked.fields) as Array<[keyof WorkerFields, unknown]>) {
      if (value === undefined) delete next[key];
      else Object.assign(next, { [key]: value });
    }
    if (tracked.resolvedAt && !next.resolvedAt) next.resolvedAt = tracked.resolvedAt;
    if (!always && sameContent(fresh, next)) return fresh;
    next.updatedAt = latest(fresh.updatedAt, this.#now().toISOString());
    await this.#store.apply({ investigations: [next] });
    this.#bus.publish(next.orgId, { type: 'investigation', investigation: next });
    return next;
  }

  /** One write at a time per investigation, in call order, whatever the previous one did. */
  #serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (this.#writes.get(id) ?? Promise.resolve()).then(work);
    const tail = run.then(
      () => {},
      () => {},
    );
    this.#writes.set(id, tail);
    void tail.then(() => {
      if (this.#writes.get(id) === tail) this.#writes.delete(id);
    });
    return run;
  }
}

function sameContent(a: Investigation, b: Investigation): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}

function latest(a: string, b: string): string {
  return Date.parse(a) > Date.parse(b) ? a : b;
}
