import { type NormalizedAlert, parseWith, type Severity } from '@opsworker/shared';
import { z } from 'zod';
import { alertDescription, alertTitle } from './alert-text.ts';
import {
  canonicalScope,
  datadogFooterLinks,
  datadogMessageText,
  monitorIdFromText,
  parseDatadogTags,
  parseDatadogTitle,
} from './datadog-text.ts';
import { derivedFingerprint } from './fingerprint.ts';
import { collectLinks } from './links.ts';
import { pickScopeFacts, scopeFromFacts } from './scope.ts';
import { DATADOG_SCOPE_KEYS } from './scope-keys.ts';
import { lowerSeverity, severityFromText } from './severity.ts';
import { toIsoTime } from './time.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

/** Datadog template variables land quoted or bare depending on how the user wrote the payload. */
const Text = z.union([z.string(), z.number()]).transform(String);

/**
 * Datadog's default webhook payload (`$EVENT_TITLE`, `$EVENT_MSG`, `$DATE`, `$ID`…) plus the
 * fields custom payloads commonly add, under the names Datadog's docs and integrations use.
 */
const DatadogPayload = z.object({
  title: z.string().min(1),
  body: z.string().optional(),
  id: Text.optional(),
  date: Text.optional(),
  last_updated: Text.optional(),
  event_type: z.string().optional(),
  alert_id: Text.optional(),
  monitor_id: Text.optional(),
  aggreg_key: Text.optional(),
  alert_transition: z.string().optional(),
  alert_type: z.string().optional(),
  alert_priority: z.string().optional(),
  priority: z.string().optional(),
  severity: z.string().optional(),
  alert_scope: z.string().optional(),
  scopes: z.string().optional(),
  alert_query: z.string().optional(),
  tags: z.union([z.string(), z.array(z.string())]).optional(),
  hostname: z.string().optional(),
  link: z.string().optional(),
  url: z.string().optional(),
  snapshot: z.string().optional(),
  org: z.object({ id: Text.optional(), name: z.string().optional() }).optional(),
});
type DatadogPayload = z.infer<typeof DatadogPayload>;

/**
 * `$ALERT_TYPE` per level. `success` comes with recoveries; a recovery's severity is not
 * sent, so it is reported as info (the priority, when sent, still wins).
 */
const ALERT_TYPE_SEVERITY: Readonly<Record<string, Severity>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  success: 'info',
};

/** Normalizes one Datadog monitor notification. */
export async function normalizeDatadog(
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  const payload = parseWith(DatadogPayload, body, 'datadog payload');
  return { kind: 'alerts', alerts: [datadogAlert(payload, options.receivedAt)] };
}

function datadogAlert(payload: DatadogPayload, receivedAt: Date): NormalizedAlert {
  const title = parseDatadogTitle(payload.title);
  const transition = (payload.alert_transition || title.transition || '').toLowerCase().replace(/^re-/, '');
  const resolved = transition === 'recovered' || (transition === '' && payload.alert_type === 'success');
  const scope = canonicalScope(payload.alert_scope || payload.scopes || title.scope);
  const labels = { ...parseDatadogTags(payload.tags), ...parseDatadogTags(scope) };
  const priority = payload.alert_priority || payload.priority || payload.severity || title.priority;
  const monitorId = payload.alert_id || payload.monitor_id || monitorIdFromText(payload.body ?? payload.link);
  addLabel(labels, 'alertname', title.name);
  addLabel(labels, 'datadog_monitor_id', monitorId);
  addLabel(labels, 'datadog_event_type', payload.event_type);
  addLabel(labels, 'datadog_priority', priority);
  addLabel(labels, 'host', payload.hostname);
  addLabel(labels, 'datadog_org', payload.org?.name);
  const annotations: Record<string, string> = {};
  addLabel(annotations, 'datadog_transition', payload.alert_transition || title.transition);
  addLabel(annotations, 'query', payload.alert_query);
  const when =
    toIsoTime(payload.date ?? payload.last_updated, 'date', 'datadog payload') ?? receivedAt.toISOString();
  return {
    source: 'datadog',
    fingerprint: datadogFingerprint(monitorId, payload.aggreg_key, title.name, scope),
    status: resolved ? 'resolved' : 'firing',
    severity: datadogSeverity(priority, payload.alert_type, transition),
    title: alertTitle([scope ? `${title.name} on ${scope}` : title.name], 'Datadog monitor'),
    description: alertDescription([datadogMessageText(payload.body)]),
    labels,
    annotations,
    startsAt: when,
    ...(resolved ? { endsAt: when } : {}),
    links: collectLinks([
      { title: 'Event', url: payload.link ?? payload.url },
      ...datadogFooterLinks(payload.body),
      { title: 'Graph', url: payload.snapshot },
    ]),
    scope: scopeFromFacts(pickScopeFacts(labels, DATADOG_SCOPE_KEYS)),
  };
}

/**
 * Priority (P1…P5) says how much the team cares and wins when sent; otherwise `$ALERT_TYPE`,
 * otherwise the transition. A Warn or No Data transition never exceeds warning: the monitor's
 * alert threshold has not been crossed, whatever the monitor's priority.
 */
function datadogSeverity(
  priority: string | undefined,
  alertType: string | undefined,
  transition: string,
): Severity {
  const type = alertType?.toLowerCase() ?? '';
  const byType = Object.hasOwn(ALERT_TYPE_SEVERITY, type) ? ALERT_TYPE_SEVERITY[type] : undefined;
  const byTransition: Severity = transition === 'warn' || transition === 'no data' ? 'warning' : 'error';
  const severity = severityFromText(priority) ?? byType ?? byTransition;
  return byTransition === 'warning' ? lowerSeverity(severity, 'warning') : severity;
}

/**
 * One monitor alerts once per group (`service:api`), so monitor id + group identify an alert
 * from Triggered to Recovered. The event `id` changes with every notification and is never used.
 */
function datadogFingerprint(
  monitorId: string | undefined,
  aggregationKey: string | undefined,
  name: string,
  scope: string,
): string {
  if (monitorId) return derivedFingerprint('datadog', ['monitor', monitorId, scope]);
  if (aggregationKey) return derivedFingerprint('datadog', ['aggregation', aggregationKey]);
  return derivedFingerprint('datadog', ['title', name, scope]);
}

function addLabel(target: Record<string, string>, name: string, value: string | undefined): void {
  if (value) target[name] = value;
}
