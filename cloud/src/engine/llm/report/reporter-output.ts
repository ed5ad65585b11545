import { Confidence, RootCauseCategory } from '@opsworker/shared';
import { z } from 'zod';

/**
 * What the reporter model must produce: the shared Report's content with the category bound
 * to the shared vocabulary and evidence cited by id (titles come from OpsWorker, not the model).
 */
export const ReporterOutput = z.object({
  summary: z
    .string()
    .min(1)
    .max(1500)
    .describe('Two or three sentences for the on-call engineer, conclusion first'),
  rootCause: z.object({
    category: RootCauseCategory,
    statement: z.string().min(1).max(1000).describe('One sentence with the real names and numbers'),
    resource: z
      .string()
      .max(300)
      .optional()
      .describe('kind/name (lower-case singular kind) where the cause lives, e.g. deployment/checkout'),
  }),
  confidence: Confidence.describe('high only on direct evidence'),
  impact: z.string().max(600).optional(),
  contributingFactors: z.array(z.string().min(1).max(300)).max(8).default([]),
  evidence: z
    .array(
      z.object({
        id: z.string().min(1).max(100).describe('An evidence id from the list: ev_... or op-N'),
        excerpt: z.string().max(1200).describe('The telling lines, quoted exactly from that evidence'),
      }),
    )
    .max(8)
    .describe('The evidence that shows the root cause, most telling first'),
  nextSteps: z
    .array(
      z.object({
        description: z.string().min(1).max(500),
        command: z
          .string()
          .max(500)
          .optional()
          .describe('A command for a human to run; OpsWorker never runs it'),
      }),
    )
    .max(8),
});
export type ReporterOutput = z.infer<typeof ReporterOutput>;
