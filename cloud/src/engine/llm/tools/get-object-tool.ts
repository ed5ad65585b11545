import { ResourceKind } from '@opsworker/shared';
import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** Read one object in full. */
export function getObjectTool(runner: OperationRunner) {
  return tool({
    name: 'get_object',
    description:
      'Read one Kubernetes object in full (spec and status, as YAML). Use when you need exact fields: ' +
      "a container's resources, probes, image or env var names, a workload's replicas and conditions, " +
      'owner references, volumes. Secrets cannot be read.',
    inputSchema: z.object({
      kind: ResourceKind.describe('Plural resource name, e.g. pods, deployments, persistentvolumeclaims'),
      namespace: z.string().min(1).max(63).optional().describe('Omit for cluster-scoped kinds (nodes, ...)'),
      name: z.string().min(1).max(253),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'get', ...input })),
  });
}
