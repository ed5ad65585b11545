import { OrgEvent, ServiceEventMessage } from '@opsworker/shared';

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

export type SnsNotification =
  | { kind: 'event'; orgId: string; event: OrgEvent }
  | { kind: 'digest'; orgId: string; requestedAt: string };

/**
 * The cloud's SNS message (the shared `ServiceEventMessage`): the event for the notifier,
 * `digest` for a digest request, or undefined for anything else (malformed, or a kind of
 * message this version does not know).
 */
export function parseSnsNotification(body: string): SnsNotification | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = ServiceEventMessage.safeParse(json);
  if (!message.success) return undefined;
  const { orgId, event } = message.data;
  return event.type === 'digest'
    ? { kind: 'digest', orgId, requestedAt: event.requestedAt }
    : { kind: 'event', orgId, event };
}
