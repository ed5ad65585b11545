/** The public API of @opsworker/agent: the executor and what it is built from. */

export type { AuditEntry, AuditSink } from './audit/audit-sink.ts';
export {
  auditSinkFor,
  createFileAuditSink,
  createJsonLinesAuditSink,
  createStderrAuditSink,
} from './audit/json-lines-audit-sink.ts';
export { createMemoryAuditSink, discardAuditSink, type MemoryAuditSink } from './audit/memory-audit-sink.ts';
export {
  AgentBusyError,
  agentErrorCode,
  KubeBadRequestError,
  KubeForbiddenError,
  KubeNotFoundError,
  KubeUnavailableError,
  OperationTimeoutError,
  OutputTooLargeError,
} from './errors.ts';
export {
  type AgentExecutor,
  type AgentExecutorDeps,
  createAgentExecutor,
} from './executor/agent-executor.ts';
export { type AgentLimits, DEFAULT_AGENT_LIMITS } from './executor/limits.ts';
export { formatResult } from './format/format-result.ts';
export { createApiKubeReader } from './kube/api-kube-reader.ts';
export {
  connectInCluster,
  type InClusterOptions,
  SERVICE_ACCOUNT_DIR,
} from './kube/in-cluster-connection.ts';
export { createHttpsConnection, type KubeConnection } from './kube/kube-connection.ts';
export type {
  KubeReader,
  KubeVersion,
  ListOptions,
  NodeMetrics,
  PodLogOptions,
  PodMetrics,
  ReadOptions,
} from './kube/kube-reader.ts';
export type { KubeList, KubeObject } from './kube/kube-types.ts';
export { connectWithKubeConfig, type KubeConfigConnectionOptions } from './kube/kubeconfig-connection.ts';
export {
  createMemoryKubeReader,
  type MemoryCluster,
  type MemoryKubeReader,
} from './kube/memory-kube-reader.ts';
export type { ReadableResource } from './kube/resources.ts';
export {
  type OutputFormat,
  type ParsedKubectl,
  parseKubectl,
  parseKubectlArgs,
} from './kubectl/parse-kubectl.ts';
export type { ClusterInfo } from './operations/cluster-info.ts';
export { type ConfigMapValuesOptions, WITHHELD } from './operations/configmap-policy.ts';
export type { ListResult } from './operations/list.ts';
export type { CompactEvent } from './operations/load-events.ts';
export type { NodeSummary, NodeSummaryResult } from './operations/node-summary.ts';
export type { OwnerLink } from './operations/owner-chain.ts';
export type { RolloutHistory, RolloutRevision } from './operations/rollout-history.ts';
export type { NodeUsage, PodUsage, TopResult } from './operations/top.ts';
export { measureRedaction, type RedactionMeasurement } from './redaction/measure-redaction.ts';
export { REDACTED, redactText } from './redaction/redact-text.ts';
export { redactValue } from './redaction/redact-value.ts';
export { isSecretName } from './redaction/secret-names.ts';
export { createInProcessTransport } from './transport/in-process-transport.ts';
