import type { TimelineEvent, TimelineEventType } from '@opsworker/shared';

/**
 * Builds a timeline event. `key` makes the id deterministic (a replayed ingest step produces
 * the same id, and the store keeps one copy); without it the id is unique by sequence.
 */
export function timelineEvent(fields: {
  orgId: string;
  investigationId: string;
  seq: number;
  at: Date;
  type: TimelineEventType;
  message: string;
  data?: Record<string, unknown>;
  key?: string;
}): TimelineEvent {
  return {
    id: `${fields.investigationId}:${fields.key ?? String(fields.seq)}`,
    orgId: fields.orgId,
    investigationId: fields.investigationId,
    seq: fields.seq,
    at: fields.at.toISOString(),
    type: fields.type,
    message: fields.message,
    ...(fields.data ? { data: fields.data } : {}),
  };
}
