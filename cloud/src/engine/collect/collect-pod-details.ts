import type { Pod } from '@opsworker/agent/kube/kube-types.ts';
import { collectClaims } from './collect-claims.ts';
import type { Collection } from './collection.ts';
import { logTargets, rankPods } from './pod-health.ts';
import { claimsOf } from './pod-references.ts';

/** How closely to look at a set of pods. */
export interface PodDetailLimits {
  /** Pods whose events are read. */
  eventPods: number;
  /** Pods whose logs are read: the first, and the unhealthy ones. */
  logPods: number;
  /** Distinct nodes and claims read. */
  references: number;
}

export const TARGET_POD_LIMITS: PodDetailLimits = { eventPods: 8, logPods: 3, references: 3 };
export const DEPENDENCY_POD_LIMITS: PodDetailLimits = { eventPods: 3, logPods: 2, references: 2 };

function unique(values: Array<string | undefined>, limit: number): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].slice(0, limit);
}

/**
 * The nodes the pods run on, with their events; every node when a pod waits to be scheduled
 * (the scheduler weighed them all, and their taints and capacity are the answer).
 */
async function collectNodes(c: Collection, pods: Pod[], limit: number): Promise<void> {
  const waiting = pods.some((pod) => !pod.spec?.nodeName && pod.status?.phase === 'Pending');
  const names = unique(
    pods.map((pod) => pod.spec?.nodeName),
    limit,
  );
  await Promise.all([
    ...(waiting ? [c.list('nodes', { limit: 100, maxPages: 1 })] : []),
    ...names.map(async (name) => {
      const node = await c.get('nodes', undefined, name);
      if (node) await c.events(node);
    }),
  ]);
}

/**
 * A close look at pods, most telling first: their events, the logs of their containers that
 * ran (previous instance too when they restarted), the claims they mount and their nodes.
 */
export async function collectPodDetails(
  c: Collection,
  pods: readonly Pod[],
  limits: PodDetailLimits,
  alertedPod?: string,
): Promise<void> {
  const ranked = rankPods(pods, alertedPod);
  const looked = ranked.slice(0, limits.eventPods);
  const logged = ranked.slice(0, limits.logPods);
  const namespace = looked[0]?.metadata?.namespace;
  await Promise.all([
    ...looked.map((pod) => c.events(pod)),
    ...logged.flatMap((pod) =>
      logTargets(pod).map((t) =>
        c.logs(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', t.container, t.previous),
      ),
    ),
    namespace ? collectClaims(c, namespace, unique(looked.flatMap(claimsOf), limits.references)) : undefined,
    collectNodes(c, looked, limits.references),
  ]);
}
