import type { AgentOperation, AgentOperationName } from '@opsworker/shared';
import { runClusterInfo } from './cluster-info.ts';
import { runDescribe } from './describe.ts';
import { runEvents } from './events.ts';
import { runGet } from './get.ts';
import { runList } from './list.ts';
import { runLogs } from './logs.ts';
import { runNodeSummary } from './node-summary.ts';
import type { OperationHandler } from './operation-context.ts';
import { runOwnerChain } from './owner-chain.ts';
import { runRolloutHistory } from './rollout-history.ts';
import { runTop } from './top.ts';

/** The closed list of what the agent can do: one read-only handler per operation of the protocol. */
export const OPERATIONS: {
  [Name in AgentOperationName]: OperationHandler<Extract<AgentOperation, { op: Name }>>;
} = {
  get: runGet,
  list: runList,
  events: runEvents,
  logs: runLogs,
  ownerChain: runOwnerChain,
  rolloutHistory: runRolloutHistory,
  describe: runDescribe,
  nodeSummary: runNodeSummary,
  top: runTop,
  clusterInfo: runClusterInfo,
};

/** Runs one operation through its handler. */
export function runOperation(
  operation: AgentOperation,
  context: Parameters<OperationHandler<AgentOperation>>[1],
) {
  const handler = OPERATIONS[operation.op] as OperationHandler<AgentOperation>;
  return handler(operation, context);
}
