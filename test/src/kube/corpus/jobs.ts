import { onNode } from '../builders/base-nodes.ts';
import { terminated } from '../builders/container-state.ts';
import { event } from '../builders/events.ts';
import { cronJob, job } from '../builders/jobs.ts';
import type { PodTemplate } from '../builders/pod-template.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { kubeJobFailed } from './alerts.ts';
import { createdEvents, failedRun, JOB_CONTROLLER } from './job-runs.ts';

export function backoffLimitScenario(): ScenarioFiles {
  const ns = 'etl';
  const accessKey = 'AKIAZ7QF4M2XK3LP9ETW';
  const secretKey = 'wJx9kQ2r/Vt7mN4pL8sB3cZ6yH1fD5gE0aK/RuXo';
  const template: PodTemplate = {
    labels: { app: 'nightly-import' },
    containers: [
      {
        name: 'import',
        image: 'ghcr.io/acme/customer-import:2024.11.3',
        command: ['python', '/app/import.py'],
        env: [
          { name: 'SOURCE_URI', value: 's3://acme-etl-exports/customers/latest.csv' },
          { name: 'AWS_ACCESS_KEY_ID', value: accessKey },
          { name: 'AWS_SECRET_ACCESS_KEY', value: secretKey },
        ],
        resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
      },
    ],
  };
  const cron = cronJob({
    namespace: ns,
    name: 'nightly-import',
    schedule: '0 2 * * *',
    created: '-180d',
    template,
    backoffLimit: 3,
    lastScheduleTime: '-3h10m',
    lastSuccessfulTime: '-1d3h8m',
  });
  const built = job({
    namespace: ns,
    name: 'nightly-import-29412840',
    created: '-3h10m',
    template,
    backoffLimit: 3,
    owner: cron,
    outcome: { kind: 'backoff-limit', failedAt: '-3h6m' },
    pods: [
      failedRun(0, '-3h10m', '-3h9m50s'),
      failedRun(1, '-3h9m38s', '-3h9m28s'),
      failedRun(2, '-3h9m5s', '-3h8m55s'),
      failedRun(0, '-3h7m52s', '-3h7m41s'),
    ],
  });
  const log = [
    'INFO  nightly-import 2024.11.3 starting',
    'INFO  fetching s3://acme-etl-exports/customers/latest.csv',
    'INFO  downloaded 184223 rows (41.2 MB)',
    'WARN  header columns: id,email,created_at,plan',
    'Traceback (most recent call last):',
    '  File "/app/import.py", line 88, in <module>',
    '    main()',
    '  File "/app/import.py", line 71, in main',
    '    customer_id = int(row["customer_id"])',
    "KeyError: 'customer_id'",
  ];
  const builder = new ScenarioBuilder({
    name: 'job-backoff-limit',
    description:
      'The nightly-import job failed 4 times and hit its backoff limit: the upstream CSV export renamed the customer_id column to id. AWS keys are literal env values.',
    namespace: ns,
    kind: 'failure',
    alert: kubeJobFailed(ns, built.job.metadata.name),
    expected: {
      category: 'job_backoff_limit',
      resource: `job/${built.job.metadata.name}`,
      facts: ['BackoffLimitExceeded', 'customer_id'],
    },
    plantedSecrets: [accessKey, secretKey],
    basedOn: 'HolmesGPT test_investigate/06_job_failure',
  })
    .add(cron, built, createdEvents(built.job, built.pods))
    .add(
      event(built.job, {
        type: 'Warning',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        first: '-3h6m',
        component: JOB_CONTROLLER,
      }),
    )
    .add(
      event(cron, {
        reason: 'SuccessfulCreate',
        message: `Created job ${built.job.metadata.name}`,
        first: '-3h10m',
        component: 'cronjob-controller',
      }),
    )
    .add(
      event(cron, {
        reason: 'SawCompletedJob',
        message: `Saw completed job: ${built.job.metadata.name}, condition: Failed`,
        first: '-3h6m',
        component: 'cronjob-controller',
      }),
    );
  for (const p of built.pods) builder.log(p, 'import', log);
  return builder.build();
}

export function deadlineExceededScenario(): ScenarioFiles {
  const ns = 'reports';
  const template: PodTemplate = {
    labels: { app: 'monthly-rollup' },
    containers: [
      {
        name: 'rollup',
        image: 'ghcr.io/acme/rollup:3.1.0',
        args: ['--month=previous', '--target=warehouse.monthly_revenue'],
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '2Gi' } },
      },
    ],
  };
  const built = job({
    namespace: ns,
    name: 'monthly-rollup',
    created: '-52m',
    template,
    backoffLimit: 2,
    activeDeadlineSeconds: 1800,
    outcome: { kind: 'deadline', failedAt: '-22m' },
    pods: [
      {
        node: onNode(2),
        created: '-52m',
        phase: 'Failed',
        states: [terminated({ reason: 'Error', exitCode: 143, startedAt: '-52m', finishedAt: '-22m' })],
      },
    ],
  });
  const log = [
    'rollup 3.1.0: month=previous target=warehouse.monthly_revenue',
    'planning: SELECT ... FROM events WHERE created_at >= $1 AND created_at < $2',
    'WARN  slow query plan: Seq Scan on events (rows=48013221) - no index on events.created_at',
    ...[1.1, 2.3, 3.4, 4.6, 5.7].map(
      (m, i) =>
        `progress: ${m.toFixed(1)}M / 48.0M rows (${((m / 48) * 100).toFixed(1)}%), elapsed ${(i + 1) * 5}m, eta ${Math.round(((48 - m) / m) * (i + 1) * 5)}m`,
    ),
    'received SIGTERM, aborting rollup (no rows written)',
  ];
  return new ScenarioBuilder({
    name: 'job-deadline-exceeded',
    description:
      'monthly-rollup was stopped after its activeDeadlineSeconds of 1800: a sequential scan over 48M rows makes it far too slow to finish in 30 minutes.',
    namespace: ns,
    kind: 'failure',
    alert: kubeJobFailed(ns, 'monthly-rollup'),
    expected: {
      category: 'job_deadline_exceeded',
      resource: 'job/monthly-rollup',
      facts: ['DeadlineExceeded', '1800'],
    },
  })
    .add(built, createdEvents(built.job, built.pods))
    .add(
      event(built.job, {
        type: 'Warning',
        reason: 'DeadlineExceeded',
        message: 'Job was active longer than specified deadline',
        first: '-22m',
        component: JOB_CONTROLLER,
      }),
    )
    .add(
      event(built.job, {
        reason: 'SuccessfulDelete',
        message: `Deleted pod: ${built.pods[0]!.metadata.name}`,
        first: '-22m',
        component: JOB_CONTROLLER,
      }),
    )
    .log(built.pods[0]!, 'rollup', log)
    .build();
}
