import { onNode } from '../builders/base-nodes.ts';
import { healthyNodeConditions, node } from '../builders/cluster-objects.ts';
import { running } from '../builders/container-state.ts';
import { scaledEvent } from '../builders/event-patterns.ts';
import { event } from '../builders/events.ts';
import { hpa, hpaCondition } from '../builders/policy-objects.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import { kubeHpaReplicasMismatch, kubeNodeNotReady } from './alerts.ts';
import { webTemplate } from './web-template.ts';

export function hpaSettledControl(): ScenarioFiles {
  const ns = 'web';
  const bundle = deployment({
    namespace: ns,
    name: 'storefront-web',
    replicas: 5,
    created: '-70d',
    revisions: [
      {
        revision: 21,
        created: '-3d',
        template: webTemplate('storefront-web', 'ghcr.io/acme/storefront-web:9.14.0'),
        pods: Array.from({ length: 5 }, (_, i) => ({
          node: onNode(i),
          created: i < 3 ? '-3d' : '-19m',
          states: [running(i < 3 ? '-3d' : '-18m')],
        })),
      },
    ],
  });
  const autoscaler = hpa({
    namespace: ns,
    name: 'storefront-web',
    created: '-70d',
    target: 'storefront-web',
    min: 3,
    max: 12,
    current: 5,
    desired: 5,
    targetCpu: 65,
    currentCpu: 58,
    lastScaleTime: '-19m',
    conditions: [
      hpaCondition('AbleToScale', true, 'ReadyForNewScale', 'recommended size matches current size', '-14m'),
      hpaCondition(
        'ScalingActive',
        true,
        'ValidMetricFound',
        'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        '-70d',
      ),
      hpaCondition(
        'ScalingLimited',
        false,
        'DesiredWithinRange',
        'the desired count is within the acceptable range',
        '-19m',
      ),
    ],
  });
  return new ScenarioBuilder({
    name: 'control-hpa-settled',
    description:
      'KubeHpaReplicasMismatch fired while storefront-web scaled from 3 to 5 pods during a traffic peak; the new pods are ready and the HPA is within range at 58% CPU.',
    namespace: ns,
    kind: 'healthy-control',
    alert: kubeHpaReplicasMismatch(ns, 'storefront-web'),
    expected: { category: 'no_problem_found', resource: 'horizontalpodautoscaler/storefront-web', facts: [] },
  })
    .add(bundle, autoscaler, scaledEvent(bundle.workload, bundle.replicaSets[0]!, 3, 5, '-19m'))
    .add(
      event(autoscaler, {
        reason: 'SuccessfulRescale',
        message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target',
        first: '-19m',
        component: 'horizontal-pod-autoscaler',
      }),
    )
    .add(
      service({
        namespace: ns,
        name: 'storefront-web',
        created: '-70d',
        selector: { app: 'storefront-web' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .metrics({
      pods: bundle.pods.map((p, i) => ({
        namespace: ns,
        name: p.metadata.name,
        containers: [{ name: 'storefront-web', cpu: `${52 + i * 3}m`, memory: '141Mi' }],
      })),
      nodes: [],
    })
    .build();
}

export function nodeRecoveredControl(): ScenarioFiles {
  const name = 'ip-10-0-7-42.eu-west-1.compute.internal';
  const recovered = node({
    name,
    ip: '10.0.7.42',
    zone: 'eu-west-1a',
    instanceId: 'i-0a7b8c9d0e1f20742',
    created: '-31d',
    conditions: healthyNodeConditions('-4m', '-12s'),
  });
  const bundle = deployment({
    namespace: 'platform-tools',
    name: 'cost-exporter',
    replicas: 1,
    created: '-31d',
    revisions: [
      {
        revision: 2,
        created: '-10d',
        template: webTemplate('cost-exporter', 'ghcr.io/acme/cost-exporter:0.8.1'),
        pods: [
          {
            node: { name, ip: '10.0.7.42' },
            created: '-10d',
            states: [
              running('-3m', {
                restarts: 1,
                last: { reason: 'Unknown', exitCode: 255, startedAt: '-10d', finishedAt: '-21m' },
              }),
            ],
          },
        ],
      },
    ],
  });
  return new ScenarioBuilder({
    name: 'control-node-recovered',
    description:
      'KubeNodeNotReady fired when ip-10-0-7-42 rebooted for a kernel update; the node has been Ready again for 4 minutes and its pod restarted cleanly.',
    namespace: 'platform-tools',
    kind: 'healthy-control',
    alert: kubeNodeNotReady(name),
    expected: { category: 'no_problem_found', resource: `node/${name}`, facts: ['Ready'] },
  })
    .add(recovered, bundle)
    .add(
      event(recovered, {
        reason: 'NodeNotReady',
        message: `Node ${name} status is now: NodeNotReady`,
        first: '-21m',
        component: 'node-controller',
      }),
    )
    .add(
      event(recovered, {
        reason: 'Rebooted',
        type: 'Warning',
        message: `Node ${name} has been rebooted, boot id: 7c1f0d2e-5a4b-4e3c-9d8f-0b1a2c3d4e5f`,
        first: '-5m',
        component: 'kubelet',
        host: name,
      }),
    )
    .add(
      event(recovered, {
        reason: 'NodeReady',
        message: `Node ${name} status is now: NodeReady`,
        first: '-4m',
        component: 'kubelet',
        host: name,
      }),
    )
    .build();
}
