import { z } from 'zod';
import { ResourceKind } from './kinds.ts';

/**
 * The closed, versioned list of read-only operations the in-cluster agent performs.
 * Nothing outside this union can be asked of the agent; bump AGENT_PROTOCOL_VERSION on any
 * incompatible change.
 */
export const AGENT_PROTOCOL_VERSION = 1;

const name = z.string().min(1).max(253);
const namespace = z.string().min(1).max(63);
/** Label and field selectors use Kubernetes' own syntax; the API server validates them. */
const selector = z.string().max(1024);

export const GetOperation = z.object({
  op: z.literal('get'),
  kind: ResourceKind,
  namespace: namespace.optional(),
  name,
});

export const ListOperation = z.object({
  op: z.literal('list'),
  kind: ResourceKind,
  /** Omit for all namespaces (or for cluster-scoped kinds). */
  namespace: namespace.optional(),
  labelSelector: selector.optional(),
  fieldSelector: selector.optional(),
  limit: z.number().int().min(1).max(5000).optional(),
  /** The `continue` of the previous page, to read the next one. */
  continue: z.string().min(1).max(4096).optional(),
});

export const EventsOperation = z.object({
  op: z.literal('events'),
  namespace: namespace.optional(),
  /** Only the events about this object. */
  involvedObject: z.object({ kind: ResourceKind, name }).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

export const LogsOperation = z.object({
  op: z.literal('logs'),
  namespace,
  pod: name,
  container: name.optional(),
  previous: z.boolean().optional(),
  tailLines: z.number().int().min(1).max(10_000).optional(),
  sinceSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .optional(),
  limitBytes: z
    .number()
    .int()
    .min(1)
    .max(4 * 1024 * 1024)
    .optional(),
});

export const OwnerChainOperation = z.object({
  op: z.literal('ownerChain'),
  kind: ResourceKind,
  namespace,
  name,
});

export const RolloutHistoryOperation = z.object({
  op: z.literal('rolloutHistory'),
  kind: z.enum(['deployments', 'statefulsets', 'daemonsets']),
  namespace,
  name,
});

export const DescribeOperation = z.object({
  op: z.literal('describe'),
  kind: ResourceKind,
  namespace: namespace.optional(),
  name,
});

export const NodeSummaryOperation = z.object({
  op: z.literal('nodeSummary'),
  /** Omit for every node. */
  name: name.optional(),
});

export const TopOperation = z.object({
  op: z.literal('top'),
  kind: z.enum(['pods', 'nodes']),
  namespace: namespace.optional(),
  name: name.optional(),
});

export const ClusterInfoOperation = z.object({ op: z.literal('clusterInfo') });

export const AgentOperation = z.discriminatedUnion('op', [
  GetOperation,
  ListOperation,
  EventsOperation,
  LogsOperation,
  OwnerChainOperation,
  RolloutHistoryOperation,
  DescribeOperation,
  NodeSummaryOperation,
  TopOperation,
  ClusterInfoOperation,
]);
export type AgentOperation = z.infer<typeof AgentOperation>;
export type AgentOperationName = AgentOperation['op'];

/** Who asked: written to the agent's audit log with every operation. */
export const Requester = z.object({
  orgId: z.string().max(64).optional(),
  investigationId: z.string().max(64).optional(),
  user: z.string().max(200).optional(),
});
export type Requester = z.infer<typeof Requester>;

export const AgentRequest = z.object({
  version: z.literal(AGENT_PROTOCOL_VERSION),
  /** Unique per request: the agent answers a repeated id from its cache instead of re-running. */
  id: z.string().min(1).max(128),
  operation: AgentOperation,
  requestedBy: Requester.default({}),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
});
export type AgentRequest = z.infer<typeof AgentRequest>;

export const AgentErrorCode = z.enum([
  'invalid_request',
  'forbidden',
  'not_found',
  'timeout',
  'too_large',
  'busy',
  'unavailable',
  'internal',
]);
export type AgentErrorCode = z.infer<typeof AgentErrorCode>;

export const AgentResponse = z.discriminatedUnion('ok', [
  z.object({
    version: z.literal(AGENT_PROTOCOL_VERSION),
    requestId: z.string(),
    ok: z.literal(true),
    /** Already redacted. Objects for get/list/events/..., a string for logs and describe. */
    result: z.unknown(),
    /** True when an output cap cut the result short. */
    truncated: z.boolean(),
    bytes: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
  }),
  z.object({
    version: z.literal(AGENT_PROTOCOL_VERSION),
    requestId: z.string(),
    ok: z.literal(false),
    error: z.object({ code: AgentErrorCode, message: z.string() }),
    durationMs: z.number().nonnegative(),
  }),
]);
export type AgentResponse = z.infer<typeof AgentResponse>;

/** Sent by each agent periodically so the backend knows which clusters are connected. */
export const AgentHeartbeat = z.object({
  version: z.literal(AGENT_PROTOCOL_VERSION),
  type: z.literal('heartbeat'),
  cluster: z.string(),
  kubernetesVersion: z.string(),
  agentVersion: z.string(),
  nodeCount: z.number().int().nonnegative(),
  at: z.iso.datetime(),
});
export type AgentHeartbeat = z.infer<typeof AgentHeartbeat>;

/**
 * How the engine reaches a cluster's agent: in-process locally, SQS request/response queues in
 * the cloud. Implementations never throw for an agent-side failure: they answer `ok: false`.
 */
export interface AgentTransport {
  call(request: AgentRequest, options?: { signal?: AbortSignal }): Promise<AgentResponse>;
}
