import { z } from 'zod';
import { Alert } from './alert.ts';
import { Investigation, TimelineEvent } from './investigation.ts';

/**
 * One change in an organization, published only after it is stored: the local server's
 * `/api/events` stream sends these, the cloud publishes them on SNS, the Slack notifier reads both.
 */
export const OrgEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alert'), alert: Alert }),
  z.object({ type: z.literal('investigation'), investigation: Investigation }),
  z.object({ type: z.literal('timeline'), event: TimelineEvent }),
]);
export type OrgEvent = z.infer<typeof OrgEvent>;

/** Sent by the cloud's schedule: the notifier posts the organization's daily digest. */
export const DigestRequest = z.object({
  type: z.literal('digest'),
  requestedAt: z.iso.datetime(),
  days: z.number().int().min(1).max(90),
});

/**
 * What the cloud publishes on its SNS events topic: one change per message, or a digest
 * request. `version` lets publishers and consumers deploy separately.
 */
export const ServiceEventMessage = z.object({
  version: z.literal(1),
  orgId: z.string().min(1),
  event: z.discriminatedUnion('type', [...OrgEvent.options, DigestRequest]),
});
export type ServiceEventMessage = z.infer<typeof ServiceEventMessage>;
export type ServiceEvent = ServiceEventMessage['event'];
