import { onNode } from './builders/base-nodes.ts';
import { namespace as namespaceObject } from './builders/cluster-objects.ts';
import { exited, running } from './builders/container-state.ts';
import { healthyStartEvents, replicaSetCreateEvents, scaledEvent } from './builders/event-patterns.ts';
import { endpointsFor, service } from './builders/service-objects.ts';
import { deployment } from './builders/workloads.ts';
import type { KubeObject } from './types.ts';

const SERVICES = [
  'orders',
  'billing',
  'catalog',
  'search',
  'users',
  'cart',
  'payments',
  'shipping',
  'reviews',
  'pricing',
];
const ROLES = ['api', 'worker', 'web', 'consumer', 'scheduler'];

export interface BusyNamespaceOptions {
  namespace: string;
  /** How many pods the namespace runs in total. */
  pods: number;
  /** Pods per deployment (the last deployment takes the remainder). Default 5. */
  replicasPerDeployment?: number;
}

/**
 * A realistic, healthy namespace of `pods` pods for benchmarks: deployments with their
 * ReplicaSets, services with endpoints, and the events of every pod's start; every tenth pod
 * restarted once a while ago. Deterministic: the same options give the same objects.
 */
export function generateBusyNamespace(options: BusyNamespaceOptions): KubeObject[] {
  const perDeployment = Math.max(1, options.replicasPerDeployment ?? 5);
  const count = Math.ceil(options.pods / perDeployment);
  const objects: KubeObject[] = [namespaceObject(options.namespace, '-120d')];
  let podIndex = 0;
  for (let d = 0; d < count; d++) {
    const name = deploymentName(d);
    const replicas = Math.min(perDeployment, options.pods - d * perDeployment);
    const runs = Array.from({ length: replicas }, () => {
      const i = podIndex++;
      const restarted = i % 10 === 9;
      const state = restarted
        ? running('-2d', { restarts: 1, last: exited(137, '-9d', '-2d') })
        : running('-9d');
      return { node: onNode(i), created: '-9d', states: [state] };
    });
    const bundle = deployment({
      namespace: options.namespace,
      name,
      replicas,
      created: '-120d',
      revisions: [
        {
          revision: 1 + (d % 7),
          created: '-9d',
          template: {
            labels: { app: name, 'app.kubernetes.io/part-of': SERVICES[d % SERVICES.length] ?? 'shop' },
            containers: [
              {
                name,
                image: `ghcr.io/acme/${name}:1.${d % 20}.${d % 3}`,
                ports: [{ containerPort: 8080, name: 'http' }],
                resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
              },
            ],
          },
          pods: runs,
        },
      ],
    });
    const rs = bundle.replicaSets[0];
    const svc = service({
      namespace: options.namespace,
      name,
      created: '-120d',
      selector: { app: name },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });
    objects.push(
      ...bundle.objects,
      svc,
      ...endpointsFor(svc, bundle.pods, '-9d'),
      ...(rs
        ? [
            scaledEvent(bundle.workload, rs, 0, replicas, '-9d'),
            ...replicaSetCreateEvents(rs, bundle.pods, '-9d'),
          ]
        : []),
      ...bundle.pods.flatMap((p) => healthyStartEvents(p, '-9d')),
    );
  }
  return objects;
}

function deploymentName(index: number): string {
  const service = SERVICES[index % SERVICES.length] ?? 'shop';
  const role = ROLES[Math.floor(index / SERVICES.length) % ROLES.length] ?? 'api';
  const round = Math.floor(index / (SERVICES.length * ROLES.length));
  return round === 0 ? `${service}-${role}` : `${service}-${role}-${round + 1}`;
}
