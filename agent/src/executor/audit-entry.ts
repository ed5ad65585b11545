import type { AgentOperation, AgentRequest, AgentResponse } from '@opsworker/shared';
import type { AuditEntry } from '../audit/audit-sink.ts';

/** The kind/namespace/name an operation is about, for the audit log. */
export function auditTarget(operation: AgentOperation): AuditEntry['target'] {
  switch (operation.op) {
    case 'logs':
      return { kind: 'pods', namespace: operation.namespace, name: operation.pod };
    case 'events':
      return {
        kind: operation.involvedObject?.kind,
        namespace: operation.namespace,
        name: operation.involvedObject?.name,
      };
    case 'nodeSummary':
      return { kind: 'nodes', name: operation.name };
    case 'clusterInfo':
      return {};
    default:
      return {
        kind: operation.kind,
        namespace: operation.namespace,
        name: 'name' in operation ? operation.name : undefined,
      };
  }
}

/** One audit line for a request (undefined when it did not parse) and its response. */
export function auditEntryFor(
  request: AgentRequest | undefined,
  requestId: string,
  response: AgentResponse,
  startedAt: number,
  durationMs: number,
  replayed: boolean,
): AuditEntry {
  const entry: AuditEntry = {
    at: new Date(startedAt).toISOString(),
    requestId,
    requestedBy: request?.requestedBy ?? {},
    op: request?.operation.op ?? 'invalid',
    target: request ? auditTarget(request.operation) : {},
    durationMs,
    bytes: response.ok ? response.bytes : 0,
    outcome: response.ok ? 'ok' : response.error.code,
    truncated: response.ok ? response.truncated : false,
  };
  if (replayed) entry.replayed = true;
  return entry;
}
