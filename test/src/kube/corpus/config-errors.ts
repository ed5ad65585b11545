import { onNode } from '../builders/base-nodes.ts';
import type { RunState } from '../builders/container-state.ts';
import { waiting } from '../builders/container-state.ts';
import { replicaSetCreateEvents, scaledEvent } from '../builders/event-patterns.ts';
import { event } from '../builders/events.ts';
import type { ContainerSpec, PodTemplate } from '../builders/pod-template.ts';
import { configMap } from '../builders/policy-objects.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { deployment } from '../builders/workloads.ts';
import type { KubeObject } from '../types.ts';
import { kubeContainerWaiting, kubePodNotReady } from './alerts.ts';

function stuckDeployment(ns: string, name: string, template: PodTemplate, state: RunState, created: string) {
  const bundle = deployment({
    namespace: ns,
    name,
    replicas: 2,
    created,
    revisions: [
      {
        revision: 1,
        created,
        template,
        pods: [0, 2].map((i) => ({ node: onNode(i), created, states: [state] })),
      },
    ],
  });
  const rs = bundle.replicaSets[0]!;
  return {
    bundle,
    events: [
      scaledEvent(bundle.workload, rs, 0, 2, created),
      ...replicaSetCreateEvents(rs, bundle.pods, created),
    ],
  };
}

function configErrorEvents(
  pod: KubeObject,
  container: ContainerSpec,
  error: string,
  count: number,
): KubeObject[] {
  const node = (pod.spec as { nodeName: string }).nodeName;
  const kubelet = {
    component: 'kubelet',
    host: node,
    fieldPath: `spec.containers{${container.name}}`,
    first: '-44m',
  };
  return [
    event(pod, {
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
      first: '-44m',
      component: 'default-scheduler',
    }),
    event(pod, {
      ...kubelet,
      reason: 'Pulled',
      message: `Container image "${container.image}" already present on machine`,
      last: '-31s',
      count,
    }),
    event(pod, {
      ...kubelet,
      type: 'Warning',
      reason: 'Failed',
      message: `Error: ${error}`,
      last: '-31s',
      count,
    }),
  ];
}

export function missingConfigMapScenario(): ScenarioFiles {
  const ns = 'catalog';
  const container: ContainerSpec = {
    name: 'catalog-api',
    image: 'ghcr.io/acme/catalog-api:7.1.0',
    ports: [{ containerPort: 8080, name: 'http' }],
    resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    volumeMounts: [{ name: 'config', mountPath: '/etc/catalog', readOnly: true }],
  };
  const { bundle, events } = stuckDeployment(
    ns,
    'catalog-api',
    {
      labels: { app: 'catalog-api' },
      containers: [container],
      volumes: [{ name: 'config', configMap: { name: 'catalog-api-config', defaultMode: 420 } }],
    },
    waiting('ContainerCreating'),
    '-44m',
  );
  const mountEvents = bundle.pods.flatMap((pod) => {
    const node = (pod.spec as { nodeName: string }).nodeName;
    return [
      event(pod, {
        reason: 'Scheduled',
        message: `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`,
        first: '-44m',
        component: 'default-scheduler',
      }),
      event(pod, {
        type: 'Warning',
        reason: 'FailedMount',
        message: 'MountVolume.SetUp failed for volume "config" : configmap "catalog-api-config" not found',
        first: '-44m',
        last: '-1m52s',
        count: 29,
        component: 'kubelet',
        host: node,
      }),
    ];
  });
  return new ScenarioBuilder({
    name: 'missing-configmap',
    description:
      'catalog-api pods are stuck in ContainerCreating: the configmap catalog-api-config they mount does not exist (it was renamed to catalog-config).',
    namespace: ns,
    kind: 'failure',
    alert: kubePodNotReady(ns, bundle.pods[0]!.metadata.name),
    expected: {
      category: 'missing_configmap',
      resource: 'deployment/catalog-api',
      facts: ['catalog-api-config'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/79_configmap_mount_issue',
  })
    .add(bundle, events, mountEvents)
    .add(
      configMap(ns, 'catalog-config', '-2h', {
        'application.yaml': 'server:\n  port: 8080\ncatalog:\n  pageSize: 50\n',
      }),
    )
    .build();
}

export function missingSecretScenario(): ScenarioFiles {
  const ns = 'auth';
  const container: ContainerSpec = {
    name: 'session-service',
    image: 'ghcr.io/acme/session-service:3.4.1',
    ports: [{ containerPort: 8443, name: 'https' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    env: [
      { name: 'SESSION_TTL', value: '12h' },
      {
        name: 'SIGNING_KEY',
        valueFrom: { secretKeyRef: { name: 'session-signing-key', key: 'private.pem' } },
      },
    ],
  };
  const error = 'secret "session-signing-key" not found';
  const { bundle, events } = stuckDeployment(
    ns,
    'session-service',
    { labels: { app: 'session-service' }, containers: [container] },
    waiting('CreateContainerConfigError', error),
    '-44m',
  );
  return new ScenarioBuilder({
    name: 'missing-secret',
    description:
      'session-service cannot start (CreateContainerConfigError): its env references the secret session-signing-key, which does not exist in the namespace.',
    namespace: ns,
    kind: 'failure',
    alert: kubeContainerWaiting(
      ns,
      bundle.pods[0]!.metadata.name,
      'session-service',
      'CreateContainerConfigError',
    ),
    expected: {
      category: 'missing_secret',
      resource: 'deployment/session-service',
      facts: ['session-signing-key'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/83_secret_not_found',
  })
    .add(
      bundle,
      events,
      bundle.pods.flatMap((p) => configErrorEvents(p, container, error, 203)),
    )
    .build();
}

export function missingConfigKeyScenario(): ScenarioFiles {
  const ns = 'notifications';
  const container: ContainerSpec = {
    name: 'mailer',
    image: 'ghcr.io/acme/mailer:1.9.0',
    resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { memory: '192Mi' } },
    env: [
      { name: 'SMTP_HOST', valueFrom: { configMapKeyRef: { name: 'mailer-config', key: 'SMTP_HOST' } } },
      { name: 'SMTP_PORT', valueFrom: { configMapKeyRef: { name: 'mailer-config', key: 'SMTP_PORT' } } },
    ],
  };
  const error = "couldn't find key SMTP_HOST in ConfigMap notifications/mailer-config";
  const { bundle, events } = stuckDeployment(
    ns,
    'mailer',
    { labels: { app: 'mailer' }, containers: [container] },
    waiting('CreateContainerConfigError', error),
    '-44m',
  );
  return new ScenarioBuilder({
    name: 'missing-config-key',
    description:
      'mailer fails with CreateContainerConfigError: the configmap mailer-config has SMTP_SERVER, but the deployment reads the key SMTP_HOST.',
    namespace: ns,
    kind: 'failure',
    alert: kubeContainerWaiting(ns, bundle.pods[0]!.metadata.name, 'mailer', 'CreateContainerConfigError'),
    expected: {
      category: 'missing_config_key',
      resource: 'deployment/mailer',
      facts: ['SMTP_HOST', 'mailer-config'],
    },
  })
    .add(
      bundle,
      events,
      bundle.pods.flatMap((p) => configErrorEvents(p, container, error, 203)),
    )
    .add(
      configMap(ns, 'mailer-config', '-45m', {
        SMTP_SERVER: 'email-smtp.eu-west-1.amazonaws.com',
        SMTP_PORT: '587',
        FROM_ADDRESS: 'no-reply@acme.example',
      }),
    )
    .build();
}
