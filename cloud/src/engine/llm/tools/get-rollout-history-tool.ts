import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** A workload's revisions. */
export function getRolloutHistoryTool(runner: OperationRunner) {
  return tool({
    name: 'get_rollout_history',
    description:
      'The revisions of a deployment, statefulset or daemonset: images, change causes, when each was ' +
      'created and which is current. Use to check whether a problem began with a rollout and what changed.',
    inputSchema: z.object({
      kind: z.enum(['deployments', 'statefulsets', 'daemonsets']),
      namespace: z.string().min(1).max(63),
      name: z.string().min(1).max(253),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'rolloutHistory', ...input })),
  });
}
