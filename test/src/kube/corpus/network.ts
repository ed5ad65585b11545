import { onNode } from '../builders/base-nodes.ts';
import { exited, terminated } from '../builders/container-state.ts';
import { event } from '../builders/events.ts';
import { cronJob, job } from '../builders/jobs.ts';
import type { PodTemplate } from '../builders/pod-template.ts';
import { networkPolicy } from '../builders/policy-objects.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { kubeJobFailed } from './alerts.ts';
import { createdEvents, failedRun, JOB_CONTROLLER } from './job-runs.ts';

export function egressBlockedScenario(): ScenarioFiles {
  const ns = 'sync';
  const template: PodTemplate = {
    labels: { app: 'warehouse-sync' },
    containers: [
      {
        name: 'sync',
        image: 'ghcr.io/acme/warehouse-sync:1.12.0',
        env: [{ name: 'PARTNER_API', value: 'https://api.partner-warehouse.example.com/v2' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
      },
    ],
  };
  const cron = cronJob({
    namespace: ns,
    name: 'warehouse-sync',
    schedule: '*/15 * * * *',
    created: '-60d',
    template,
    backoffLimit: 1,
    lastScheduleTime: '-11m',
    lastSuccessfulTime: '-3h26m',
  });
  const ok = job({
    namespace: ns,
    name: 'warehouse-sync-29412615',
    created: '-3h30m',
    template,
    owner: cron,
    backoffLimit: 1,
    outcome: { kind: 'complete', completedAt: '-3h26m' },
    pods: [{ node: onNode(1), created: '-3h30m', states: [terminated(exited(0, '-3h30m', '-3h26m'))] }],
  });
  const failed = job({
    namespace: ns,
    name: 'warehouse-sync-29412810',
    created: '-11m',
    template,
    owner: cron,
    backoffLimit: 1,
    outcome: { kind: 'backoff-limit', failedAt: '-6m' },
    pods: [failedRun(0, '-11m', '-9m58s'), failedRun(2, '-9m46s', '-8m44s')],
  });
  const policy = networkPolicy(ns, 'default-deny-egress', '-3h18m', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ],
  });
  const log = [
    'warehouse-sync 1.12.0: 1834 changed rows since last sync',
    ...[1, 2, 3].map(
      (n) =>
        `WARN  POST https://api.partner-warehouse.example.com/v2/batches attempt ${n}/3 failed: Post "https://api.partner-warehouse.example.com/v2/batches": dial tcp 52.214.87.19:443: i/o timeout`,
    ),
    'ERROR sync failed: partner API unreachable: dial tcp 52.214.87.19:443: i/o timeout',
  ];
  const builder = new ScenarioBuilder({
    name: 'network-egress-blocked',
    description:
      'warehouse-sync jobs fail since a default-deny-egress NetworkPolicy (DNS only) was added 3h18m ago: HTTPS calls to the partner API time out.',
    namespace: ns,
    kind: 'failure',
    alert: kubeJobFailed(ns, failed.job.metadata.name),
    expected: {
      category: 'network_error',
      resource: 'networkpolicy/default-deny-egress',
      facts: ['i/o timeout', 'default-deny-egress'],
    },
    basedOn:
      'HolmesGPT test_ask_holmes/84_network_policy_blocking_traffic and test_investigate/15_dns_resolution',
  })
    .add(cron, ok, failed, policy, createdEvents(failed.job, failed.pods))
    .add(
      event(failed.job, {
        type: 'Warning',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        first: '-6m',
        component: JOB_CONTROLLER,
      }),
    )
    .add(
      event(cron, {
        reason: 'SawCompletedJob',
        message: `Saw completed job: ${failed.job.metadata.name}, condition: Failed`,
        first: '-6m',
        component: 'cronjob-controller',
      }),
    )
    .log(ok.pods[0]!, 'sync', [
      'warehouse-sync 1.12.0: 912 changed rows since last sync',
      'POST https://api.partner-warehouse.example.com/v2/batches 201 (912 rows) in 1.9s',
      'sync complete',
    ]);
  for (const p of failed.pods) builder.log(p, 'sync', log);
  return builder.build();
}
