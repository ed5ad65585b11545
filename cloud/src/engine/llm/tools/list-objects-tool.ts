import { ResourceKind } from '@opsworker/shared';
import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** List objects of one kind as a kubectl table. */
export function listObjectsTool(runner: OperationRunner) {
  return tool({
    name: 'list_objects',
    description:
      'List objects of one kind as a kubectl table, optionally filtered by a label or field selector. ' +
      "Use to find a workload's pods (labelSelector from its spec.selector), to see which pods are not " +
      'ready or keep restarting, or what else runs in a namespace (services, PVCs, quotas, policies).',
    inputSchema: z.object({
      kind: ResourceKind,
      namespace: z.string().min(1).max(63).optional().describe('Omit for all namespaces'),
      labelSelector: z.string().max(1024).optional().describe('e.g. app=checkout'),
      fieldSelector: z.string().max(1024).optional().describe('e.g. status.phase=Pending'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'list', ...input })),
  });
}
