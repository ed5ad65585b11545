import { onNode } from '../builders/base-nodes.ts';
import { running } from '../builders/container-state.ts';
import type { ContainerSpec, PodTemplate } from '../builders/pod-template.ts';
import { deployment } from '../builders/workloads.ts';

export function simple(
  ns: string,
  name: string,
  replicas: number,
  containers: ContainerSpec[],
  created = '-60d',
) {
  const template: PodTemplate = { labels: { 'app.kubernetes.io/name': name }, containers };
  return deployment({
    namespace: ns,
    name,
    replicas,
    created,
    revisions: [
      {
        revision: 3,
        created: '-14d',
        template,
        pods: Array.from({ length: replicas }, (_, i) => ({
          node: onNode(i),
          created: '-14d',
          states: containers.map(() => running('-14d')),
        })),
      },
    ],
  });
}

export const small = { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } };
