import { type NormalizedAlert, readWith, StringMap } from '@opsworker/shared';
import { z } from 'zod';
import { alertDescription, alertTitle } from './alert-text.ts';
import { derivedFingerprint, labelParts } from './fingerprint.ts';
import { collectLinks } from './links.ts';
import { scopeFromPrometheusLabels } from './prometheus-scope.ts';
import { severityFromText } from './severity.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

/** Grafana's legacy dashboard alerting (before 8, removed in 11): one rule per notification. */
const GrafanaLegacyPayload = z
  .object({
    ruleId: z.union([z.number(), z.string()]).optional(),
    ruleName: z.string().optional(),
    ruleUrl: z.string().optional(),
    state: z.enum(['alerting', 'ok', 'no_data', 'paused', 'pending']),
    title: z.string().optional(),
    message: z.string().optional(),
    imageUrl: z.string().optional(),
    tags: StringMap.nullable().optional(),
    evalMatches: z
      .array(
        z.object({
          metric: z.string().optional(),
          value: z.number().nullable().optional(),
          tags: StringMap.nullable().optional(),
        }),
      )
      .nullable()
      .optional(),
  })
  .refine((payload) => payload.ruleId !== undefined || Boolean(payload.ruleName), {
    message: 'needs ruleId or ruleName',
    path: ['ruleName'],
  });
type GrafanaLegacyPayload = z.infer<typeof GrafanaLegacyPayload>;

/**
 * Normalizes a legacy Grafana notification. `pending` and `paused` are not alerts (the rule has
 * not fired, or was switched off); `no_data` fires because the user chose to be told about it.
 */
export async function normalizeGrafanaLegacy(
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  const payload = readWith(GrafanaLegacyPayload, body, 'grafana legacy payload');
  if (payload.state === 'pending' || payload.state === 'paused') {
    return { kind: 'ignored', reason: `grafana rule is ${payload.state}, not alerting` };
  }
  return { kind: 'alerts', alerts: [legacyAlert(payload, options.receivedAt)] };
}

function legacyAlert(payload: GrafanaLegacyPayload, receivedAt: Date): NormalizedAlert {
  const tags = payload.tags ?? {};
  const matches = payload.evalMatches ?? [];
  const labels: Record<string, string> = { ...tags };
  if (payload.ruleName && labels.alertname === undefined) labels.alertname = payload.ruleName;
  const annotations: Record<string, string> = { grafana_state: payload.state };
  if (matches.length > 0) {
    annotations.values = matches
      .map((match) => `${match.metric ?? '?'}=${String(match.value ?? null)}`)
      .join(', ');
  }
  // A single evaluated series names the object; several series name several, so none is picked.
  const only = matches.length === 1 ? matches[0] : undefined;
  const identity = payload.ruleId !== undefined ? `id:${payload.ruleId}` : `name:${payload.ruleName}`;
  const status = payload.state === 'ok' ? 'resolved' : 'firing';
  const now = receivedAt.toISOString();
  return {
    source: 'grafana',
    fingerprint: derivedFingerprint('grafana', ['legacy', identity, ...labelParts(tags)]),
    status,
    severity: severityFromText(tags.severity) ?? 'warning',
    title: alertTitle([payload.ruleName, payload.title?.replace(/^\[[^\]]*\]\s*/, '')], 'Grafana alert'),
    description: alertDescription([payload.message]),
    labels,
    annotations,
    // Legacy notifications carry no times: the arrival is the best we know.
    startsAt: now,
    ...(status === 'resolved' ? { endsAt: now } : {}),
    links: collectLinks([
      { title: 'Rule', url: payload.ruleUrl },
      { title: 'Image', url: payload.imageUrl },
    ]),
    scope: scopeFromPrometheusLabels({ ...only?.tags, ...tags }),
  };
}
