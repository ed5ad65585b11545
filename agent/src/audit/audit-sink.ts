import type { AgentErrorCode, AgentOperationName, Requester } from '@opsworker/shared';

/** One line of the agent's audit log: who asked for what, and what came of it. */
export type AuditEntry = {
  /** ISO timestamp of when the request arrived. */
  at: string;
  requestId: string;
  requestedBy: Requester;
  /** `invalid` when the request did not parse. */
  op: AgentOperationName | 'invalid';
  target: { kind?: string; namespace?: string; name?: string };
  durationMs: number;
  /** Size of the result sent back (JSON, UTF-8). */
  bytes: number;
  outcome: 'ok' | AgentErrorCode;
  truncated: boolean;
  /** Answered from the idempotency cache without touching the cluster. */
  replayed?: boolean;
};

/** Where audit entries go. Writing must never fail an operation, so sinks swallow their own errors. */
export interface AuditSink {
  write(entry: AuditEntry): void;
}
