import type { Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedLog } from '../../evidence/evidence-bundle.ts';
import type { BundleIndex } from '../bundle/bundle-index.ts';
import {
  type ContainerView,
  containersOf,
  failureLog,
  isCrashLooping,
  isPodReady,
} from '../bundle/pod-containers.ts';
import { type LogSignal, readLogSignal } from './log-signals.ts';

/** An app container of a failing pod, with the log that shows why and what that log says. */
export interface FailingLog {
  view: ContainerView;
  log: CollectedLog;
  signal: LogSignal;
}

const cache = new WeakMap<BundleIndex, FailingLog[]>();

/** Pods that are failing now: a job pod that failed, a crash loop, or a running pod that is not ready. */
function isFailing(view: ContainerView, now: number): boolean {
  const pod: Pod = view.pod;
  if (pod.status?.reason === 'Evicted') return false;
  if (pod.status?.phase === 'Failed') return true;
  return isCrashLooping(view, now) || (pod.status?.phase === 'Running' && !isPodReady(pod));
}

/** The log signals of every failing app container in the bundle, read once per bundle. */
export function failingLogs(index: BundleIndex): FailingLog[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const result: FailingLog[] = [];
  for (const pod of index.ofKind('Pod')) {
    for (const view of containersOf(pod)) {
      if (view.init || !isFailing(view, index.now)) continue;
      const log = failureLog(index, view);
      const signal = log ? readLogSignal(log.text) : undefined;
      if (log && signal) result.push({ view, log, signal });
    }
  }
  cache.set(index, result);
  return result;
}
