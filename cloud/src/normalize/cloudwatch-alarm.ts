import { type NormalizedAlert, readWith, type Severity } from '@opsworker/shared';
import { z } from 'zod';
import { alertDescription, alertTitle } from './alert-text.ts';
import { severityInAlarmText } from './cloudwatch-severity.ts';
import { derivedFingerprint, givenFingerprint } from './fingerprint.ts';
import { collectLinks } from './links.ts';
import { pickScopeFacts, scopeFromFacts } from './scope.ts';
import { CONTAINER_INSIGHTS_SCOPE_KEYS } from './scope-keys.ts';
import { toIsoTime } from './time.ts';

const Dimensions = z
  .array(z.object({ name: z.string(), value: z.string() }))
  .nullable()
  .optional();

/** The alarm CloudWatch publishes to SNS (JSON in the notification's `Message`). */
const CloudWatchAlarm = z.object({
  AlarmName: z.string().min(1),
  AlarmDescription: z.string().nullable().optional(),
  AWSAccountId: z.string().optional(),
  NewStateValue: z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']),
  NewStateReason: z.string().optional(),
  StateChangeTime: z.string().optional(),
  Region: z.string().optional(),
  AlarmArn: z.string().optional(),
  OldStateValue: z.string().optional(),
  Trigger: z
    .object({
      MetricName: z.string().nullable().optional(),
      Namespace: z.string().nullable().optional(),
      Dimensions,
      // Metric-math alarms list their metrics here instead of naming one.
      Metrics: z
        .array(
          z.object({
            MetricStat: z
              .object({
                Metric: z.object({
                  MetricName: z.string().optional(),
                  Namespace: z.string().optional(),
                  Dimensions,
                }),
              })
              .optional(),
          }),
        )
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});
type CloudWatchAlarm = z.infer<typeof CloudWatchAlarm>;

/** Where the notification came from, for what the alarm itself leaves out. */
export interface AlarmEnvelope {
  topicArn: string;
  timestamp: string;
  receivedAt: Date;
}

const AWS_REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * True when an SNS message is meant as a CloudWatch alarm. SNS topics carry other messages
 * too (the SNS docs' "Hello world!"); those are not alerts. A message with an AlarmName is
 * then validated in full, so a malformed alarm is refused with the field named, not dropped.
 */
export function looksLikeAlarm(parsed: unknown): boolean {
  return typeof parsed === 'object' && parsed !== null && 'AlarmName' in parsed;
}

/**
 * Maps a CloudWatch alarm. ALARM fires, OK resolves; INSUFFICIENT_DATA fires as a warning,
 * since SNS only sends it when the alarm's author asked to hear about missing data.
 */
export function fromCloudWatchAlarm(raw: unknown, envelope: AlarmEnvelope): NormalizedAlert {
  const alarm = readWith(CloudWatchAlarm, raw, 'cloudwatch alarm');
  const region = regionCode(alarm.AlarmArn) ?? regionCode(envelope.topicArn);
  const metric = primaryMetric(alarm);
  const dimensions: Record<string, string> = {};
  for (const { name, value } of metric.dimensions) dimensions[name] = value;
  const labels: Record<string, string> = {
    ...dimensions,
    alertname: alarm.AlarmName,
    cloudwatch_state: alarm.NewStateValue,
  };
  if (metric.name) labels.metric_name = metric.name;
  if (metric.namespace) labels.metric_namespace = metric.namespace;
  if (alarm.AWSAccountId) labels.aws_account_id = alarm.AWSAccountId;
  if (region) labels.aws_region = region;
  const annotations: Record<string, string> = {};
  if (alarm.NewStateReason) annotations.state_reason = alarm.NewStateReason;
  if (alarm.OldStateValue) annotations.previous_state = alarm.OldStateValue;
  if (alarm.Region) annotations.region_name = alarm.Region;
  const status = alarm.NewStateValue === 'OK' ? 'resolved' : 'firing';
  const changedAt =
    toIsoTime(alarm.StateChangeTime, 'StateChangeTime', 'cloudwatch alarm') ??
    toIsoTime(envelope.timestamp, 'Timestamp', 'sns message') ??
    envelope.receivedAt.toISOString();
  const named = severityInAlarmText(alarm.AlarmName, alarm.AlarmDescription ?? undefined);
  const severity: Severity = alarm.NewStateValue === 'INSUFFICIENT_DATA' ? 'warning' : (named ?? 'error');
  const insights = metric.namespace?.startsWith('ContainerInsights') ?? false;
  return {
    source: 'cloudwatch',
    fingerprint: alarm.AlarmArn
      ? givenFingerprint('cloudwatch', alarm.AlarmArn)
      : derivedFingerprint('cloudwatch', ['alarm', alarm.AWSAccountId ?? '', region ?? '', alarm.AlarmName]),
    status,
    severity,
    title: alertTitle([alarm.AlarmName], 'CloudWatch alarm'),
    description: alertDescription([
      [alarm.AlarmDescription, alarm.NewStateReason].filter(Boolean).join('\n\n'),
    ]),
    labels,
    annotations,
    startsAt: changedAt,
    ...(status === 'resolved' ? { endsAt: changedAt } : {}),
    links: collectLinks([
      { title: 'CloudWatch alarm', url: region ? consoleUrl(region, alarm.AlarmName) : undefined },
    ]),
    // Outside Container Insights `ClusterName` is an ECS cluster and `Service` an ECS service.
    scope: insights ? scopeFromFacts(pickScopeFacts(dimensions, CONTAINER_INSIGHTS_SCOPE_KEYS)) : {},
  };
}

interface MetricIdentity {
  name: string | undefined;
  namespace: string | undefined;
  dimensions: ReadonlyArray<{ name: string; value: string }>;
}

/** The alarm's metric, or for a metric-math alarm the first metric that names its dimensions. */
function primaryMetric(alarm: CloudWatchAlarm): MetricIdentity {
  const trigger = alarm.Trigger;
  if (trigger?.MetricName || trigger?.Dimensions?.length) {
    return {
      name: trigger.MetricName ?? undefined,
      namespace: trigger.Namespace ?? undefined,
      dimensions: trigger.Dimensions ?? [],
    };
  }
  const metrics = (trigger?.Metrics ?? []).flatMap((entry) =>
    entry.MetricStat ? [entry.MetricStat.Metric] : [],
  );
  const chosen = metrics.find((metric) => metric.Dimensions?.length) ?? metrics[0];
  return { name: chosen?.MetricName, namespace: chosen?.Namespace, dimensions: chosen?.Dimensions ?? [] };
}

/** The region code in an ARN (`arn:aws:cloudwatch:us-east-1:…`); the alarm's `Region` is a display name. */
function regionCode(arn: string | undefined): string | undefined {
  const region = arn?.split(':')[3];
  return region && AWS_REGION_CODE.test(region) ? region : undefined;
}

function consoleUrl(region: string, alarmName: string): string {
  const host = region.startsWith('cn-') ? 'console.amazonaws.cn' : `${region}.console.aws.amazon.com`;
  return `https://${host}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`;
}
