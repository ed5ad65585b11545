import type { AlertSource, AlertStatus, NormalizedAlert } from '@opsworker/shared';
import type { CounterSeries } from '../metrics/metrics-registry.ts';
import { formatIso } from '../normalize/time.ts';
import {
  type ApplyDeliveriesDeps,
  applyDeliveries,
  type Delivery,
  storeApplied,
} from './apply-deliveries.ts';
import { BatchApplier } from './batch-applier.ts';
import type { IngestJournal, JournalRecord, RawBody } from './ingest-journal.ts';
import { normalizeForReplay } from './normalize-for-replay.ts';

export interface AlertPipelineDeps extends ApplyDeliveriesDeps {
  journal: IngestJournal;
  log?: (message: string, error?: unknown) => void;
  /** How the pipeline waits (to gather a batch, before a retry); a test may count the waits. */
  wait?: (ms: number) => Promise<void>;
}

/** What the sender of a webhook is told: how many alerts were accepted, under which receipt. */
export interface Receipt {
  receipt: number;
  accepted: number;
}

/**
 * A batch's store and archive writes cost the event loop about the same whatever its size
 * (each file operation is a round trip to libuv's thread pool): a storm is applied in batches
 * of up to 2,000 deliveries (1.5 MB of journal lines held), or what 50 ms gathered.
 */
const MAX_BATCH = 2000;
const MAX_ATTEMPTS = 5;
const BATCH_GATHER_MS = 50;
const CHECKPOINT_INTERVAL_MS = 1000;

/**
 * From accepted webhook to stored alerts, decisions and queued investigations.
 *
 * `accept` journals the delivery synchronously and returns: the sender gets its 202 as soon as
 * nothing can lose the delivery. A single drain loop then applies entries in order, in batches
 * (a storm becomes a few file writes, not thousands), checkpoints the journal, and only then
 * publishes the changes and queues the investigations it opened.
 */
export class AlertPipeline {
  readonly #deps: AlertPipelineDeps;
  readonly #pending: Delivery[] = [];
  #draining: Promise<void> | undefined;
  /** Wakes a drain waiting for more deliveries to fill its batch. */
  #wake: (() => void) | undefined;
  #appliedSeq = 0;
  #checkpointedAt = 0;
  #checkpointTimer: NodeJS.Timeout | undefined;
  readonly #received: Partial<Record<AlertSource, Partial<Record<AlertStatus, CounterSeries>>>> = {};

  constructor(deps: AlertPipelineDeps) {
    this.#deps = deps;
  }

  /**
   * Replays what was accepted but not applied before the last stop. Deliveries are accepted
   * only once it resolves, so that they are applied after the replayed ones.
   */
  async start(): Promise<void> {
    for (const record of this.#deps.journal.open()) {
      const entry = await this.#replayable(record);
      if (entry) this.#pending.push(entry);
    }
    this.#scheduleDrain();
  }

