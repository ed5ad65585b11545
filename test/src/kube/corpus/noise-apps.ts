import { onNode } from '../builders/base-nodes.ts';
import { exited, terminated } from '../builders/container-state.ts';
import { cronJob, job } from '../builders/jobs.ts';
import type { PodTemplate } from '../builders/pod-template.ts';
import {
  configMap,
  hpa,
  hpaCondition,
  limitRange,
  networkPolicy,
  pdb,
  resourceQuota,
} from '../builders/policy-objects.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { ingress, service } from '../builders/service-objects.ts';
import { watchdog } from './alerts.ts';
import { simple, small } from './simple-deployment.ts';

export function appsNoise(): ScenarioFiles {
  const ns = 'marketing';
  const site = simple(ns, 'marketing-site', 3, [
    {
      name: 'site',
      image: 'ghcr.io/acme/marketing-site:2024.11.20',
      ports: [{ containerPort: 8080, name: 'http' }],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    },
  ]);
  const backup: PodTemplate = {
    labels: { app: 'db-backup' },
    containers: [
      {
        name: 'backup',
        image: 'ghcr.io/acme/pg-backup:1.6.0',
        args: ['--target=s3://acme-backups/ops'],
        resources: small,
      },
    ],
  };
  const cron = cronJob({
    namespace: 'ops',
    name: 'db-backup',
    schedule: '30 1 * * *',
    created: '-200d',
    template: backup,
    lastScheduleTime: '-4h',
    lastSuccessfulTime: '-3h52m',
  });
  const jobs = [3, 2, 1].map((daysAgo, i) => {
    const start = daysAgo === 1 ? '-4h' : `-${daysAgo - 1}d4h`;
    const end = daysAgo === 1 ? '-3h52m' : `-${daysAgo - 1}d3h52m`;
    return job({
      namespace: 'ops',
      name: `db-backup-2941${2100 + i * 1440}`,
      created: start,
      template: backup,
      owner: cron,
      outcome: { kind: 'complete', completedAt: end },
      pods: [{ node: onNode(i), created: start, states: [terminated(exited(0, start, end))] }],
    });
  });
  const builder = new ScenarioBuilder({
    name: 'noise-apps',
    description:
      'Healthy application namespaces: a marketing site behind an ingress with an HPA, a PDB, a quota and a limit range, and a nightly backup CronJob with completed jobs. Only the Watchdog alert fires.',
    namespace: ns,
    kind: 'noise',
    alert: watchdog(),
    expected: { category: 'no_problem_found', facts: [] },
  })
    .add(
      site,
      cron,
      jobs.map((j) => j.objects),
    )
    .add(
      service({
        namespace: ns,
        name: 'marketing-site',
        created: '-60d',
        selector: { 'app.kubernetes.io/name': 'marketing-site' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .add(
      ingress({
        namespace: ns,
        name: 'marketing-site',
        created: '-60d',
        host: 'www.acme.example',
        service: 'marketing-site',
        port: 80,
        loadBalancerHostname: 'a3f1c2e4b5d6.elb.eu-west-1.amazonaws.com',
      }),
    )
    .add(
      hpa({
        namespace: ns,
        name: 'marketing-site',
        created: '-60d',
        target: 'marketing-site',
        min: 3,
        max: 8,
        current: 3,
        desired: 3,
        targetCpu: 75,
        currentCpu: 21,
        conditions: [
          hpaCondition(
            'AbleToScale',
            true,
            'ReadyForNewScale',
            'recommended size matches current size',
            '-14d',
          ),
          hpaCondition(
            'ScalingActive',
            true,
            'ValidMetricFound',
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
            '-60d',
          ),
          hpaCondition(
            'ScalingLimited',
            true,
            'TooFewReplicas',
            'the desired replica count is less than the minimum replica count',
            '-14d',
          ),
        ],
      }),
    )
    .add(pdb(ns, 'marketing-site', '-60d', { 'app.kubernetes.io/name': 'marketing-site' }, 2, 3))
    .add(
      resourceQuota(
        ns,
        'marketing-quota',
        '-60d',
        { 'limits.memory': '4Gi', 'requests.cpu': '2', pods: '15' },
        { 'limits.memory': '768Mi', 'requests.cpu': '300m', pods: '3' },
      ),
    )
    .add(limitRange(ns, 'container-defaults', '-60d', { cpu: '200m', memory: '256Mi' }))
    .add(
      networkPolicy(ns, 'allow-from-ingress-nginx', '-60d', {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'marketing-site' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
            ],
          },
        ],
      }),
    )
    .add(
      configMap(ns, 'marketing-site-config', '-14d', {
        'features.json': '{"newsletter":true,"banner":"winter-sale"}',
      }),
    );
  for (const j of jobs)
    builder.log(j.pods[0]!, 'backup', [
      'pg_dump: dumping database ops',
      'upload: s3://acme-backups/ops/ops.dump (1.8 GiB) done',
      'backup finished',
    ]);
  return builder
    .metrics({
      pods: site.pods.map((p) => ({
        namespace: ns,
        name: p.metadata.name,
        containers: [{ name: 'site', cpu: '21m', memory: '97Mi' }],
      })),
      nodes: [],
    })
    .build();
}
