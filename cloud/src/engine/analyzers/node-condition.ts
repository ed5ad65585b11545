import type { Condition, KubeNode, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { parseQuantity } from '@opsworker/agent/kube/quantity.ts';
import type { NextStep } from '@opsworker/shared';
import type { CollectedObject } from '../evidence/evidence-bundle.ts';
import { ago } from './bundle/age.ts';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { recentEvents } from './bundle/event-facts.ts';
import { isPodReady } from './bundle/pod-containers.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';

const PRESSURES = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];
const USAGE = /Container (\S+) was using (\d+\w*), request is ([^,\s]+)/;

interface NodePods {
  evicted: Array<{ pod: Pod; message: string; evidenceId: string }>;
  disrupted: Pod[];
}

function podsOnNode(index: BundleIndex, node: string): NodePods {
  const result: NodePods = { evicted: [], disrupted: [] };
  for (const collected of index.ofKind('Pod') as CollectedObject[]) {
    const pod = collected.object as Pod;
    if (pod.spec?.nodeName !== node) continue;
    const subject = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name ?? '' };
    const evictedEvent = recentEvents(index, subject, ['Evicted']).at(-1);
    if (pod.status?.reason === 'Evicted' || evictedEvent) {
      const message = evictedEvent?.message ?? pod.status?.message ?? 'Evicted';
      result.evicted.push({ pod, message, evidenceId: evictedEvent?.evidenceId ?? collected.evidenceId });
    } else if (!isPodReady(pod) && pod.status?.phase !== 'Succeeded') {
      result.disrupted.push(pod);
    }
  }
  return result;
}

function gib(quantity: string): string {
  const bytes = parseQuantity(quantity);
  return bytes ? `${(bytes / 2 ** 30).toFixed(1)}Gi` : quantity;
}

function nodeFinding(
  index: BundleIndex,
  collected: CollectedObject,
  bad: Condition[],
  pods: NodePods,
): Finding {
  const node = collected.object as KubeNode;
  const name = node.metadata?.name ?? '';
  const ref = `node/${name}`;
  const ready = bad.find((c) => c.type === 'Ready');
  const pressures = bad.filter((c) => c.type !== 'Ready');
  const workloads = [
    ...new Set(
      [...pods.evicted.map((e) => e.pod), ...pods.disrupted].map((p) => owningWorkload(index, p).ref),
    ),
  ];
  const evidence: FindingEvidence[] = bad.map((c) => ({
    evidenceId: collected.evidenceId,
    excerpt: `${c.type}=${c.status} (${c.reason ?? ''}) since ${ago(c.lastTransitionTime, index.now)}: ${c.message ?? ''}`,
  }));
  const steps: NextStep[] = [check('See the node conditions and what runs there', describe(undefined, ref))];
  let statement: string;
  if (ready) {
    const status = ready.status === 'Unknown' ? 'NotReady (Ready is Unknown)' : 'NotReady';
    const affected = pods.disrupted.length
      ? `; ${pods.disrupted.length} pod${pods.disrupted.length > 1 ? 's' : ''} on it are not ready or being evicted (${workloads.join(', ')})`
      : '';
    statement = `${ref} is ${status} since ${ago(ready.lastTransitionTime, index.now)}: ${(ready.message ?? ready.reason ?? 'the kubelet reports it not ready').replace(/\.$/, '')}${affected}.`;
    steps.push(
      fix(
        `move its pods elsewhere if ${name} does not come back`,
        `kubectl drain ${name} --ignore-daemonsets --delete-emptydir-data`,
      ),
    );
  } else {
    const pressure = pressures.map((c) => c.type).join(' and ');
    const first = pods.evicted[0];
    const usage = first ? USAGE.exec(first.message) : null;
    const heavy = usage
      ? `; container ${usage[1]} was using ${gib(usage[2] ?? '')} with a request of ${usage[3]}`
      : '';
    const evicted = pods.evicted.length
      ? ` and Evicted ${pods.evicted.length} pod${pods.evicted.length > 1 ? 's' : ''} of ${workloads.join(', ')}${heavy}`
      : '';
    statement = `${ref} is under ${pressure} since ${ago(pressures[0]?.lastTransitionTime, index.now)}${evicted}.`;
    for (const e of pods.evicted.slice(0, 2))
      evidence.push({ evidenceId: e.evidenceId, excerpt: `${e.pod.metadata?.name}: Evicted: ${e.message}` });
    if (usage && first) {
      const workload = owningWorkload(index, first.pod);
      steps.push(
        fix(
          `give ${usage[1]} a memory request and limit that match its use, so it is scheduled where it fits`,
          `kubectl -n ${first.pod.metadata?.namespace} set resources ${workload.ref} -c ${usage[1]} --requests=memory=${gib(usage[2] ?? '')} --limits=memory=${gib(usage[2] ?? '')}`,
        ),
      );
    }
  }
  for (const e of recentEvents(index, { kind: 'Node', namespace: undefined, name })
    .filter((e) => e.type === 'Warning')
    .slice(-1)) {
    evidence.push({ evidenceId: e.evidenceId, excerpt: `${e.reason}: ${e.message}` });
  }
  return {
    analyzer: 'node-condition',
    category: ready ? 'node_not_ready' : 'node_pressure_eviction',
    statement,
    confidence: 'high',
    resource: ref,
    evidence,
    facts: [
      ...bad.map((c) => c.type),
      ...(ready?.message ? [ready.message] : []),
      ...(pods.evicted.length ? ['Evicted'] : []),
    ],
    nextSteps: steps,
    impact: workloads.length
      ? `pods of ${workloads.join(', ')} on ${name} were disrupted`
      : `${name} cannot run new pods`,
    affects: workloads,
  };
}

/** Nodes that are NotReady or under memory, disk or PID pressure, and the pods that cost. */
export const nodeCondition: Analyzer = {
  name: 'node-condition',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return index.ofKind('Node').flatMap((collected) => {
      const conditions = (collected.object as KubeNode).status?.conditions ?? [];
      const bad = conditions.filter((c) =>
        c.type === 'Ready' ? c.status !== 'True' : PRESSURES.includes(c.type) && c.status === 'True',
      );
      if (bad.length === 0) return [];
      return [nodeFinding(index, collected, bad, podsOnNode(index, collected.object.metadata?.name ?? ''))];
    });
  },
};