  /**
   * Resolves once the delivery is journaled: only then may the sender be told 202.
   * `receivedAt` is the time its alerts were normalized at, which a replay normalizes them at.
   */
  async accept(
    orgId: string,
    source: AlertSource,
    alerts: NormalizedAlert[],
    raw?: RawBody,
    receivedAt = new Date(),
  ): Promise<Receipt> {
    const entry = await this.#deps.journal.append(
      { orgId, source, receivedAt: formatIso(receivedAt.getTime()), alerts },
      raw,
    );
    for (const alert of alerts) this.#receivedSeries(source, alert.status).inc();
    this.#pending.push(entry);
    this.#scheduleDrain();
    return { receipt: entry.seq, accepted: alerts.length };
  }

  /** The count of alerts received from a source in a status, found once rather than per alert. */
  #receivedSeries(source: AlertSource, status: AlertStatus): CounterSeries {
    this.#received[source] ??= {};
    const bySource = this.#received[source];
    bySource[status] ??= this.#deps.metrics.alertsReceived.series({ source, status });
    return bySource[status];
  }

  /** Resolves once every accepted delivery is applied. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async stop(): Promise<void> {
    await this.idle();
    if (this.#appliedSeq > 0) this.#checkpoint();
    this.#deps.journal.close();
  }

  /** Starts the drain, or wakes it if it is waiting for more deliveries. */
  #scheduleDrain(): void {
    if (this.#draining) {
      this.#wakeDrain();
      return;
    }
    this.#draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#drain())
      .finally(() => {
        this.#draining = undefined;
        if (this.#pending.length > 0) this.#scheduleDrain();
      });
  }

  /**
   * Applies deliveries as they arrive, in order, to a batch that is stored in one go. The first
   * batch after a quiet spell is stored at once. Under load a partial batch waits up to 50 ms
   * for more, so the per-batch cost (file rewrites, checkpoint) is shared by many deliveries;
   * a full batch is stored at once, so a storm cannot pile up in memory without bound.
   *
   * A delivery is applied as soon as it is taken, not when its batch is stored: its alerts
   * then die young, instead of being moved and promoted by the garbage collector while the
   * batch gathers. The batch keeps only its journal line, to read it again if storing fails.
   */
  async #drain(): Promise<void> {
    let gather = false;
    while (this.#pending.length > 0) {
      const batch = new OpenBatch(this.#deps);
      try {
        await this.#fill(batch, gather);
        await storeApplied(this.#deps, batch.applier, batch.deliveries, batch.started);
        this.#applied(batch.deliveries.at(-1)!.seq);
      } catch (error) {
        const lastSeq = batch.deliveries.at(-1)!.seq;
        await this.#retry(await this.#readAgain(batch.deliveries), error, lastSeq);
      }
      gather = true;
    }
  }

  async #fill(batch: OpenBatch, gather: boolean): Promise<void> {
    let gathering = false;
    let timeUp = false;
    for (;;) {
      while (this.#pending.length > 0 && batch.deliveries.length < MAX_BATCH) {
        const delivery = this.#pending.shift()!;
        batch.deliveries.push(delivery);
        const applying = batch.applier.apply(delivery);
        if (applying) await applying;
        batch.deliveries[batch.deliveries.length - 1] = settled(delivery);
      }
      if (!gather || timeUp || batch.deliveries.length >= MAX_BATCH) return;
      if (!gathering) {
        gathering = true;
        void this.#wait(BATCH_GATHER_MS).then(() => {
          timeUp = true;
          this.#wakeDrain();
        });
      }
      // Woken by the next accepted delivery or by the end of the gathering, whichever is first.
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  /** Each wake-up promise is resolved once: resolving one twice costs a call into Node. */
  #wakeDrain(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /**
   * A batch that failed is applied again from scratch, then one delivery at a time to find the
   * one that keeps failing, which is set aside (dead-lettered) so it cannot stop the pipeline.
   * Deliveries not retried yet go back to the front of the line.
   */
  async #retry(batch: Delivery[], error: unknown, lastSeq: number): Promise<void> {
    let appliedThrough = lastSeq;
    this.#deps.log?.(`applying ${batch.length} accepted deliveries failed (attempt 1)`, error);
    for (let attempt = 2; batch.length > 0; attempt++) {
      await this.#wait(50 * 2 ** (attempt - 1));
      try {
        await applyDeliveries(this.#deps, batch);
        break;
      } catch (error) {
        this.#deps.log?.(`applying ${batch.length} accepted deliveries failed (attempt ${attempt})`, error);
        const rest = batch.splice(1);
        if (rest.length > 0) {
          this.#pending.unshift(...rest);
          appliedThrough = batch[0]!.seq;
        }
        if (attempt >= MAX_ATTEMPTS) {
          this.#deps.journal.deadLetter(batch[0]!, error);
          break;
        }
      }
    }
    this.#applied(appliedThrough);
  }

  /** The deliveries of a failed batch with their alerts, read again from their journal lines. */
  async #readAgain(deliveries: Delivery[]): Promise<Delivery[]> {
    const again: Delivery[] = [];
    for (const delivery of deliveries) {
      const entry = delivery.line
        ? await this.#replayable({ ...delivery, alerts: undefined, raw: rawOf(delivery.line) })
        : delivery;
      if (entry) again.push(entry);
    }
    return again;
  }

  #applied(seq: number): void {
    this.#appliedSeq = seq;
    this.#checkpointSoon();
  }

  /**
   * A checkpoint is a file write and a rename: at most one a second, and one a second after
   * the last batch of a burst. What it has not covered yet is replayed after a crash, and
   * replays change nothing.
   */
  #checkpointSoon(): void {
    if (Date.now() - this.#checkpointedAt >= CHECKPOINT_INTERVAL_MS) {
      this.#checkpoint();
      return;
    }
    this.#checkpointTimer ??= setTimeout(() => {
      this.#checkpointTimer = undefined;
      this.#checkpoint();
    }, CHECKPOINT_INTERVAL_MS).unref();
  }

  #checkpoint(): void {
    clearTimeout(this.#checkpointTimer);
    this.#checkpointTimer = undefined;
    this.#deps.journal.checkpoint(this.#appliedSeq);
    this.#checkpointedAt = Date.now();
  }

  /** A journaled delivery with its alerts; one that cannot be normalized again is set aside. */
  async #replayable(record: JournalRecord): Promise<Delivery | undefined> {
    if (record.alerts) return { ...record, alerts: record.alerts };
    try {
      return { ...record, alerts: await normalizeForReplay(record) };
    } catch (error) {
      this.#deps.log?.(`accepted delivery ${record.seq} could not be normalized again`, error);
      this.#deps.journal.deadLetter({ ...record, alerts: [] }, error);
      return undefined;
    }
  }

  #wait(ms: number): Promise<void> {
    return this.#deps.wait ? this.#deps.wait(ms) : new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** A batch being filled: what its deliveries changed so far, and what is kept of them. */
class OpenBatch {
  readonly applier: BatchApplier;
  readonly deliveries: Delivery[] = [];
  readonly started = performance.now();

  constructor(deps: AlertPipelineDeps) {
    this.applier = new BatchApplier(deps);
  }
}

/** What a batch keeps of an applied delivery: with a journal line, the alerts can be read again. */
function settled(delivery: Delivery): Delivery {
  if (!delivery.line) return delivery;
  const { seq, orgId, source, receivedAt, line } = delivery;
  return { seq, orgId, source, receivedAt, alerts: [], line };
}

function rawOf(line: Buffer): unknown {
  return (JSON.parse(line.toString('utf8')) as { raw: unknown }).raw;
}
