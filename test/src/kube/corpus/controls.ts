import { onNode } from '../builders/base-nodes.ts';
import { exited, running, terminated } from '../builders/container-state.ts';
import { healthyStartEvents, replicaSetCreateEvents, scaledEvent } from '../builders/event-patterns.ts';
import { event } from '../builders/events.ts';
import { job } from '../builders/jobs.ts';
import type { PodTemplate } from '../builders/pod-template.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import { kubeDeploymentReplicasMismatch, kubeJobNotCompleted, kubePodCrashLooping } from './alerts.ts';
import { webTemplate } from './web-template.ts';

export function rolloutCompletedControl(): ScenarioFiles {
  const ns = 'accounts';
  const bundle = deployment({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    created: '-150d',
    revisions: [
      {
        revision: 8,
        created: '-12d',
        template: webTemplate('accounts-api', 'ghcr.io/acme/accounts-api:6.2.0'),
        pods: [],
      },
      {
        revision: 9,
        created: '-24m',
        template: webTemplate('accounts-api', 'ghcr.io/acme/accounts-api:6.3.0'),
        pods: [0, 1, 2].map((i) => ({
          node: onNode(i),
          created: `-${24 - i * 3}m`,
          states: [running(`-${23 - i * 3}m`)],
        })),
      },
    ],
  });
  const [oldRs, newRs] = bundle.replicaSets as [typeof bundle.workload, typeof bundle.workload];
  const steps = [
    scaledEvent(bundle.workload, newRs, 0, 1, '-24m'),
    scaledEvent(bundle.workload, oldRs, 3, 2, '-21m'),
    scaledEvent(bundle.workload, newRs, 1, 2, '-21m'),
    scaledEvent(bundle.workload, oldRs, 2, 1, '-18m'),
    scaledEvent(bundle.workload, newRs, 2, 3, '-18m'),
    scaledEvent(bundle.workload, oldRs, 1, 0, '-17m'),
  ];
  return new ScenarioBuilder({
    name: 'control-rollout-completed',
    description:
      'KubeDeploymentReplicasMismatch fired during a slow but normal rolling update of accounts-api to 6.3.0; the rollout has since completed and all 3 replicas are ready.',
    namespace: ns,
    kind: 'healthy-control',
    alert: kubeDeploymentReplicasMismatch(ns, 'accounts-api'),
    expected: { category: 'no_problem_found', resource: 'deployment/accounts-api', facts: ['6.3.0'] },
  })
    .add(
      bundle,
      steps,
      replicaSetCreateEvents(newRs, bundle.pods, '-24m'),
      bundle.pods.flatMap((p) => healthyStartEvents(p, p.metadata.creationTimestamp ?? '-24m')),
    )
    .add(
      service({
        namespace: ns,
        name: 'accounts-api',
        created: '-150d',
        selector: { app: 'accounts-api' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .build();
}

export function recoveredPodControl(): ScenarioFiles {
  const ns = 'search-ui';
  const bundle = deployment({
    namespace: ns,
    name: 'search-ui',
    replicas: 2,
    created: '-33d',
    revisions: [
      {
        revision: 4,
        created: '-5d',
        template: webTemplate('search-ui', 'ghcr.io/acme/search-ui:3.8.2'),
        pods: [
          {
            node: onNode(0),
            created: '-5d',
            states: [running('-2h6m', { restarts: 2, last: exited(1, '-2h9m', '-2h7m') })],
          },
          { node: onNode(2), created: '-5d', states: [running('-5d')] },
        ],
      },
    ],
  });
  const pod = bundle.pods[0]!;
  return new ScenarioBuilder({
    name: 'control-recovered-pod',
    description:
      'KubePodCrashLooping fired for a search-ui pod that restarted twice two hours ago while its backend was briefly unavailable; it has been running and ready since.',
    namespace: ns,
    kind: 'healthy-control',
    alert: kubePodCrashLooping(ns, pod.metadata.name, 'search-ui'),
    expected: { category: 'no_problem_found', resource: 'deployment/search-ui', facts: [] },
  })
    .add(
      bundle,
      service({
        namespace: ns,
        name: 'search-ui',
        created: '-33d',
        selector: { app: 'search-ui' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .log(pod, 'search-ui', [
      'search-ui 3.8.2 listening on :8080',
      'GET /ready 200',
      'GET /search?q=boots 200 41ms',
      'GET /search?q=jacket 200 38ms',
    ])
    .log(
      pod,
      'search-ui',
      [
        'search-ui 3.8.2 listening on :8080',
        'ERROR upstream search-api unavailable: 503 Service Unavailable',
        'fatal: upstream not ready after 120s',
      ],
      { previous: true },
    )
    .build();
}

export function jobCompletedControl(): ScenarioFiles {
  const ns = 'data-platform';
  const template: PodTemplate = {
    labels: { app: 'data-backfill' },
    containers: [
      {
        name: 'backfill',
        image: 'ghcr.io/acme/backfill:1.1.0',
        args: ['--from=2024-01-01'],
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '2Gi' } },
      },
    ],
  };
  const built = job({
    namespace: ns,
    name: 'data-backfill',
    created: '-13h',
    template,
    outcome: { kind: 'complete', completedAt: '-9m' },
    pods: [{ node: onNode(1), created: '-13h', states: [terminated(exited(0, '-13h', '-9m'))] }],
  });
  return new ScenarioBuilder({
    name: 'control-job-completed',
    description:
      'KubeJobNotCompleted fired because the data-backfill job ran longer than 12 hours; it completed successfully 9 minutes ago.',
    namespace: ns,
    kind: 'healthy-control',
    alert: kubeJobNotCompleted(ns, 'data-backfill'),
    expected: { category: 'no_problem_found', resource: 'job/data-backfill', facts: ['Complete'] },
  })
    .add(
      built,
      event(built.job, {
        reason: 'SuccessfulCreate',
        message: `Created pod: ${built.pods[0]!.metadata.name}`,
        first: '-13h',
        component: 'job-controller',
      }),
    )
    .add(
      event(built.job, {
        reason: 'Completed',
        message: 'Job completed',
        first: '-9m',
        component: 'job-controller',
      }),
    )
    .log(built.pods[0]!, 'backfill', [
      'backfill 1.1.0 from 2024-01-01',
      'progress 25%',
      'progress 50%',
      'progress 75%',
      'backfill complete: 41203377 rows in 12h51m',
    ])
    .build();
}
