import type { Container, ContainerStatus, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedLog, CollectedObject } from '../../evidence/evidence-bundle.ts';
import { isRecent } from './age.ts';
import type { BundleIndex } from './bundle-index.ts';

/** One container of a pod: its spec, its status, and where the pod came from. */
export interface ContainerView {
  pod: Pod;
  podName: string;
  namespace: string;
  /** The evidence record of the pod. */
  evidenceId: string;
  name: string;
  init: boolean;
  status: ContainerStatus;
  spec: Container | undefined;
}

type Terminated = NonNullable<NonNullable<ContainerStatus['state']>['terminated']>;

/** The containers of a pod that report a status: init containers first, then app containers. */
export function containersOf(collected: CollectedObject): ContainerView[] {
  const pod = collected.object as Pod;
  const base = {
    pod,
    podName: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    evidenceId: collected.evidenceId,
  };
  const views: ContainerView[] = [];
  const add = (statuses: ContainerStatus[] | undefined, specs: Container[] | undefined, init: boolean) => {
    for (const status of statuses ?? []) {
      views.push({
        ...base,
        name: status.name,
        init,
        status,
        spec: specs?.find((c) => c.name === status.name),
      });
    }
  };
  add(pod.status?.initContainerStatuses, pod.spec?.initContainers, true);
  add(pod.status?.containerStatuses, pod.spec?.containers, false);
  return views;
}

/** The last finished run: the current state when the container has stopped, else the previous one. */
export function lastTermination(view: ContainerView): Terminated | undefined {
  return view.status.state?.terminated ?? view.status.lastState?.terminated;
}

/**
 * A container that keeps dying: back-off between restarts now, or several restarts with the
 * last one recent. A single restart long ago is history, not a crash loop.
 */
export function isCrashLooping(view: ContainerView, now: number): boolean {
  if (view.status.state?.waiting?.reason === 'CrashLoopBackOff') return true;
  const restarts = view.status.restartCount ?? 0;
  return restarts >= 3 && isRecent(view.status.lastState?.terminated?.finishedAt, now, 900);
}

/** True when the pod reports the Ready condition. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The log that shows why a container last stopped: the previous instance, else the current one. */
export function failureLog(index: BundleIndex, view: ContainerView): CollectedLog | undefined {
  return (
    index.log(view.namespace, view.podName, view.name, true) ??
    index.log(view.namespace, view.podName, view.name, false)
  );
}

/** Total restarts of the containers of these pods. */
export function totalRestarts(views: ContainerView[]): number {
  return views.reduce((sum, view) => sum + (view.status.restartCount ?? 0), 0);
}
