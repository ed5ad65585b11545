/** A job for the investigation worker. */
export interface InvestigationJob {
  orgId: string;
  investigationId: string;
}

/**
 * The investigation queue port: in-process locally, SQS in the cloud. Delivery is at least
 * once; handlers must be idempotent on the investigation id.
 */
export interface Queue<T> {
  enqueue(job: T): Promise<void>;
  /** Starts handing jobs to `handler`; a job whose handler throws is retried. */
  consume(handler: (job: T) => Promise<void>): void;
  /** Resolves when no job is waiting or running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}
