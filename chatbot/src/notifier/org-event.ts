import { OrgEvent } from '@opsworker/shared';
import { z } from 'zod';

export { OrgEvent };

/**
 * An `/api/events` server-sent event (`event:` name, `data:` the record) as an OrgEvent;
 * undefined for names it does not know or data that does not validate.
 */
export function orgEventFromSse(name: string | undefined, data: string): OrgEvent | undefined {
  let record: unknown;
  try {
    record = JSON.parse(data);
  } catch {
    return undefined;
  }
  const key =
    name === 'alert'
      ? 'alert'
      : name === 'investigation'
        ? 'investigation'
        : name === 'timeline'
          ? 'event'
          : undefined;
  if (!key) return undefined;
  const parsed = OrgEvent.safeParse({ type: name, [key]: record });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The cloud's SNS message (`{ version: 1, orgId, event }`, the same records): the event for
 * the notifier, `digest` for a digest request, or undefined when it is for someone else.
 */
const SnsMessage = z.object({
  version: z.literal(1),
  orgId: z.string().min(1),
  event: z.looseObject({ type: z.string() }),
});

export type SnsNotification =
  | { kind: 'event'; orgId: string; event: OrgEvent }
  | { kind: 'digest'; orgId: string; requestedAt: string };

export function parseSnsNotification(body: string): SnsNotification | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = SnsMessage.safeParse(json);
  if (!message.success) return undefined;
  const { orgId, event } = message.data;
  if (event.type === 'digest') {
    const requestedAt = z.iso.datetime().safeParse(event.requestedAt);
    return requestedAt.success ? { kind: 'digest', orgId, requestedAt: requestedAt.data } : undefined;
  }
  const parsed = OrgEvent.safeParse(event);
  return parsed.success ? { kind: 'event', orgId, event: parsed.data } : undefined;
}
