import { onNode } from '../builders/base-nodes.ts';
import { crashLoop, exited, running, waiting } from '../builders/container-state.ts';
import {
  crashLoopEvents,
  healthyStartEvents,
  replicaSetCreateEvents,
  scaledEvent,
} from '../builders/event-patterns.ts';
import type { ContainerSpec } from '../builders/pod-template.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { ingress, service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import { blackboxProbeFailed, kubePodCrashLooping, kubePodNotReady } from './alerts.ts';

export function badRolloutScenario(): ScenarioFiles {
  const ns = 'checkout';
  const token =
    'eyJhbGciOiJSUzI1NiIsImtpZCI6ImNoZWNrb3V0LTIwMjQifQ.eyJzdWIiOiJjaGVja291dCIsImF1ZCI6InBheW1lbnRzIn0.X3n8Kq2vLm9TzR4wYp1sB6cD0fG7hJ5kN8uQ2eW4rT0';
  const container = (version: string, timeout: string): ContainerSpec => ({
    name: 'checkout',
    image: `ghcr.io/acme/checkout:${version}`,
    ports: [{ containerPort: 8080, name: 'http' }],
    env: [
      { name: 'PAYMENT_TIMEOUT', value: timeout },
      { name: 'PAYMENTS_URL', value: 'http://payments-gateway.payments.svc.cluster.local:8080' },
    ],
    readinessProbe: {
      httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  });
  const bundle = deployment({
    namespace: ns,
    name: 'checkout',
    replicas: 3,
    created: '-210d',
    progressDeadlineExceeded: true,
    revisions: [
      {
        revision: 6,
        created: '-8d',
        template: { labels: { app: 'checkout' }, containers: [container('v3.1.4', '30s')] },
        pods: [0, 1, 2].map((i) => ({ node: onNode(i), created: '-8d', states: [running('-8d')] })),
      },
      {
        revision: 7,
        created: '-24m',
        template: { labels: { app: 'checkout' }, containers: [container('v3.2.0', '30')] },
        pods: [{ node: onNode(1), created: '-24m', states: [crashLoop(9, exited(1, '-2m51s', '-2m50s'))] }],
      },
    ],
  });
  const newRs = bundle.replicaSets[1]!;
  const badPod = bundle.pods.at(-1)!;
  const log = [
    'checkout v3.2.0 (commit 4be1f7a) starting',
    'loaded config: region=eu-west-1 currency=EUR payments=http://payments-gateway.payments.svc.cluster.local:8080',
    `DEBUG payments client: default headers: Authorization: Bearer ${token}`,
    'FATAL config: invalid value "30" for PAYMENT_TIMEOUT: time: missing unit in duration "30"',
  ];
  return new ScenarioBuilder({
    name: 'bad-rollout',
    description:
      'Revision 7 of checkout (image v3.2.0, PAYMENT_TIMEOUT changed from "30s" to "30") crash-loops on start; revision 6 (v3.1.4) is still serving and the rollout is stuck.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, badPod.metadata.name, 'checkout'),
    expected: {
      category: 'bad_rollout',
      resource: 'deployment/checkout',
      facts: ['v3.2.0', 'PAYMENT_TIMEOUT'],
    },
    plantedSecrets: [token],
  })
    .add(
      bundle,
      scaledEvent(bundle.workload, newRs, 0, 1, '-24m'),
      replicaSetCreateEvents(newRs, [badPod], '-24m'),
    )
    .add(crashLoopEvents(badPod, 'checkout', { since: '-24m', lastStart: '-2m51s', count: 10, backOffs: 98 }))
    .add(
      service({
        namespace: ns,
        name: 'checkout',
        created: '-210d',
        selector: { app: 'checkout' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .log(badPod, 'checkout', log, { previous: true })
    .log(bundle.pods[0]!, 'checkout', [
      'checkout v3.1.4 (commit 91d0c2e) starting',
      'listening on :8080',
      'POST /v1/checkout 200 182ms',
      'POST /v1/checkout 200 164ms',
    ])
    .build();
}

export function selectorMismatchScenario(): ScenarioFiles {
  const ns = 'api';
  const bundle = deployment({
    namespace: ns,
    name: 'users-api',
    replicas: 2,
    created: '-90d',
    revisions: [
      {
        revision: 14,
        created: '-2h5m',
        template: {
          labels: { app: 'user-api', tier: 'backend' },
          containers: [
            {
              name: 'users-api',
              image: 'ghcr.io/acme/users-api:8.3.0',
              ports: [{ containerPort: 8080, name: 'http' }],
              resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
        pods: [0, 2].map((i) => ({ node: onNode(i), created: '-2h5m', states: [running('-2h4m')] })),
      },
    ],
  });
  const svc = service({
    namespace: ns,
    name: 'users',
    created: '-90d',
    selector: { app: 'users-api', tier: 'backend' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  return new ScenarioBuilder({
    name: 'service-no-endpoints',
    description:
      'The users service selects app=users-api, but since revision 14 the users-api pods are labelled app=user-api: the service has no endpoints and the ingress answers 503.',
    namespace: ns,
    kind: 'failure',
    alert: blackboxProbeFailed(ns, 'users', 'https://api.acme.example/users/healthz'),
    expected: {
      category: 'service_no_endpoints',
      resource: 'service/users',
      facts: ['app=users-api', 'user-api'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/76_service_discovery_issue',
  })
    .add(
      bundle,
      bundle.pods.flatMap((p) => healthyStartEvents(p, '-2h5m')),
      svc,
    )
    .add(
      ingress({
        namespace: ns,
        name: 'public-api',
        created: '-90d',
        host: 'api.acme.example',
        service: 'users',
        port: 80,
        loadBalancerHostname: 'a3f1c2e4b5d6.elb.eu-west-1.amazonaws.com',
      }),
    )
    .build();
}

export function initContainerScenario(): ScenarioFiles {
  const ns = 'wiki';
  const image = 'ghcr.io/acme/wiki:2.4.0';
  const bundle = deployment({
    namespace: ns,
    name: 'wiki',
    replicas: 1,
    created: '-1y',
    revisions: [
      {
        revision: 31,
        created: '-33m',
        template: {
          labels: { app: 'wiki' },
          initContainers: [
            {
              name: 'db-migrate',
              image,
              command: ['./migrate', 'up'],
              env: [{ name: 'DB_URL', value: 'postgres://wiki@wiki-db.wiki.svc:5432/wiki' }],
            },
          ],
          containers: [
            {
              name: 'wiki',
              image,
              ports: [{ containerPort: 3000, name: 'http' }],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
        pods: [
          {
            node: onNode(2),
            created: '-33m',
            initStates: [crashLoop(7, exited(1, '-3m5s', '-3m4s'))],
            states: [waiting('PodInitializing')],
          },
        ],
      },
    ],
  });
  const pod = bundle.pods[0]!;
  return new ScenarioBuilder({
    name: 'init-container-failed',
    description:
      'The wiki pod never starts: its init container db-migrate fails every time because migration 20241118_add_pages_table finds the table pages already exists.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodNotReady(ns, pod.metadata.name),
    expected: {
      category: 'init_container_failed',
      resource: 'deployment/wiki',
      facts: ['db-migrate', 'already exists'],
    },
  })
    .add(
      bundle,
      crashLoopEvents(pod, 'db-migrate', { since: '-33m', lastStart: '-3m5s', count: 8, backOffs: 141 }),
    )
    .log(
      pod,
      'db-migrate',
      [
        'migrate: connecting to postgres://wiki@wiki-db.wiki.svc:5432/wiki',
        'migrate: current version 20241102, 2 pending migrations',
        'migrate: applying 20241118_add_pages_table.sql',
        'ERROR: relation "pages" already exists (SQLSTATE 42P07)',
        'migrate: migration 20241118_add_pages_table failed; database left at version 20241102 (dirty=false)',
      ],
      { previous: true },
    )
    .build();
}
