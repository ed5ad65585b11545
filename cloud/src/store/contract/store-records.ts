import {
  Alert,
  ChatMessage,
  Investigation,
  Organization,
  Rule,
  RuleDecision,
  TimelineEvent,
} from '@opsworker/shared';
import { makeId } from '../../ids/make-id.ts';

/**
 * Valid records (parsed by the shared schemas, so they come back from a store unchanged) for one
 * organization. Each record is a second later than the previous one, so ids sort by creation
 * and "newest first" has one right answer. Times are recent by default: a store may hide records
 * past their retention.
 */
export function storeRecords(orgId: string, start = recently()) {
  let clock = start.getTime();
  const tick = () => {
    clock += 1000;
    return new Date(clock);
  };

  return {
    organization: (overrides: Partial<Organization> = {}): Organization =>
      Organization.parse({
        id: orgId,
        name: `Org ${orgId}`,
        createdAt: tick().toISOString(),
        webhookTokenHash: `wh-${orgId}-${clock}`,
        apiTokenHash: `api-${orgId}-${clock}`,
        ...overrides,
      }),
    alert: (overrides: Partial<Alert> = {}): Alert => {
      const at = tick();
      return Alert.parse({
        id: makeId('alert', at),
        orgId,
        source: 'alertmanager',
        fingerprint: `fp-${at.getTime()}`,
        status: 'firing',
        severity: 'warning',
        title: 'KubePodCrashLooping',
        labels: { alertname: 'KubePodCrashLooping', namespace: 'shop' },
        annotations: {},
        startsAt: at.toISOString(),
        links: [],
        scope: { cluster: 'prod', namespace: 'shop', kind: 'pods', name: 'checkout-1' },
        receivedCount: 1,
        firstSeenAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        lastReceipt: 1,
        ...overrides,
      });
    },
    decision: (alertId: string, overrides: Partial<RuleDecision> = {}): RuleDecision => {
      const at = tick();
      return RuleDecision.parse({
        id: makeId('dec', at),
        orgId,
        alertId,
        fingerprint: 'fp',
        at: at.toISOString(),
        action: 'investigate',
        reason: 'default rule',
        ...overrides,
      });
    },
    investigation: (overrides: Partial<Investigation> = {}): Investigation => {
      const at = tick();
      return Investigation.parse({
        id: makeId('inv', at),
        orgId,
        status: 'queued',
        title: 'Pod shop/checkout-1 is crash looping',
        severity: 'warning',
        scope: { cluster: 'prod', namespace: 'shop', kind: 'pods', name: 'checkout-1' },
        trigger: { type: 'manual', requestedBy: 'ana' },
        alertIds: [],
        groupKey: 'prod/shop/deployments/checkout',
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        ...overrides,
      });
    },
    event: (investigationId: string, seq: number, overrides: Partial<TimelineEvent> = {}): TimelineEvent =>
      TimelineEvent.parse({
        id: `${investigationId}:${seq}`,
        orgId,
        investigationId,
        seq,
        at: tick().toISOString(),
        type: 'step',
        message: `step ${seq}`,
        ...overrides,
      }),
    message: (investigationId: string, overrides: Partial<ChatMessage> = {}): ChatMessage => {
      const at = tick();
      return ChatMessage.parse({
        id: makeId('msg', at),
        orgId,
        investigationId,
        role: 'user',
        text: 'why is it crashing?',
        at: at.toISOString(),
        ...overrides,
      });
    },
    rule: (overrides: Partial<Rule> = {}): Rule => {
      const at = tick();
      return Rule.parse({
        id: makeId('rule', at),
        orgId,
        name: 'investigate critical',
        action: 'investigate',
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        ...overrides,
      });
    },
  };
}

/** An hour ago, on a whole second. */
function recently(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
}
