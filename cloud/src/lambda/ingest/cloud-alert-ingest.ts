import type { AlertSource, NormalizedAlert } from '@opsworker/shared';
import { HttpError } from '../../http/http-error.ts';
import type { Receipt } from '../../ingest/alert-pipeline.ts';
import { type ApplyDeliveriesDeps, applyDeliveries } from '../../ingest/apply-deliveries.ts';
import { deliveryLine, type RawBody } from '../../ingest/ingest-journal.ts';
import { RuleBook } from '../../org-rules/rule-book.ts';
import type { DynamoCounter } from '../coordination/dynamo-counter.ts';
import { type DynamoLease, LeaseBusyError } from '../coordination/dynamo-lease.ts';

export interface CloudAlertIngestDeps extends Omit<ApplyDeliveriesDeps, 'rules'> {
  lease: DynamoLease;
  counter: DynamoCounter;
  /** A repeated alert whose investigation has been queued this long gets its job again (default 60 s). */
  requeueAfterMs?: number;
  now?: () => Date;
}

/** Longer than one apply can take: a holder that died frees the organization after this. */
const LEASE_TTL_MS = 30_000;
/** Under API Gateway's 29 s: a sender kept waiting longer gets a 503 and retries. */
const LEASE_WAIT_MS = 20_000;

/**
 * The cloud's webhook ingest. No process outlives a request, so there is no journal: a delivery
 * is applied before the sender gets its 202 (the same dedup, rules and grouping as locally), one
 * delivery at a time per organization under a lease. Serializing is what makes concurrent
 * duplicates safe: the second of two identical deliveries finds the first one's alert firing
 * and counts it instead of opening a second investigation. Receipts come from an atomic
 * counter, so they grow across every container as the local journal's sequence does.
 */
export class CloudAlertIngest {
  readonly #deps: CloudAlertIngestDeps;

  constructor(deps: CloudAlertIngestDeps) {
    this.#deps = deps;
  }

  async accept(
    orgId: string,
    source: AlertSource,
    alerts: NormalizedAlert[],
    raw?: RawBody,
  ): Promise<Receipt> {
    const { lease, counter, metrics } = this.#deps;
    try {
      return await lease.withLease(
        orgId,
        'INGEST',
        { ttlMs: LEASE_TTL_MS, waitMs: LEASE_WAIT_MS },
        async () => {
          const seq = await counter.next(orgId, 'RECEIPT');
          const now = (this.#deps.now ?? (() => new Date()))();
          for (const alert of alerts) metrics.alertsReceived.inc({ source, status: alert.status });
          // Read afresh for every delivery: another container may have changed the rules.
          const rules = new RuleBook(this.#deps.store);
          const receivedAt = now.toISOString();
          const delivery = { seq, orgId, source, receivedAt, alerts };
          const applied = await applyDeliveries({ ...this.#deps, rules }, [
            raw === undefined ? delivery : { ...delivery, line: deliveryLine(delivery, raw) },
          ]);
          await this.#requeueStalled(orgId, applied, now);
          return { receipt: seq, accepted: alerts.length };
        },
      );
    } catch (error) {
      if (error instanceof LeaseBusyError) {
        throw new HttpError(
          503,
          'busy',
          'OpsWorker is busy with this organization’s alerts; retry shortly.',
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  /**
   * A function stopped between storing an investigation and sending its job (a timeout, a crash)
   * leaves it queued with no job; the sender then retries, and the retry only counts the alert
   * again. So a repeated alert whose investigation has sat queued for a while sends its job once
   * more: a job already on its way makes this one a no-op (the worker's lease and status check).
   */
  async #requeueStalled(
    orgId: string,
    applied: Awaited<ReturnType<typeof applyDeliveries>>,
    now: Date,
  ): Promise<void> {
    const opened = new Set(applied.opened.map((investigation) => investigation.id));
    const ids = new Set(
      applied.changes.alerts
        .map((alert) => alert.investigationId)
        .filter((id): id is string => id !== undefined && !opened.has(id)),
    );
    const after = this.#deps.requeueAfterMs ?? 60_000;
    for (const id of ids) {
      const investigation =
        applied.changes.investigations.find((candidate) => candidate.id === id) ??
        (await this.#deps.store.getInvestigation(orgId, id));
      if (investigation?.status !== 'queued') continue;
      if (now.getTime() - Date.parse(investigation.updatedAt) < after) continue;
      await this.#deps.queue.enqueue({ orgId, investigationId: id });
    }
  }
}
