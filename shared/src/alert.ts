import { z } from 'zod';
import { Scope } from './scope.ts';
import { StringMap } from './string-map.ts';

export const ALERT_SOURCES = ['alertmanager', 'grafana', 'datadog', 'cloudwatch', 'generic'] as const;
export const AlertSource = z.enum(ALERT_SOURCES);
export type AlertSource = z.infer<typeof AlertSource>;

/** Ordered from least to most severe: rules compare severities by this order. */
export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export const AlertStatus = z.enum(['firing', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const AlertLink = z.object({ title: z.string().max(200), url: z.string().max(2048) });
export type AlertLink = z.infer<typeof AlertLink>;

/**
 * One alert as every source is normalized to it. `fingerprint` identifies the alert across
 * notifications (the same alert firing again has the same fingerprint).
 */
export const NormalizedAlert = z.object({
  source: AlertSource,
  fingerprint: z.string().min(1).max(256),
  status: AlertStatus,
  severity: Severity,
  title: z.string().min(1).max(500),
  description: z.string().max(10_000).default(''),
  labels: StringMap,
  annotations: StringMap,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  links: z.array(AlertLink).max(20),
  scope: Scope,
});
export type NormalizedAlert = z.infer<typeof NormalizedAlert>;

/** An alert as stored: one record per fingerprint, updated while it keeps firing. */
export const Alert = NormalizedAlert.extend({
  id: z.string(),
  orgId: z.string(),
  receivedCount: z.number().int().nonnegative(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().optional(),
  investigationId: z.string().optional(),
  /** The id of the last rule decision taken for this alert. */
  decisionId: z.string().optional(),
  /** Ingest sequence of the last notification applied: makes replays after a crash idempotent. */
  lastReceipt: z.number().int().nonnegative(),
});
export type Alert = z.infer<typeof Alert>;
