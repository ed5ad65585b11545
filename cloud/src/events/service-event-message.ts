import { Alert, Investigation, TimelineEvent } from '@opsworker/shared';
import { z } from 'zod';

/**
 * What the cloud publishes on its SNS events topic, one record change per message (published only
 * after the change is stored), plus the scheduled digest request. Out-of-process consumers (the
 * Slack notifier Lambda) validate it with this schema; `version` lets them deploy separately.
 */
export const ServiceEventMessage = z.object({
  version: z.literal(1),
  orgId: z.string().min(1),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('alert'), alert: Alert }),
    z.object({ type: z.literal('investigation'), investigation: Investigation }),
    z.object({ type: z.literal('timeline'), event: TimelineEvent }),
    /** Sent by the schedule: the notifier posts the organization's daily digest. */
    z.object({
      type: z.literal('digest'),
      requestedAt: z.iso.datetime(),
      days: z.number().int().min(1).max(90),
    }),
  ]),
});
export type ServiceEventMessage = z.infer<typeof ServiceEventMessage>;
export type ServiceEvent = ServiceEventMessage['event'];
