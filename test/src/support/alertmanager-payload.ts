import { createHash } from 'node:crypto';

/** Like Alertmanager's own: the same labels always give the same fingerprint. */
export function labelFingerprint(labels: Record<string, string>): string {
  const text = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** An Alertmanager webhook (version 4) payload with the given alerts, as Alertmanager sends it. */
export function alertmanagerPayload(
  alerts: {
    labels: Record<string, string>;
    annotations?: Record<string, string>;
    status?: 'firing' | 'resolved';
    fingerprint?: string;
    startsAt?: string;
    endsAt?: string;
  }[],
): Record<string, unknown> {
  const status = alerts.every((alert) => alert.status === 'resolved') ? 'resolved' : 'firing';
  return {
    version: '4',
    groupKey: '{}:{alertname="test"}',
    truncatedAlerts: 0,
    status,
    receiver: 'opsworker',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: alerts.map((alert) => ({
      status: alert.status ?? 'firing',
      labels: alert.labels,
      annotations: alert.annotations ?? { summary: `${alert.labels.alertname ?? 'Alert'} fired` },
      startsAt: alert.startsAt ?? '2026-11-24T05:00:00Z',
      endsAt: alert.endsAt ?? (alert.status === 'resolved' ? '2026-11-24T05:10:00Z' : '0001-01-01T00:00:00Z'),
      generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up',
      fingerprint: alert.fingerprint ?? labelFingerprint(alert.labels),
    })),
  };
}
