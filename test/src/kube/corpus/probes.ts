import { onNode } from '../builders/base-nodes.ts';
import { crashLoop, running } from '../builders/container-state.ts';
import { healthyStartEvents } from '../builders/event-patterns.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import type { KubeObject } from '../types.ts';
import { kubeDeploymentReplicasMismatch, kubePodCrashLooping } from './alerts.ts';
import { podIpOf, probeEvent } from './probe-events.ts';

export function readinessProbeScenario(): ScenarioFiles {
  const ns = 'profiles';
  const bundle = deployment({
    namespace: ns,
    name: 'profile-api',
    replicas: 2,
    created: '-41m',
    revisions: [
      {
        revision: 1,
        created: '-41m',
        template: {
          labels: { app: 'profile-api' },
          containers: [
            {
              name: 'profile-api',
              image: 'ghcr.io/acme/profile-api:1.0.0',
              ports: [{ containerPort: 8080, name: 'http' }],
              readinessProbe: {
                httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
                initialDelaySeconds: 5,
                periodSeconds: 10,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            },
          ],
        },
        pods: [0, 1].map((i) => ({
          node: onNode(i),
          created: '-41m',
          states: [running('-41m', { ready: false })],
        })),
      },
    ],
  });
  const log = (pod: KubeObject) => [
    'INFO  profile-api 1.0.0 started in 1.84s',
    'INFO  routes: GET /health, GET /metrics, GET /v1/profiles/{id}, PUT /v1/profiles/{id}',
    ...Array.from(
      { length: 8 },
      () => `INFO  ${podIpOf(pod).replace(/\.\d+$/, '.1')} "GET /healthz HTTP/1.1" 404 19 "kube-probe/1.31"`,
    ),
  ];
  const builder = new ScenarioBuilder({
    name: 'readiness-probe-failing',
    description:
      'profile-api never becomes ready: its readiness probe calls /healthz, but the service exposes its health check at /health and answers 404.',
    namespace: ns,
    kind: 'failure',
    alert: kubeDeploymentReplicasMismatch(ns, 'profile-api'),
    expected: {
      category: 'readiness_probe_failing',
      resource: 'deployment/profile-api',
      facts: ['/healthz', '404'],
    },
  })
    .add(
      bundle,
      bundle.pods.flatMap((p) => healthyStartEvents(p, '-41m')),
    )
    .add(
      bundle.pods.map((p) =>
        probeEvent(
          p,
          'profile-api',
          'Unhealthy',
          'Readiness probe failed: HTTP probe failed with statuscode: 404',
          247,
        ),
      ),
    )
    .add(
      service({
        namespace: ns,
        name: 'profile-api',
        created: '-41m',
        selector: { app: 'profile-api' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    );
  for (const p of bundle.pods) builder.log(p, 'profile-api', log(p));
  return builder.build();
}

export function livenessProbeScenario(): ScenarioFiles {
  const ns = 'gateway';
  const completed = (start: string, end: string) => ({
    reason: 'Completed',
    exitCode: 0,
    startedAt: start,
    finishedAt: end,
  });
  const bundle = deployment({
    namespace: ns,
    name: 'edge-proxy',
    replicas: 2,
    created: '-5d',
    revisions: [
      {
        revision: 4,
        created: '-1h58m',
        template: {
          labels: { app: 'edge-proxy' },
          containers: [
            {
              name: 'edge-proxy',
              image: 'nginx:1.27.3-alpine',
              ports: [{ containerPort: 8080, name: 'http' }],
              livenessProbe: {
                httpGet: { path: '/healthz', port: 8081, scheme: 'HTTP' },
                initialDelaySeconds: 10,
                periodSeconds: 10,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
              resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            },
          ],
        },
        pods: [
          { node: onNode(0), created: '-1h58m', states: [crashLoop(14, completed('-4m40s', '-4m2s'))] },
          {
            node: onNode(2),
            created: '-1h58m',
            states: [running('-31s', { restarts: 15, last: completed('-1m41s', '-1m2s') })],
          },
        ],
      },
    ],
  });
  const builder = new ScenarioBuilder({
    name: 'liveness-probe-misconfigured',
    description:
      'edge-proxy is restarted every ~40s: its liveness probe targets port 8081, but nginx listens on 8080, so the kubelet kills a healthy container.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, bundle.pods[0]!.metadata.name, 'edge-proxy'),
    expected: {
      category: 'liveness_probe_failing',
      resource: 'deployment/edge-proxy',
      facts: ['8081', 'Liveness probe failed'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/77_liveness_probe_misconfiguration',
  }).add(
    bundle,
    service({
      namespace: ns,
      name: 'edge-proxy',
      created: '-5d',
      selector: { app: 'edge-proxy' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    }),
  );
  for (const pod of bundle.pods) {
    const ip = podIpOf(pod);
    builder.add(
      probeEvent(
        pod,
        'edge-proxy',
        'Unhealthy',
        `Liveness probe failed: Get "http://${ip}:8081/healthz": dial tcp ${ip}:8081: connect: connection refused`,
        45,
      ),
      probeEvent(
        pod,
        'edge-proxy',
        'Killing',
        'Container edge-proxy failed liveness probe, will be restarted',
        15,
      ),
    );
    const nginx = [
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      'nginx/1.27.3',
      'start worker processes',
      `${ip.replace(/\.\d+$/, '.1')} - - "GET / HTTP/1.1" 200 615 "-" "ELB-HealthChecker/2.0"`,
      'signal 3 (SIGQUIT) received, shutting down',
      'gracefully shutting down',
      'exiting',
      'exit',
    ];
    builder.log(pod, 'edge-proxy', nginx, { previous: true });
  }
  builder.log(bundle.pods[1]!, 'edge-proxy', [
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    'nginx/1.27.3',
    'start worker processes',
  ]);
  return builder.build();
}
