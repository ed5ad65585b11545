import { onNode } from '../builders/base-nodes.ts';
import { running } from '../builders/container-state.ts';
import { replicaSetCreateEvents, scaledEvent } from '../builders/event-patterns.ts';
import { event } from '../builders/events.ts';
import { nameSuffix, templateHash } from '../builders/identity.ts';
import type { PodTemplate } from '../builders/pod-template.ts';
import { hpa, hpaCondition, resourceQuota } from '../builders/policy-objects.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import { kubeDeploymentReplicasMismatch, kubeHpaMaxedOut } from './alerts.ts';

export function hpaAtMaxScenario(): ScenarioFiles {
  const ns = 'recommendations';
  const bundle = deployment({
    namespace: ns,
    name: 'recommender',
    replicas: 10,
    created: '-40d',
    revisions: [
      {
        revision: 12,
        created: '-6d',
        template: {
          labels: { app: 'recommender' },
          containers: [
            {
              name: 'recommender',
              image: 'ghcr.io/acme/recommender:5.0.7',
              ports: [{ containerPort: 8080, name: 'http' }],
              resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } },
            },
          ],
        },
        pods: Array.from({ length: 10 }, (_, i) => ({
          node: onNode(i),
          created: i < 2 ? '-6d' : '-52m',
          states: [running(i < 2 ? '-6d' : '-51m')],
        })),
      },
    ],
  });
  const autoscaler = hpa({
    namespace: ns,
    name: 'recommender',
    created: '-40d',
    target: 'recommender',
    min: 2,
    max: 10,
    current: 10,
    desired: 10,
    targetCpu: 70,
    currentCpu: 182,
    lastScaleTime: '-49m',
    conditions: [
      hpaCondition('AbleToScale', true, 'ReadyForNewScale', 'recommended size matches current size', '-46m'),
      hpaCondition(
        'ScalingActive',
        true,
        'ValidMetricFound',
        'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        '-40d',
      ),
      hpaCondition(
        'ScalingLimited',
        true,
        'TooManyReplicas',
        'the desired replica count is more than the maximum replica count',
        '-49m',
      ),
    ],
  });
  const rs = bundle.replicaSets[0]!;
  return new ScenarioBuilder({
    name: 'hpa-at-max',
    description:
      'The recommender HPA has been pinned at its maximum of 10 replicas for 49 minutes with CPU at 182% of requests against a 70% target: demand exceeds what 10 pods can serve.',
    namespace: ns,
    kind: 'failure',
    alert: kubeHpaMaxedOut(ns, 'recommender'),
    expected: {
      category: 'hpa_at_max',
      resource: 'horizontalpodautoscaler/recommender',
      facts: ['182%', '70%'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/85_hpa_not_scaling (HPA idea)',
  })
    .add(
      bundle,
      autoscaler,
      scaledEvent(bundle.workload, rs, 2, 10, '-52m'),
      replicaSetCreateEvents(rs, bundle.pods.slice(2), '-52m'),
    )
    .add(
      event(autoscaler, {
        reason: 'SuccessfulRescale',
        message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target',
        first: '-52m',
        component: 'horizontal-pod-autoscaler',
      }),
    )
    .add(
      event(autoscaler, {
        reason: 'SuccessfulRescale',
        message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target',
        first: '-49m',
        component: 'horizontal-pod-autoscaler',
      }),
    )
    .add(
      service({
        namespace: ns,
        name: 'recommender',
        created: '-40d',
        selector: { app: 'recommender' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .metrics({
      pods: bundle.pods.map((p, i) => ({
        namespace: ns,
        name: p.metadata.name,
        containers: [{ name: 'recommender', cpu: `${880 + i * 7}m`, memory: '734Mi' }],
      })),
      nodes: [],
    })
    .build();
}

function teamWorkload(name: string, replicas: number, memory: string, image: string) {
  const template: PodTemplate = {
    labels: { app: name },
    containers: [
      { name, image, resources: { requests: { cpu: '100m', memory }, limits: { cpu: '500m', memory } } },
    ],
  };
  return deployment({
    namespace: 'team-alpha',
    name,
    replicas,
    created: '-20d',
    revisions: [
      {
        revision: 1,
        created: '-20d',
        template,
        pods: Array.from({ length: replicas }, (_, i) => ({
          node: onNode(i),
          created: '-20d',
          states: [running('-20d')],
        })),
      },
    ],
  });
}

export function quotaExceededScenario(): ScenarioFiles {
  const ns = 'team-alpha';
  const rsName = `feature-flags-${templateHash(`${ns}/feature-flags/2`)}`;
  const failure = `pods "${rsName}-${nameSuffix(`${rsName}/quota`)}" is forbidden: exceeded quota: compute-quota, requested: limits.memory=1Gi, used: limits.memory=7680Mi, limited: limits.memory=8Gi`;
  const flags = deployment({
    namespace: ns,
    name: 'feature-flags',
    replicas: 3,
    created: '-20d',
    replicaFailure: failure,
    revisions: [
      {
        revision: 2,
        created: '-1h12m',
        template: {
          labels: { app: 'feature-flags' },
          containers: [
            {
              name: 'feature-flags',
              image: 'ghcr.io/acme/feature-flags:2.0.1',
              ports: [{ containerPort: 8080, name: 'http' }],
              resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } },
            },
          ],
        },
        pods: [0, 1].map((i) => ({ node: onNode(i), created: '-1h12m', states: [running('-1h11m')] })),
      },
    ],
  });
  const rs = flags.replicaSets[0]!;
  const quota = resourceQuota(
    ns,
    'compute-quota',
    '-120d',
    { 'limits.cpu': '8', 'limits.memory': '8Gi', pods: '20', 'requests.cpu': '4', 'requests.memory': '8Gi' },
    {
      'limits.cpu': '3500m',
      'limits.memory': '7680Mi',
      pods: '7',
      'requests.cpu': '700m',
      'requests.memory': '7680Mi',
    },
  );
  return new ScenarioBuilder({
    name: 'quota-exceeded',
    description:
      'feature-flags runs 2 of 3 replicas: the ReplicaSet cannot create the third pod because namespace team-alpha would exceed its compute-quota limits.memory of 8Gi.',
    namespace: ns,
    kind: 'failure',
    alert: kubeDeploymentReplicasMismatch(ns, 'feature-flags'),
    expected: {
      category: 'quota_exceeded',
      resource: 'resourcequota/compute-quota',
      facts: ['compute-quota', 'limits.memory'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/78a_missing_cpu_limits (quota idea)',
  })
    .add(
      flags,
      quota,
      teamWorkload('analytics-api', 2, '2Gi', 'ghcr.io/acme/analytics-api:1.4.2'),
      teamWorkload('flags-ui', 3, '512Mi', 'ghcr.io/acme/flags-ui:2.0.1'),
    )
    .add(scaledEvent(flags.workload, rs, 0, 3, '-1h12m'), replicaSetCreateEvents(rs, flags.pods, '-1h12m'))
    .add(
      event(rs, {
        type: 'Warning',
        reason: 'FailedCreate',
        message: `Error creating: ${failure}`,
        first: '-1h12m',
        last: '-3m',
        count: 23,
        component: 'replicaset-controller',
      }),
    )
    .build();
}
