import type { Tool } from '@strands-agents/sdk';
import { describeObjectTool } from './describe-object-tool.ts';
import { getClusterInfoTool } from './get-cluster-info-tool.ts';
import { getEventsTool } from './get-events-tool.ts';
import { getLogsTool } from './get-logs-tool.ts';
import { getNodeSummaryTool } from './get-node-summary-tool.ts';
import { getObjectTool } from './get-object-tool.ts';
import { getOwnerChainTool } from './get-owner-chain-tool.ts';
import { getRolloutHistoryTool } from './get-rollout-history-tool.ts';
import { getTopTool } from './get-top-tool.ts';
import { listObjectsTool } from './list-objects-tool.ts';
import type { OperationRunner } from './operation-runner.ts';

/** Every read-only agent operation as a model tool: the same closed list the agent serves. */
export function operationTools(runner: OperationRunner): Tool[] {
  return [
    getObjectTool(runner),
    listObjectsTool(runner),
    getEventsTool(runner),
    getLogsTool(runner),
    getOwnerChainTool(runner),
    getRolloutHistoryTool(runner),
    describeObjectTool(runner),
    getNodeSummaryTool(runner),
    getTopTool(runner),
    getClusterInfoTool(runner),
  ];
}
