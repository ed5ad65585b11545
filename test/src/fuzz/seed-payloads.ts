import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CORPUS_AVAILABLE,
  CORPUS_DIR,
  readCorpusHttp,
  readCorpusJson,
  readCorpusJsonLines,
  readFixture,
} from '@opsworker/cloud/normalize/fixtures/read-fixture.ts';
import { defaultRules } from '@opsworker/cloud/rules/default-rules.ts';
import type { AlertSource } from '@opsworker/shared';

/** A valid request body the fuzzer starts from. */
export interface SeedPayload {
  source: AlertSource;
  name: string;
  body: unknown;
}

const FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../cloud/src/normalize/fixtures',
);

const FIXTURE_SOURCES: readonly AlertSource[] = ['alertmanager', 'grafana', 'datadog', 'cloudwatch'];

/** OpsWorker's own format has no fixture folder: these follow docs/generic-webhook.md. */
const GENERIC_SEEDS: readonly unknown[] = [
  {
    title: 'Checkout latency above SLO',
    severity: 'P2',
    labels: { team: 'payments' },
    scope: { cluster: 'prod-eu-1', namespace: 'payments', kind: 'deployment', name: 'checkout' },
    links: ['https://grafana.example.com/d/abc', { title: 'Runbook', url: 'https://runbooks.example.com/x' }],
  },
  {
    alerts: [
      {
        title: 'Disk almost full',
        status: 'firing',
        labels: { node: 'ip-10-0-1-12', alertname: 'DiskFull' },
      },
      { title: 'Queue backlog', fingerprint: 'queue-backlog-orders', startsAt: '2026-03-02T10:00:00Z' },
      { title: 'Old alert', status: 'resolved', endsAt: '2026-03-02T11:00:00+01:00' },
    ],
  },
];

/** Corpus files per source; read only when the corpus is there. */
function corpusSeeds(): SeedPayload[] {
  const json = (source: AlertSource, name: string): SeedPayload => ({
    source,
    name: `corpus ${name}`,
    body: readCorpusJson(name),
  });
  const http = (name: string): SeedPayload => ({
    source: 'cloudwatch',
    name: `corpus ${name}`,
    body: JSON.parse(readCorpusHttp(name).body),
  });
  return [
    json('alertmanager', 'alertmanager/prometheus-msteams_prom_post_request.json'),
    json('grafana', 'grafana/grafana12_test_alert.derived.json'),
    json('grafana', 'grafana/legacy_alerting_webhook_docs_example.json'),
    json('grafana', 'grafana/unified_alerting_webhook_docs_example.json'),
    json('datadog', 'datadog/default_payload_service_check_test.json'),
    ...readCorpusJsonLines('datadog/keep_custom_payload_log_alerts.jsonl.txt')
      .slice(0, 5)
      .map((body, i) => ({ source: 'datadog' as const, name: `corpus datadog keep line ${i}`, body })),
    json('cloudwatch', 'cloudwatch_sns/lambda_sns_cloudwatch_alarm_single_metric.json'),
    json('cloudwatch', 'cloudwatch_sns/lambda_sns_cloudwatch_alarm_multiple_metrics.json'),
    json('cloudwatch', 'cloudwatch_sns/lambda_sns_cloudwatch_alarm_ok_transition.json'),
    json('cloudwatch', 'cloudwatch_sns/derived/http_sns_cloudwatch_alarm_single_metric.derived.json'),
    http('cloudwatch_sns/sns_http_notification.http'),
    http('cloudwatch_sns/sns_http_subscription_confirmation.http'),
  ];
}

/**
 * Valid webhook bodies of every source: the normalizers' fixtures, OpsWorker's own generic
 * format, and the shared corpus of real payloads when it is present.
 */
export function webhookSeeds(): { seeds: SeedPayload[]; note?: string } {
  const seeds: SeedPayload[] = [];
  for (const source of FIXTURE_SOURCES) {
    for (const name of readdirSync(path.join(FIXTURES_DIR, source)).filter((n) => n.endsWith('.json'))) {
      seeds.push({ source, name: `fixture ${source}/${name}`, body: readFixture(`${source}/${name}`) });
    }
  }
  for (const [i, body] of GENERIC_SEEDS.entries())
    seeds.push({ source: 'generic', name: `generic seed ${i}`, body });
  if (!CORPUS_AVAILABLE) {
    return { seeds, note: `alert corpus not found at ${CORPUS_DIR}: fuzzing from fixtures only` };
  }
  return { seeds: [...seeds, ...corpusSeeds()] };
}

/** Valid `POST /api/rules` bodies: the default rules and one using every kind of condition. */
export function ruleSeeds(): unknown[] {
  return [
    ...defaultRules(),
    {
      name: 'Page on checkout in business hours',
      priority: 50,
      match: {
        combine: 'or',
        sources: ['alertmanager', 'generic'],
        namespace: '^payments$',
        labels: [{ name: 'team', op: '=~', value: 'pay.*' }],
      },
      action: 'investigate',
      cooldownMinutes: 10,
      activeDuring: 'business_hours',
      businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone: 'Europe/Paris' },
      maintenanceWindows: [
        { type: 'once', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' },
        { type: 'weekly', days: [6], start: '22:00', end: '02:00', timeZone: 'UTC' },
      ],
      slackChannel: '#payments-oncall',
    },
  ];
}

/** Valid `POST /api/investigations` bodies. */
export function manualInvestigationSeeds(): unknown[] {
  return [
    { scope: { namespace: 'shop', kind: 'deployments', name: 'api' }, question: 'Why is it restarting?' },
    {
      scope: { cluster: 'prod-eu-1', kind: 'nodes', name: 'ip-10-0-1-12' },
      title: 'Node flapping',
      severity: 'critical',
      requestedBy: 'U024BE7LH',
    },
  ];
}
