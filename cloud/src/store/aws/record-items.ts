import type {
  Alert,
  ChatMessage,
  Investigation,
  Organization,
  Rule,
  RuleDecision,
  TimelineEvent,
} from '@opsworker/shared';
import {
  alertDecisionsIndexKey,
  alertSortKey,
  decisionSortKey,
  fingerprintIndexKey,
  groupIndexKey,
  investigationSortKey,
  isoTime,
  messageSortKey,
  ORG_SORT_KEY,
  ORGS_INDEX_PARTITION,
  orgPartition,
  ruleSortKey,
  timelineSortKey,
  tokenIndexPartition,
  unfinishedIndexKey,
} from './item-keys.ts';
import { expiresAt, type RetentionDays } from './retention.ts';
import { TTL_ATTRIBUTE } from './table-definition.ts';

/** A table item: its keys, index keys, TTL, and the record itself under `record`. */
export type Item = Record<string, unknown> & { pk: string; sk: string; record: unknown };

const withTtl = (item: Item, iso: string, days: number): Item => {
  const ttl = expiresAt(iso, days);
  return ttl === undefined ? item : { ...item, [TTL_ATTRIBUTE]: ttl };
};

/** Builds each record type's item as docs/cloud-data-model.md lays it out. */
export function itemBuilders(retention: RetentionDays) {
  return {
    organization: (org: Organization): Item => ({
      pk: orgPartition(org.id),
      sk: ORG_SORT_KEY,
      gsi1pk: ORGS_INDEX_PARTITION,
      gsi1sk: org.id,
      gsi2pk: tokenIndexPartition(org.webhookTokenHash),
      gsi2sk: 'webhook',
      gsi3pk: tokenIndexPartition(org.apiTokenHash),
      gsi3sk: 'api',
      record: org,
    }),
    alert: (alert: Alert): Item =>
      withTtl(
        {
          pk: orgPartition(alert.orgId),
          sk: alertSortKey(alert.id),
          gsi1pk: fingerprintIndexKey(alert.orgId, alert.fingerprint),
          gsi1sk: 'ALERT',
          record: alert,
        },
        alert.lastSeenAt,
        retention.alerts,
      ),
    decision: (decision: RuleDecision): Item =>
      withTtl(
        {
          pk: orgPartition(decision.orgId),
          sk: decisionSortKey(decision.id),
          gsi1pk: alertDecisionsIndexKey(decision.orgId, decision.alertId),
          gsi1sk: decision.id,
          record: decision,
        },
        decision.at,
        retention.decisions,
      ),
    investigation: (investigation: Investigation): Item => {
      const unfinished = investigation.status === 'queued' || investigation.status === 'running';
      return withTtl(
        {
          pk: orgPartition(investigation.orgId),
          sk: investigationSortKey(investigation.id),
          gsi1pk: groupIndexKey(investigation.orgId, investigation.groupKey),
          gsi1sk: `${isoTime(investigation.createdAt)}#${investigation.id}`,
          // Sparse: only open work is in the index, so a restart reads just that.
          ...(unfinished
            ? { gsi2pk: unfinishedIndexKey(investigation.orgId), gsi2sk: investigation.id }
            : {}),
          record: investigation,
        },
        investigation.updatedAt,
        retention.investigations,
      );
    },
    timeline: (event: TimelineEvent): Item =>
      withTtl(
        {
          pk: orgPartition(event.orgId),
          sk: timelineSortKey(event.investigationId, event.seq, event.id),
          record: event,
        },
        event.at,
        retention.timeline,
      ),
    message: (message: ChatMessage): Item =>
      withTtl(
        {
          pk: orgPartition(message.orgId),
          sk: messageSortKey(message.investigationId, message.at, message.id),
          record: message,
        },
        message.at,
        retention.messages,
      ),
    rule: (rule: Rule): Item => ({ pk: orgPartition(rule.orgId), sk: ruleSortKey(rule.id), record: rule }),
  };
}
export type ItemBuilders = ReturnType<typeof itemBuilders>;
