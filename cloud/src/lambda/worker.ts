import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { decodeJob } from '../queue/investigation-job-message.ts';
import { type CloudComposition, createCloudComposition } from './cloud-composition.ts';
import { cloudConfig } from './config.ts';
import { perContainer } from './container.ts';

export type WorkerHandler = (
  event: SQSEvent,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<SQSBatchResponse>;

export interface WorkerHandlerOptions {
  /** The delivery at which a job that keeps failing is given up: the investigation fails with a clear message. */
  maxReceives?: number;
}

/** Without a Lambda context (tests): as long as the longest Lambda may run. */
const DEFAULT_LEASE_MS = 15 * 60_000;

/**
 * SQS investigation jobs → the investigation worker, each record on its own, reporting partial
 * batch failures so only failed jobs come back. Idempotent on the job: a job whose investigation
 * is completed or failed is a no-op (the worker checks), and a duplicate delivered while another
 * container runs the same job finds its lease taken and comes back later, when it is a no-op.
 */
export function createWorkerHandler(
  composition: () => Promise<CloudComposition>,
  options: WorkerHandlerOptions = {},
): WorkerHandler {
  const maxReceives = options.maxReceives ?? 3;
  return async (event, context) => {
    const parts = await composition();
    const leaseMs = context ? context.getRemainingTimeInMillis() + 5_000 : DEFAULT_LEASE_MS;
    const outcomes = await Promise.all(
      event.Records.map((record) => runRecord(parts, record, leaseMs, maxReceives)),
    );
    await parts.flush();
    return {
      batchItemFailures: event.Records.filter((_, index) => outcomes[index] === 'retry').map((record) => ({
        itemIdentifier: record.messageId,
      })),
    };
  };
}

async function runRecord(
  parts: CloudComposition,
  record: SQSRecord,
  leaseMs: number,
  maxReceives: number,
): Promise<'done' | 'retry'> {
  const job = decodeJob(record.body);
  if (!job) {
    // It can never succeed; retrying would only push it to the dead-letter queue later.
    parts.log.warn('dropping an SQS message that is not an investigation job', {
      messageId: record.messageId,
    });
    return 'done';
  }
  let lease: Awaited<ReturnType<CloudComposition['lease']['tryAcquire']>>;
  try {
    lease = await parts.lease.tryAcquire(job.orgId, `JOB#${job.investigationId}`, { ttlMs: leaseMs });
  } catch (error) {
    parts.log.error(`could not take the lease of investigation ${job.investigationId}`, error);
    return 'retry';
  }
  if (!lease) return 'retry';
  try {
    await parts.worker.handle(job);
    return 'done';
  } catch (error) {
    const receives = Number(record.attributes.ApproximateReceiveCount ?? 1);
    if (receives < maxReceives) {
      parts.log.error(
        `investigation ${job.investigationId} failed (delivery ${receives}); SQS will retry`,
        error,
      );
      return 'retry';
    }
    await parts.worker
      .giveUp(job, error)
      .catch((failure) => parts.log.error('could not mark it failed', failure));
    return 'done';
  } finally {
    await lease.release().catch((error) => parts.log.error('could not release a job lease', error));
  }
}

export const handler: WorkerHandler = createWorkerHandler(
  perContainer(() => createCloudComposition(cloudConfig())),
);
