import type { Condition, KubeNode, KubeObject, Pod, Workload } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../../evidence/evidence-bundle.ts';
import { ago, isRecent } from '../bundle/age.ts';
import type { BundleIndex } from '../bundle/bundle-index.ts';
import { recentEvents } from '../bundle/event-facts.ts';
import { containersOf, isPodReady } from '../bundle/pod-containers.ts';
import { owningWorkload, podsOf, resourceRef, type WorkloadRef } from '../bundle/workload-ref.ts';

/** How an object looks now: healthy or not, in words, and what was looked at. */
export interface Health {
  healthy: boolean;
  /** `deployment/accounts-api has 3 of 3 replicas ready running ghcr.io/acme/accounts-api:6.3.0` */
  summary: string;
  evidenceId?: string;
}

/** Warning events this recent mean something is still going on. */
const WARNING_WINDOW = 900;

function podTrouble(index: BundleIndex, pod: CollectedObject): string | undefined {
  const object = pod.object as Pod;
  const name = object.metadata?.name ?? '';
  if (object.status?.phase === 'Succeeded') return undefined;
  if (object.status?.phase === 'Failed') return `${name} failed`;
  if (!isPodReady(object)) return `${name} is not ready`;
  for (const view of containersOf(pod)) {
    const last = view.status.lastState?.terminated;
    if (last && isRecent(last.finishedAt, index.now))
      return `${name} restarted ${ago(last.finishedAt, index.now)}`;
  }
  const warning = recentEvents(
    index,
    { kind: 'Pod', namespace: object.metadata?.namespace, name },
    undefined,
    WARNING_WINDOW,
  ).find((e) => e.type === 'Warning');
  return warning ? `${name} has a recent ${warning.reason} warning` : undefined;
}

/** The last restart of these pods, when there was one: a recovered pod is worth mentioning. */
function lastRestart(index: BundleIndex, pods: CollectedObject[]): string {
  const restarts = pods.flatMap(containersOf).filter((v) => v.status.lastState?.terminated?.finishedAt);
  const latest = restarts.sort((a, b) =>
    (b.status.lastState?.terminated?.finishedAt ?? '').localeCompare(
      a.status.lastState?.terminated?.finishedAt ?? '',
    ),
  )[0];
  if (!latest) return 'no restarts';
  const exit = latest.status.lastState?.terminated?.exitCode;
  return `last restart ${ago(latest.status.lastState?.terminated?.finishedAt, index.now)} (${latest.podName}, exit code ${exit}), running fine since`;
}

function workloadHealth(index: BundleIndex, workload: WorkloadRef): Health {
  const pods = podsOf(index, workload).filter((p) => (p.object as Pod).status?.phase !== 'Succeeded');
  const object = workload.object?.object as Workload | undefined;
  const images = [
    ...new Set(pods.flatMap((p) => ((p.object as Pod).spec?.containers ?? []).map((c) => c.image))),
  ].filter(Boolean);
  const trouble = pods.map((p) => podTrouble(index, p)).find(Boolean);
  const desired = object?.spec?.replicas;
  const ready = pods.filter((p) => isPodReady(p.object as Pod)).length;
  const short = desired !== undefined && ready < desired;
  const summary = `${workload.ref} has ${ready} of ${desired ?? pods.length} replicas ready${images.length ? ` running ${images.join(', ')}` : ''}; ${trouble ?? lastRestart(index, pods)}`;
  return {
    healthy: !trouble && !short,
    summary,
    ...(workload.object ? { evidenceId: workload.object.evidenceId } : {}),
  };
}

function condition(object: KubeObject, type: string): Condition | undefined {
  return (object.status as { conditions?: Condition[] } | undefined)?.conditions?.find(
    (c) => c.type === type,
  );
}

function nodeHealth(index: BundleIndex, node: CollectedObject): Health {
  const object = node.object as KubeNode;
  const ready = condition(object, 'Ready');
  const pressure = (object.status?.conditions ?? [])
    .filter((c) => c.type !== 'Ready' && c.status === 'True')
    .map((c) => c.type);
  const notReadyBefore = recentEvents(
    index,
    { kind: 'Node', namespace: undefined, name: object.metadata?.name ?? '' },
    ['NodeNotReady'],
  ).at(-1);
  const history = notReadyBefore ? `; it was NotReady ${ago(notReadyBefore.lastSeen, index.now)}` : '';
  return {
    healthy: ready?.status === 'True' && pressure.length === 0,
    summary: `node/${object.metadata?.name} is ${ready?.status === 'True' ? 'Ready' : 'NotReady'} (since ${ago(ready?.lastTransitionTime, index.now)})${pressure.length ? ` with ${pressure.join(', ')}` : ' with no memory, disk or PID pressure'}${history}`,
    evidenceId: node.evidenceId,
  };
}

