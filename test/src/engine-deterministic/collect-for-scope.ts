import type { EvidenceBundle } from '@opsworker/cloud/engine/evidence/evidence-bundle.ts';
import type { Scope } from '@opsworker/shared';
import type { KubeObject } from '../kube/types.ts';
import { collectContext } from './collect-context.ts';
import { collectDependencies } from './collect-dependencies.ts';
import { collectLogs, ownerChain, podsOfWorkload } from './collect-workload.ts';
import { pluralOf, type SimulatedCollection } from './simulated-collection.ts';

type Target = EvidenceBundle['target'];

interface Focus {
  target: Target;
  /** The target, its owners and what it owns: their events are collected. */
  objects: KubeObject[];
  pods: KubeObject[];
  /** The pod the alert named, logged first. */
  alerted?: KubeObject;
}

function targetOf(object: KubeObject): NonNullable<Target> {
  return {
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  };
}

/** The object a fix applies to: the top owner, except that a Job stays itself rather than its CronJob. */
function settle(chain: KubeObject[]): KubeObject | undefined {
  const job = chain.find((o) => o.kind === 'Job');
  return job ?? chain.at(-1);
}

function focusOn(c: SimulatedCollection, object: KubeObject, alerted?: KubeObject): Focus {
  const chain = ownerChain(c, object);
  const settled = settle([object, ...chain]) ?? object;
  const { owned, pods } = podsOfWorkload(c, settled);
  return {
    target: targetOf(settled),
    objects: [...new Set([object, ...chain, ...owned, ...pods])],
    pods,
    ...(alerted ? { alerted } : {}),
  };
}

function focusForScope(c: SimulatedCollection, scope: Scope): Focus {
  const { namespace: ns, kind, name } = scope;
  if (kind && name) {
    const object = c.get(kind, kind === 'nodes' ? undefined : ns, name);
    if (!object) return { target: undefined, objects: [], pods: [] };
    if (kind === 'pods') return focusOn(c, object, object);
    if (kind === 'nodes') {
      const pods = c.list(
        'pods',
        undefined,
        `Pods on node ${name}`,
        (p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === name,
        { fieldSelector: `spec.nodeName=${name}` },
      );
      const owners = pods.flatMap((p) => ownerChain(c, p));
      return { target: targetOf(object), objects: [object, ...pods, ...owners], pods: [] };
    }
    if (kind === 'horizontalpodautoscalers') {
      const ref = (object.spec as { scaleTargetRef?: { kind?: string; name?: string } } | undefined)
        ?.scaleTargetRef;
      const plural = ref?.kind ? pluralOf(ref.kind) : undefined;
      const workload = plural && ref?.name ? c.get(plural, ns, ref.name) : undefined;
      const inner = workload ? focusOn(c, workload) : undefined;
      return {
        target: targetOf(object),
        objects: [object, ...(inner?.objects ?? [])],
        pods: inner?.pods ?? [],
      };
    }
    if (kind === 'services') {
      const selector = (object.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
      const selected = (p: KubeObject) =>
        Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v);
      let pods = c.list('pods', ns, `Pods selected by service ${name}`, selected);
      // Nothing selected: list the namespace's pods to show which labels do exist.
      if (pods.length === 0) pods = c.list('pods', ns, `Pods in ${ns}`);
      const owners = pods.flatMap((p) => ownerChain(c, p));
      return { target: targetOf(object), objects: [object, ...pods, ...owners], pods };
    }
    if (kind === 'persistentvolumeclaims') {
      const mounts = (p: KubeObject) => JSON.stringify(p.spec ?? {}).includes(`"claimName":"${name}"`);
      const pods = c.list('pods', ns, `Pods mounting ${name}`, mounts);
      return { target: targetOf(object), objects: [object, ...pods], pods };
    }
    return focusOn(c, object);
  }
  const pods = c.list('pods', ns, ns ? `Pods in ${ns}` : 'Pods in all namespaces');
  const workloads = (['deployments', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs'] as const).flatMap(
    (k) => (ns ? c.list(k, ns, `${k} in ${ns}`) : []),
  );
  if (!ns) c.list('nodes', undefined, 'Nodes');
  return { target: undefined, objects: [...pods, ...workloads], pods };
}

/**
 * What a collector gathers for an alert's scope, and only that: the alerted object, its owners
 * and what they own, their events and logs, the namespace's services, endpoints, autoscalers,
 * quotas, policies and config maps, the volumes and nodes the pods use, and the Services the
 * pods' configuration and logs name (with the workloads behind them).
 */
export function collectForScope(c: SimulatedCollection, scope: Scope): Target {
  const focus = focusForScope(c, scope);
  const label = focus.target
    ? `${focus.target.kind.toLowerCase()}/${focus.target.name}`
    : (scope.namespace ?? 'the cluster');
  c.events(focus.objects, scope.namespace, `Events of ${label} and its objects`);
  collectLogs(c, focus.pods, focus.alerted);
  collectContext(c, scope.namespace, [...focus.objects, ...focus.pods]);
  collectDependencies(c, scope.namespace, focus.pods);
  return focus.target;
}
