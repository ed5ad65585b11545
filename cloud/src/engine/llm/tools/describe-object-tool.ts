import { ResourceKind } from '@opsworker/shared';
import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** kubectl describe. */
export function describeObjectTool(runner: OperationRunner) {
  return tool({
    name: 'describe_object',
    description:
      'kubectl describe for one object: its state, conditions and recent events on one readable page. ' +
      'Use for a quick overall view of a pod, node, PVC, service, HPA or job before reading details.',
    inputSchema: z.object({
      kind: ResourceKind,
      namespace: z.string().min(1).max(63).optional().describe('Omit for cluster-scoped kinds'),
      name: z.string().min(1).max(253),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'describe', ...input })),
  });
}
