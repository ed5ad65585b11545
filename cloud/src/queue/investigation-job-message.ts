import { z } from 'zod';
import type { InvestigationJob } from './queue.ts';

/** An investigation job as it travels on SQS. Versioned: producer and consumer deploy separately. */
export const InvestigationJobMessage = z.object({
  version: z.literal(1),
  orgId: z.string().min(1).max(63),
  investigationId: z.string().min(1).max(200),
});

export function encodeJob(job: InvestigationJob): string {
  return JSON.stringify({ version: 1, orgId: job.orgId, investigationId: job.investigationId });
}

/** The job in a message body, or undefined when the body is not one (it can never succeed: drop it). */
export function decodeJob(body: string): InvestigationJob | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = InvestigationJobMessage.safeParse(json);
  return parsed.success
    ? { orgId: parsed.data.orgId, investigationId: parsed.data.investigationId }
    : undefined;
}