function jobHealth(index: BundleIndex, job: CollectedObject): Health {
  const complete = condition(job.object, 'Complete');
  const failed = condition(job.object, 'Failed');
  const status = job.object.status as { succeeded?: number; active?: number } | undefined;
  const ref = resourceRef('Job', job.object.metadata?.name ?? '');
  if (complete?.status === 'True') {
    return {
      healthy: true,
      summary: `${ref} is Complete (${status?.succeeded ?? 0} succeeded, finished ${ago(complete.lastTransitionTime, index.now)})`,
      evidenceId: job.evidenceId,
    };
  }
  const pods = podsOf(index, { namespace: job.object.metadata?.namespace, ref });
  const trouble = pods.map((p) => podTrouble(index, p)).find(Boolean);
  return {
    healthy: failed?.status !== 'True' && !trouble,
    summary: `${ref} is ${failed?.status === 'True' ? `Failed (${failed.reason})` : `running with ${status?.active ?? 0} active pods`}`,
    evidenceId: job.evidenceId,
  };
}

function hpaHealth(index: BundleIndex, hpa: CollectedObject): Health {
  const spec = hpa.object.spec as
    | { scaleTargetRef?: { kind?: string; name?: string }; minReplicas?: number; maxReplicas?: number }
    | undefined;
  const status = hpa.object.status as { currentReplicas?: number } | undefined;
  const target = spec?.scaleTargetRef;
  const namespace = hpa.object.metadata?.namespace;
  const workload: WorkloadRef | undefined =
    target?.kind && target.name
      ? {
          kind: target.kind,
          name: target.name,
          namespace,
          ref: resourceRef(target.kind, target.name),
          ...(index.get(target.kind, namespace, target.name)
            ? { object: index.get(target.kind, namespace, target.name) as CollectedObject }
            : {}),
        }
      : undefined;
  const inner = workload ? workloadHealth(index, workload) : undefined;
  const atMax = spec?.maxReplicas !== undefined && (status?.currentReplicas ?? 0) >= spec.maxReplicas;
  return {
    healthy: !atMax && (inner?.healthy ?? true),
    summary: `horizontalpodautoscaler/${hpa.object.metadata?.name} runs ${status?.currentReplicas ?? 0} replicas (min ${spec?.minReplicas ?? 1}, max ${spec?.maxReplicas ?? '?'})${inner ? `; ${inner.summary}` : ''}`,
    evidenceId: hpa.evidenceId,
  };
}

function serviceHealth(index: BundleIndex, service: CollectedObject): Health {
  const name = service.object.metadata?.name ?? '';
  const endpoints = index.get('Endpoints', service.object.metadata?.namespace, name)?.object as
    | (KubeObject & { subsets?: Array<{ addresses?: unknown[] }> })
    | undefined;
  const ready = (endpoints?.subsets ?? []).reduce((sum, s) => sum + (s.addresses?.length ?? 0), 0);
  return {
    healthy: ready > 0,
    summary: `service/${name} has ${ready} ready endpoints`,
    evidenceId: service.evidenceId,
  };
}

function claimHealth(claim: CollectedObject): Health {
  const phase = (claim.object.status as { phase?: string } | undefined)?.phase ?? 'Unknown';
  return {
    healthy: phase === 'Bound',
    summary: `persistentvolumeclaim/${claim.object.metadata?.name} is ${phase}`,
    evidenceId: claim.evidenceId,
  };
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * The health of what the investigation is about: the target object, or, for an alert that
 * names only a namespace or a cluster, every node and pod collected.
 */
export function targetHealth(index: BundleIndex): Health | undefined {
  const { target, scope } = index.bundle;
  const kind = target?.kind;
  const found = kind && target ? index.get(kind, target.namespace, target.name) : undefined;
  if (kind && !found) return undefined;
  if (found && kind === 'Node') return nodeHealth(index, found);
  if (found && kind === 'Job') return jobHealth(index, found);
  if (found && kind === 'HorizontalPodAutoscaler') return hpaHealth(index, found);
  if (found && kind === 'Pod') return workloadHealth(index, owningWorkload(index, found.object));
  if (found && kind === 'Service') return serviceHealth(index, found);
  if (found && kind === 'PersistentVolumeClaim') return claimHealth(found);
  if (found && target && kind && WORKLOAD_KINDS.has(kind)) {
    return workloadHealth(index, {
      kind,
      name: target.name,
      namespace: target.namespace,
      ref: resourceRef(kind, target.name),
      object: found,
    });
  }
  if (kind) return undefined;
  const nodes = index.ofKind('Node').map((n) => nodeHealth(index, n));
  const troubles = index.ofKind('Pod').map((p) => podTrouble(index, p));
  const trouble = troubles.find(Boolean) ?? nodes.find((n) => !n.healthy)?.summary;
  const where = scope.namespace ? `namespace ${scope.namespace}` : 'the cluster';
  return {
    healthy: !trouble,
    summary: `${where} has ${nodes.filter((n) => n.healthy).length} of ${nodes.length} nodes Ready and ${troubles.filter((t) => !t).length} of ${troubles.length} pods healthy${trouble ? `; ${trouble}` : ''}`,
  };
}
