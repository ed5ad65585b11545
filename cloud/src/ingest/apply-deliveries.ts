import type { Investigation } from '@opsworker/shared';
import type { EventBus } from '../events/event-bus.ts';
import type { TimelineSequencer } from '../investigations/timeline-sequencer.ts';
import type { OpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import type { RuleBook } from '../org-rules/rule-book.ts';
import type { InvestigationJob, Queue } from '../queue/queue.ts';
import type { BlobStore, Store, StoreChanges } from '../store/store.ts';
import { BatchApplier } from './batch-applier.ts';
import type { JournalEntry } from './ingest-journal.ts';

export interface ApplyDeliveriesDeps {
  store: Store;
  blobs: BlobStore;
  rules: RuleBook;
  queue: Queue<InvestigationJob>;
  bus: EventBus;
  metrics: OpsWorkerMetrics;
  groupWindowMs: number;
  sequencer: TimelineSequencer;
}

/** An accepted delivery, with its journal line (its body as received) when there is one. */
export type Delivery = JournalEntry;

/** What one batch changed: stored, published, and the investigations it queued. */
export interface AppliedBatch {
  changes: Required<StoreChanges>;
  opened: Investigation[];
}

/**
 * Applies accepted deliveries: dedup, decisions and grouping (BatchApplier), then stores them
 * (`storeApplied`). Shared by the local pipeline's retries and the cloud ingest.
 */
export async function applyDeliveries(deps: ApplyDeliveriesDeps, batch: Delivery[]): Promise<AppliedBatch> {
  const started = performance.now();
  const applier = new BatchApplier(deps);
  for (const entry of batch) await applier.apply(entry);
  return storeApplied(deps, applier, batch, started);
}

/**
 * One store write for what `applier` worked out, the raw payloads of `batch` beside it, then
 * (only once stored) the published changes and the queued investigations. `batch` needs only
 * its receipts, organizations and journal lines: its alerts were applied already.
 */
export async function storeApplied(
  deps: ApplyDeliveriesDeps,
  applier: BatchApplier,
  batch: Pick<Delivery, 'seq' | 'orgId' | 'line'>[],
  started: number,
): Promise<AppliedBatch> {
  const changes = applier.changes();
  await Promise.all([deps.store.apply(changes), storePayloads(deps.blobs, batch)]);
  deps.metrics.ingestApplySeconds.observe((performance.now() - started) / 1000);

  const { bus, metrics, queue } = deps;
  for (const decision of changes.decisions)
    metrics.decisions.inc({ action: decision.grouped ? 'grouped' : decision.action });
  for (const alert of changes.alerts) bus.publish(alert.orgId, { type: 'alert', alert });
  for (const investigation of changes.investigations)
    bus.publish(investigation.orgId, { type: 'investigation', investigation });
  for (const event of changes.timeline) bus.publish(event.orgId, { type: 'timeline', event });
  for (const investigation of applier.opened()) {
    metrics.investigationsOpened.inc({ trigger: 'alert' });
    await queue.enqueue({ orgId: investigation.orgId, investigationId: investigation.id });
  }
  return { changes, opened: applier.opened() };
}

/**
 * The deliveries as received, one JSON-lines blob per organization and batch
 * (`payloads/<first receipt>-<last receipt>.jsonl`; an alert's `lastReceipt` says which): one
 * file per batch, not per delivery, keeps a storm from turning into thousands of writes. Each
 * line is the delivery's journal line: `{"seq","orgId","source","receivedAt","raw"}`, the
 * body as received (see `deliveryLine`).
 */
async function storePayloads(
  blobs: BlobStore,
  batch: Pick<Delivery, 'seq' | 'orgId' | 'line'>[],
): Promise<void> {
  const linesByOrg = new Map<string, Buffer[]>();
  for (const { orgId, line } of batch) {
    if (!line) continue;
    const lines = linesByOrg.get(orgId);
    if (lines) lines.push(line);
    else linesByOrg.set(orgId, [line]);
  }
  const key = `payloads/${batch[0]!.seq}-${batch.at(-1)!.seq}.jsonl`;
  await Promise.all([...linesByOrg].map(([orgId, lines]) => blobs.put(orgId, key, lines)));
}
