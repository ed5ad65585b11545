import { onNode } from '../builders/base-nodes.ts';
import { running, waiting } from '../builders/container-state.ts';
import { imagePullEvents, replicaSetCreateEvents, scaledEvent } from '../builders/event-patterns.ts';
import type { ContainerSpec } from '../builders/pod-template.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import { kubeContainerWaiting, kubeDeploymentRolloutStuck } from './alerts.ts';

function pullFailure(image: string, error: string) {
  return {
    backoff: waiting('ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${error}`),
    error,
  };
}

export function tagNotFoundScenario(): ScenarioFiles {
  const ns = 'storefront';
  const goodImage = 'ghcr.io/acme/web-frontend:v2.13.4';
  const badImage = 'ghcr.io/acme/web-frontend:v2.14.0-rc3';
  const container = (image: string): ContainerSpec => ({
    name: 'web',
    image,
    ports: [{ containerPort: 8080, name: 'http' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    readinessProbe: {
      httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
  });
  const failure = pullFailure(
    badImage,
    `rpc error: code = NotFound desc = failed to pull and unpack image "${badImage}": failed to resolve reference "${badImage}": ${badImage}: not found`,
  );
  const bundle = deployment({
    namespace: ns,
    name: 'web-frontend',
    replicas: 3,
    created: '-63d',
    revisions: [
      {
        revision: 11,
        created: '-9d',
        template: { labels: { app: 'web-frontend' }, containers: [container(goodImage)] },
        pods: [0, 1, 2].map((i) => ({ node: onNode(i), created: '-9d', states: [running('-9d')] })),
      },
      {
        revision: 12,
        created: '-34m',
        template: { labels: { app: 'web-frontend' }, containers: [container(badImage)] },
        pods: [{ node: onNode(1), created: '-34m', states: [failure.backoff] }],
      },
    ],
    progressDeadlineExceeded: true,
  });
  const newRs = bundle.replicaSets[1];
  const newPod = bundle.pods.at(-1)!;
  return new ScenarioBuilder({
    name: 'image-pull-tag-not-found',
    description:
      'Rollout of web-frontend to v2.14.0-rc3 is stuck: that tag does not exist in the registry, the new pod is in ImagePullBackOff while v2.13.4 keeps serving.',
    namespace: ns,
    kind: 'failure',
    alert: kubeDeploymentRolloutStuck(ns, 'web-frontend'),
    expected: {
      category: 'image_pull_not_found',
      resource: 'deployment/web-frontend',
      facts: ['v2.14.0-rc3', 'not found'],
    },
    basedOn: 'HolmesGPT test_investigate/04_image_pull_backoff',
  })
    .add(
      bundle,
      scaledEvent(bundle.workload, newRs!, 0, 1, '-34m'),
      replicaSetCreateEvents(newRs!, [newPod], '-34m'),
    )
    .add(imagePullEvents(newPod, 'web', failure.error, { since: '-34m', count: 8 }))
    .add(
      service({
        namespace: ns,
        name: 'web-frontend',
        created: '-63d',
        selector: { app: 'web-frontend' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .build();
}

export function unauthorizedScenario(): ScenarioFiles {
  const ns = 'billing';
  const image = 'registry.acme-corp.io/billing/invoice-renderer:1.8.2';
  const failure = pullFailure(
    image,
    `rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.acme-corp.io/service/token?scope=repository%3Abilling%2Finvoice-renderer%3Apull&service=harbor-registry: 401 Unauthorized`,
  );
  const bundle = deployment({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 2,
    created: '-52m',
    revisions: [
      {
        revision: 1,
        created: '-52m',
        template: {
          labels: { app: 'invoice-renderer' },
          imagePullSecrets: [{ name: 'acme-registry' }],
          containers: [
            {
              name: 'renderer',
              image,
              ports: [{ containerPort: 8080, name: 'http' }],
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
            },
          ],
        },
        pods: [0, 1].map((i) => ({ node: onNode(i), created: '-52m', states: [failure.backoff] })),
      },
    ],
  });
  const rs = bundle.replicaSets[0]!;
  return new ScenarioBuilder({
    name: 'image-pull-unauthorized',
    description:
      'invoice-renderer cannot pull from the private registry: the registry answers 401 Unauthorized for the acme-registry pull secret (expired robot account).',
    namespace: ns,
    kind: 'failure',
    alert: kubeContainerWaiting(ns, bundle.pods[0]!.metadata.name, 'renderer', 'ImagePullBackOff'),
    expected: {
      category: 'image_pull_unauthorized',
      resource: 'deployment/invoice-renderer',
      facts: ['401 Unauthorized', 'acme-registry'],
    },
  })
    .add(
      bundle,
      scaledEvent(bundle.workload, rs, 0, 2, '-52m'),
      replicaSetCreateEvents(rs, bundle.pods, '-52m'),
    )
    .add(
      bundle.pods.flatMap((p) => imagePullEvents(p, 'renderer', failure.error, { since: '-52m', count: 14 })),
    )
    .build();
}

export function rateLimitedScenario(): ScenarioFiles {
  const ns = 'tools';
  const image = 'docker.io/library/nginx:1.27.3';
  const failure = pullFailure(
    image,
    `rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`,
  );
  const bundle = deployment({
    namespace: ns,
    name: 'docs-site',
    replicas: 2,
    created: '-27m',
    revisions: [
      {
        revision: 1,
        created: '-27m',
        template: {
          labels: { app: 'docs-site' },
          containers: [
            {
              name: 'nginx',
              image,
              ports: [{ containerPort: 80, name: 'http' }],
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            },
          ],
        },
        pods: [0, 2].map((i) => ({ node: onNode(i), created: '-27m', states: [failure.backoff] })),
      },
    ],
  });
  const rs = bundle.replicaSets[0]!;
  return new ScenarioBuilder({
    name: 'image-pull-rate-limited',
    description:
      'docs-site pulls nginx anonymously from Docker Hub and the nodes hit the anonymous pull rate limit (429 toomanyrequests).',
    namespace: ns,
    kind: 'failure',
    alert: kubeContainerWaiting(ns, bundle.pods[0]!.metadata.name, 'nginx', 'ImagePullBackOff'),
    expected: {
      category: 'image_pull_rate_limited',
      resource: 'deployment/docs-site',
      facts: ['toomanyrequests', 'rate limit'],
    },
  })
    .add(
      bundle,
      scaledEvent(bundle.workload, rs, 0, 2, '-27m'),
      replicaSetCreateEvents(rs, bundle.pods, '-27m'),
    )
    .add(bundle.pods.flatMap((p) => imagePullEvents(p, 'nginx', failure.error, { since: '-27m', count: 7 })))
    .add(
      service({
        namespace: ns,
        name: 'docs-site',
        created: '-27m',
        selector: { app: 'docs-site' },
        ports: [{ name: 'http', port: 80 }],
      }),
    )
    .build();
}
