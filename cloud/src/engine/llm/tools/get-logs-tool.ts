import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { OperationRunner } from './operation-runner.ts';
import { toolOutput } from './tool-output.ts';

/** The last lines of one container's logs. */
export function getLogsTool(runner: OperationRunner) {
  return tool({
    name: 'get_logs',
    description:
      "The last lines of one container's logs (secrets already redacted). Use to find the error a " +
      'crashing or failing app prints. After a restart the current instance has just started: set ' +
      'previous to true to read the instance that crashed. Name the container when the pod has several.',
    inputSchema: z.object({
      namespace: z.string().min(1).max(63),
      pod: z.string().min(1).max(253),
      container: z.string().min(1).max(253).optional(),
      previous: z.boolean().default(false),
      tailLines: z.number().int().min(1).max(1000).default(200),
      sinceSeconds: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 3600)
        .optional(),
    }),
    callback: async (input) => toolOutput(await runner.run({ op: 'logs', ...input })),
  });
}
