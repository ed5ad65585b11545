import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** Current CPU and memory usage. */
export function getTopTool(runner: OperationRunner) {
  return tool({
    name: 'get_top',
    description:
      'Current CPU and memory usage of pods or nodes (metrics-server). Use to compare usage with ' +
      'limits: memory creeping up to its limit before an OOM kill, CPU saturation, a full node.',
    inputSchema: z.object({
      kind: z.enum(['pods', 'nodes']),
      namespace: z.string().min(1).max(63).optional(),
      name: z.string().min(1).max(253).optional(),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'top', ...input })),
  });
}
