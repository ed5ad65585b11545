import { AlertStatus, type NormalizedAlert, parseWith, type Scope, StringMap } from '@opsworker/shared';
import { z } from 'zod';
import { alertDescription, alertTitle } from './alert-text.ts';
import { derivedFingerprint, givenFingerprint, labelParts } from './fingerprint.ts';
import { resolveKind } from './kind-aliases.ts';
import { collectLinks } from './links.ts';
import { scopeFromPrometheusLabels } from './prometheus-scope.ts';
import { severityFromText } from './severity.ts';
import { toIsoTime } from './time.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

const Name = z.string().trim().min(1).max(253);
const Time = z.iso.datetime({ offset: true });

const SeverityText = z.string().transform((text, ctx) => {
  const severity = severityFromText(text);
  if (severity) return severity;
  ctx.addIssue({ code: 'custom', message: 'use critical, error, warning or info (or P1-P5, high, low…)' });
  return z.NEVER;
});

const KindText = z.string().transform((text, ctx) => {
  const kind = resolveKind(text);
  if (kind) return kind;
  ctx.addIssue({
    code: 'custom',
    message: `unknown kind "${text.slice(0, 50)}" (use e.g. pods, deployments, nodes)`,
  });
  return z.NEVER;
});

const Link = z.union([
  z.string().max(2048),
  z.object({ title: z.string().max(200).optional(), url: z.string().max(2048) }),
]);

/** One alert in OpsWorker's own webhook format: see docs/generic-webhook.md. */
const GenericAlert = z.object({
  title: z.string().trim().min(1).max(500),
  status: AlertStatus.default('firing'),
  severity: SeverityText.default('warning'),
  description: z.string().max(10_000).optional(),
  fingerprint: z.string().trim().min(1).max(200).optional(),
  labels: StringMap.default({}),
  annotations: StringMap.default({}),
  startsAt: Time.optional(),
  endsAt: Time.optional(),
  links: z.array(Link).max(20).default([]),
  scope: z
    .object({
      cluster: Name.optional(),
      namespace: Name.optional(),
      kind: KindText.optional(),
      name: Name.optional(),
      container: Name.optional(),
    })
    .optional(),
});
type GenericAlert = z.infer<typeof GenericAlert>;

const GenericBatch = z.object({ alerts: z.array(GenericAlert).min(1) });

/** Normalizes OpsWorker's generic webhook: one alert object, or `{ "alerts": [...] }`. */
export async function normalizeGeneric(
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  const batch = typeof body === 'object' && body !== null && 'alerts' in body;
  const alerts = batch
    ? parseWith(GenericBatch, body, 'generic payload').alerts
    : [parseWith(GenericAlert, body, 'generic payload')];
  return { kind: 'alerts', alerts: alerts.map((alert) => genericAlert(alert, options.receivedAt)) };
}

function genericAlert(alert: GenericAlert, receivedAt: Date): NormalizedAlert {
  const startsAt = toIsoTime(alert.startsAt, 'startsAt') ?? receivedAt.toISOString();
  const endsAt = toIsoTime(alert.endsAt, 'endsAt');
  return {
    source: 'generic',
    fingerprint: alert.fingerprint
      ? givenFingerprint('generic', alert.fingerprint)
      : derivedFingerprint('generic', ['title', alert.title, ...labelParts(alert.labels)]),
    status: alert.status,
    severity: alert.severity,
    title: alertTitle([alert.title], 'Alert'),
    description: alertDescription([alert.description]),
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt,
    ...(alert.status === 'resolved' ? { endsAt: endsAt ?? receivedAt.toISOString() } : {}),
    links: collectLinks(
      alert.links.map((link) =>
        typeof link === 'string'
          ? { title: linkTitle(link), url: link }
          : { title: link.title ?? linkTitle(link.url), url: link.url },
      ),
    ),
    // An explicit scope is the sender's word; without one, Prometheus-style labels are read.
    scope: alert.scope ? withoutUndefined(alert.scope) : scopeFromPrometheusLabels(alert.labels),
  };
}

function linkTitle(url: string): string {
  return URL.parse(url)?.hostname || 'Link';
}

function withoutUndefined(scope: Scope): Scope {
  return Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== undefined)) as Scope;
}
