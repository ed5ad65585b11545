import { ResourceKind } from '@opsworker/shared';
import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** Kubernetes events for a namespace or one object. */
export function getEventsTool(runner: OperationRunner) {
  return tool({
    name: 'get_events',
    description:
      'Recent Kubernetes events, newest last: what Kubernetes itself says happened (BackOff, ' +
      'FailedScheduling, FailedMount, Unhealthy probes, OOMKilling, Evicted, FailedCreate). Use early, ' +
      'for one object (involvedObject) or a whole namespace.',
    inputSchema: z.object({
      namespace: z.string().min(1).max(63).optional(),
      involvedObject: z
        .object({ kind: ResourceKind, name: z.string().min(1).max(253) })
        .optional()
        .describe('Only the events about this object'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'events', ...input })),
  });
}
