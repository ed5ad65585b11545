import type { AlertSource, NormalizedAlert } from '@opsworker/shared';
import { type ApplyDeliveriesDeps, applyDeliveries, type Delivery } from './apply-deliveries.ts';
import type { IngestJournal, JournalRecord } from './ingest-journal.ts';
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

const MAX_BATCH = 500;
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
  #appliedSeq = 0;
  #checkpointedAt = 0;
  #checkpointTimer: NodeJS.Timeout | undefined;

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
    rawJson?: string,
    receivedAt = new Date(),
  ): Promise<Receipt> {
    const entry = await this.#deps.journal.append(
      { orgId, source, receivedAt: receivedAt.toISOString(), alerts },
      rawJson,
    );
    for (const alert of alerts) this.#deps.metrics.alertsReceived.inc({ source, status: alert.status });
    this.#pending.push(entry);
    this.#scheduleDrain();
    return { receipt: entry.seq, accepted: alerts.length };
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

  /**
   * The first delivery after a quiet spell is applied at once. Under load the next batch waits
   * up to 50 ms to gather more deliveries, so the per-batch cost (file rewrites, checkpoint) is
   * shared by many of them instead of being paid per request; but a full batch already waiting
   * is applied at once: pausing then would let a storm faster than one batch per pause pile up
   * in memory without bound.
   */
  #scheduleDrain(gather = false): void {
    this.#draining ??= (
      gather ? this.#wait(BATCH_GATHER_MS) : new Promise<void>((resolve) => setImmediate(resolve))
    )
      .then(() => this.#drain())
      .finally(() => {
        this.#draining = undefined;
        if (this.#pending.length > 0) this.#scheduleDrain(this.#pending.length < MAX_BATCH);
      });
  }

  /**
   * Applies one batch (retrying, then setting aside the delivery that keeps failing). Under
   * load a partial next batch is applied after the gather pause (`#scheduleDrain`), not at
   * once: applying back to back would make each batch only what arrived during the last write.
   */
  async #drain(): Promise<void> {
    let batch = this.#pending.slice(0, MAX_BATCH);
    if (batch.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#applyBatch(batch);
        break;
      } catch (error) {
        this.#deps.log?.(`applying ${batch.length} accepted deliveries failed (attempt ${attempt})`, error);
        // After repeated failures, apply one entry at a time to find the one that fails.
        if (attempt > 1) batch = batch.slice(0, 1);
        if (attempt >= MAX_ATTEMPTS) {
          this.#deps.journal.deadLetter(batch[0]!, error);
          break;
        }
        await this.#wait(50 * 2 ** attempt);
      }
    }
    this.#pending.splice(0, batch.length);
    this.#appliedSeq = batch.at(-1)!.seq;
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

  async #applyBatch(batch: Delivery[]): Promise<void> {
    await applyDeliveries(this.#deps, batch);
  }
}
