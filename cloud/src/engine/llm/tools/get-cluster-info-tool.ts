import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** Kubernetes version and node count. */
export function getClusterInfoTool(runner: OperationRunner) {
  return tool({
    name: 'get_cluster_info',
    description:
      "The cluster's Kubernetes version, API server and node count. Rarely needed: use it only when " +
      'the version matters (a removed API, a version-specific bug).',
    inputSchema: z.object({}),
    callback: async () => toolOutput(await runner.run({ op: 'clusterInfo' })),
  });
}
