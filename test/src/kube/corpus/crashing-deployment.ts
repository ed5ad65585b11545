import { onNode } from '../builders/base-nodes.ts';
import { crashLoop, type exited } from '../builders/container-state.ts';
import { crashLoopEvents, replicaSetCreateEvents, scaledEvent } from '../builders/event-patterns.ts';
import type { ContainerSpec } from '../builders/pod-template.ts';
import { deployment } from '../builders/workloads.ts';

/** One revision, every replica crash-looping with the same last termination. */
export function crashingDeployment(
  ns: string,
  name: string,
  container: ContainerSpec,
  last: ReturnType<typeof exited>,
  replicas = 2,
) {
  return deployment({
    namespace: ns,
    name,
    replicas,
    created: '-6d',
    revisions: [
      {
        revision: 1,
        created: '-38m',
        template: { labels: { app: name }, containers: [container] },
        pods: Array.from({ length: replicas }, (_, i) => ({
          node: onNode(i + 1),
          created: '-38m',
          states: [crashLoop(9 - i, last)],
        })),
      },
    ],
  });
}

export function crashEvents(bundle: ReturnType<typeof deployment>, container: string) {
  const rs = bundle.replicaSets[0]!;
  return [
    scaledEvent(bundle.workload, rs, 0, bundle.pods.length, '-38m'),
    ...replicaSetCreateEvents(rs, bundle.pods, '-38m'),
    ...bundle.pods.flatMap((p, i) =>
      crashLoopEvents(p, container, {
        since: '-38m',
        lastStart: '-3m41s',
        count: 10 - i,
        backOffs: 160 - i * 7,
      }),
    ),
  ];
}
