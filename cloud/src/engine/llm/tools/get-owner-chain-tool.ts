import { ResourceKind } from '@opsworker/shared';
import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** Who owns an object, up to the top. */
export function getOwnerChainTool(runner: OperationRunner) {
  return tool({
    name: 'get_owner_chain',
    description:
      'Who owns an object, up to the top: pod -> replicaset -> deployment, or pod -> job -> cronjob. ' +
      'Use to get from an alerted pod to the workload a fix applies to.',
    inputSchema: z.object({
      kind: ResourceKind,
      namespace: z.string().min(1).max(63),
      name: z.string().min(1).max(253),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'ownerChain', ...input })),
  });
}
