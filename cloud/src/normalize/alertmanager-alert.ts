import { AlertStatus, type NormalizedAlert, type Severity, StringMap } from '@opsworker/shared';
import { z } from 'zod';
import { alertDescription, alertTitle } from './alert-text.ts';
import { derivedFingerprint, givenFingerprint, labelParts } from './fingerprint.ts';
import { collectLinks, type LinkCandidate } from './links.ts';
import { scopeFromPrometheusLabels } from './prometheus-scope.ts';
import { severityFromText } from './severity.ts';
import { toIsoTime } from './time.ts';

/** One alert as Alertmanager's webhook (version 4) sends it; Grafana's unified alerting reuses the shape. */
export const AlertmanagerAlert = z.object({
  status: AlertStatus.optional(),
  labels: StringMap,
  annotations: StringMap.optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().optional(),
});
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlert>;

/** Prometheus alerts without a severity label are treated as needing attention, not paging. */
const DEFAULT_SEVERITY: Severity = 'warning';

/** Annotations that conventionally hold a URL, with the title to show for each. */
const LINK_ANNOTATIONS: ReadonlyArray<readonly [string, string]> = [
  ['runbook_url', 'Runbook'],
  ['runbook', 'Runbook'],
  ['dashboard_url', 'Dashboard'],
  ['dashboard', 'Dashboard'],
  ['playbook_url', 'Playbook'],
  ['logs_url', 'Logs'],
];

/** What the surrounding payload adds to each of its alerts. */
export interface AlertmanagerAlertContext {
  source: 'alertmanager' | 'grafana';
  /** The group's status, for senders that leave the per-alert status out. */
  groupStatus: AlertStatus;
  /** Alertmanager's or Grafana's own URL: a link, and the base for relative URLs. */
  externalURL: string | undefined;
  receivedAt: Date;
  /** Where the alert sits in the payload, to name fields in errors (`alerts.3.startsAt`). */
  path: string;
  extraLinks?: readonly LinkCandidate[];
  extraAnnotations?: Readonly<Record<string, string>>;
}

/**
 * Maps one Alertmanager-shaped alert. The fingerprint is the sender's (stable across firing and
 * resolved); when absent, as from Alertmanager before 0.19, it is derived from the label set,
 * which is how Alertmanager computes its own.
 */
export function fromAlertmanagerAlert(
  alert: AlertmanagerAlert,
  context: AlertmanagerAlertContext,
): NormalizedAlert {
  const { labels } = alert;
  const annotations = { ...alert.annotations, ...context.extraAnnotations };
  const status = alert.status ?? context.groupStatus;
  const what = `${context.source} payload`;
  const startsAt =
    toIsoTime(alert.startsAt, `${context.path}.startsAt`, what) ?? context.receivedAt.toISOString();
  const endsAt = toIsoTime(alert.endsAt, `${context.path}.endsAt`, what);
  const links: LinkCandidate[] = [{ title: 'Source', url: alert.generatorURL }];
  for (const [name, title] of LINK_ANNOTATIONS) {
    const url = annotations[name];
    if (url !== undefined) links.push({ title, url });
  }
  links.push(...(context.extraLinks ?? []));
  links.push({ title: context.source === 'grafana' ? 'Grafana' : 'Alertmanager', url: context.externalURL });
  const alertname = labels.alertname;
  return {
    source: context.source,
    fingerprint: alert.fingerprint
      ? givenFingerprint(context.source, alert.fingerprint)
      : derivedFingerprint(context.source, labelParts(labels)),
    status,
    severity: severityFromText(labels.severity) ?? severityFromText(labels.priority) ?? DEFAULT_SEVERITY,
    title: alertTitle([annotations.summary, alertname, annotations.title], 'Alert'),
    description: alertDescription([annotations.description, annotations.message]),
    labels,
    annotations,
    startsAt,
    // A firing alert's endsAt is only Alertmanager's resolve timeout, not an end.
    ...(status === 'resolved' ? { endsAt: endsAt ?? context.receivedAt.toISOString() } : {}),
    links: collectLinks(links, context.externalURL),
    scope: scopeFromPrometheusLabels(labels),
  };
}
