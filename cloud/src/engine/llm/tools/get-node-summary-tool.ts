import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** Node conditions, taints and capacity. */
export function getNodeSummaryTool(runner: OperationRunner) {
  return tool({
    name: 'get_node_summary',
    description:
      "Nodes' conditions (Ready, MemoryPressure, DiskPressure, PIDPressure), taints, capacity and what " +
      'is requested on them. Use when pods are Pending or Evicted, or a node may be unhealthy.',
    inputSchema: z.object({
      name: z.string().min(1).max(253).optional().describe('One node; omit for every node'),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'nodeSummary', ...input })),
  });
}
