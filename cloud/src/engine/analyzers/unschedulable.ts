import type { KubeNode, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { podResources } from '@opsworker/agent/kube/pod-resources.ts';
import { formatMillicores, parseQuantity } from '@opsworker/agent/kube/quantity.ts';
import type { NextStep } from '@opsworker/shared';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { recentEvents } from './bundle/event-facts.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload, type WorkloadRef } from './bundle/workload-ref.ts';
import type { Analyzer, Finding } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';
import { mainBlocker, type SchedulingReason, schedulingReasons } from './signals/scheduling-message.ts';

interface Pending {
  pod: Pod;
  evidenceId: string;
  message: string;
  reason: SchedulingReason;
}

const CATEGORY = {
  volume: 'unbound_pvc',
  taint: 'unschedulable_taints',
  resources: 'unschedulable_resources',
  affinity: 'unschedulable_affinity',
} as const;

/** `24Gi`, `1.5Gi`, `512Mi`: memory the way people write it. */
function memory(bytes: number): string {
  const gi = bytes / 2 ** 30;
  return gi >= 1 ? `${Number(gi.toFixed(1))}Gi` : `${Math.round(bytes / 2 ** 20)}Mi`;
}

function pendingPods(index: BundleIndex): Pending[] {
  const pending: Pending[] = [];
  for (const collected of index.ofKind('Pod')) {
    const pod = collected.object as Pod;
    if (pod.spec?.nodeName || pod.status?.phase !== 'Pending') continue;
    const condition = pod.status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
    const subject = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name ?? '' };
    const event = recentEvents(index, subject, ['FailedScheduling']).at(-1);
    const message = event?.message ?? condition?.message;
    const reason = message ? mainBlocker(schedulingReasons(message)) : undefined;
    if (message && reason)
      pending.push({ pod, evidenceId: event?.evidenceId ?? collected.evidenceId, message, reason });
  }
  return pending;
}

function claimOf(pending: Pending): string | undefined {
  return (
    /PVC "([^"]+)"/.exec(pending.message)?.[1] ??
    (pending.pod.spec?.volumes ?? [])
      .map((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName)
      .find(Boolean)
  );
}

/** Why the blocker applies to this pod, from its spec and the nodes in the bundle. */
function detail(index: BundleIndex, pending: Pending): string {
  const { pod, reason } = pending;
  if (reason.blocker === 'resources') {
    const { requests } = podResources(pod);
    const nodes = index.ofKind('Node').map((n) => (n.object as KubeNode).status?.allocatable ?? {});
    const largest = Math.max(0, ...nodes.map((a) => parseQuantity(a.memory) ?? 0));
    const largestCpu = Math.max(0, ...nodes.map((a) => parseQuantity(a.cpu) ?? 0));
    const asks = `it requests ${formatMillicores(requests.cpu)} CPU and ${memory(requests.memory)} memory`;
    const has = largest
      ? `; the largest node has ${formatMillicores(largestCpu)} CPU and ${memory(largest)} memory allocatable`
      : '';
    return `${asks}${has}`;
  }
  if (reason.blocker === 'affinity') {
    const affinity = (
      pod.spec as
        | {
            affinity?: Record<
              string,
              { requiredDuringSchedulingIgnoredDuringExecution?: Array<{ topologyKey?: string }> }
            >;
          }
        | undefined
    )?.affinity;
    const anti = affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0]?.topologyKey;
    if (anti)
      return `it has a required pod anti-affinity on topology key ${anti}, so no two replicas may share a ${anti} value`;
    const selector = pod.spec?.nodeSelector;
    if (selector)
      return `no node has the labels of its nodeSelector ${Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`;
  }
  if (reason.blocker === 'taint') return 'it has no toleration for that taint';
  return '';
}

function fixes(pending: Pending, workload: WorkloadRef, namespace: string): NextStep[] {
  const { reason } = pending;
  if (reason.blocker === 'taint') {
    const taint = /taint \{([^:}]+):\s*([^}]*)\}/.exec(reason.text);
    if (!taint?.[1]) return [];
    const toleration = JSON.stringify({ key: taint[1], operator: 'Exists', effect: 'NoSchedule' });
    return [
      fix(
        `let ${workload.ref} tolerate ${taint[1]}`,
        `kubectl -n ${namespace} patch ${workload.ref} -p '{"spec":{"template":{"spec":{"tolerations":[${toleration}]}}}}'`,
      ),
    ];
  }
  if (reason.blocker === 'resources') {
    return [
      check('See what the nodes have left', 'kubectl describe nodes | grep -A 8 "Allocated resources"'),
      fix(
        `lower the requests of ${workload.ref} to fit a node, or add a larger node group`,
        `kubectl -n ${namespace} set resources ${workload.ref} --requests=<cpu/memory that fit>`,
      ),
    ];
  }
  if (reason.blocker === 'affinity' && workload.kind === 'Deployment') {
    return [check('Count the nodes the pods may use', 'kubectl get nodes -L kubernetes.io/hostname')];
  }
  return [];
}

/** Pods the scheduler cannot place: not enough CPU or memory, taints, affinity, or an unbound volume. */
export const unschedulable: Analyzer = {
  name: 'unschedulable',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return groupByWorkload(pendingPods(index), (p) => owningWorkload(index, p.pod)).map(
      ({ workload, items }) => {
        const first = items[0] as Pending;
        const namespace = first.pod.metadata?.namespace ?? '';
        const podName = first.pod.metadata?.name ?? '';
        const claim = first.reason.blocker === 'volume' ? claimOf(first) : undefined;
        const why = detail(index, first);
        const finding: Finding = {
          analyzer: 'unschedulable',
          category: CATEGORY[first.reason.blocker],
          statement: `${workload.ref} cannot be scheduled: ${first.reason.text}${why ? ` — ${why}` : ''} (${items.length} pod${items.length > 1 ? 's' : ''} Pending).`,
          confidence: 'high',
          resource: workload.ref,
          namespace,
          evidence: [{ evidenceId: first.evidenceId, excerpt: first.message }],
          facts: [first.reason.text],
          nextSteps: [
            check('See the scheduler events', describe(namespace, `pod/${podName}`)),
            ...fixes(first, workload, namespace),
          ],
          impact: workloadImpact(index, workload),
          ...(claim ? { causedBy: `persistentvolumeclaim/${claim}` } : {}),
        };
        return finding;
      },
    );
  },
};
