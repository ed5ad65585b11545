import { resourceInfo } from '@opsworker/agent/kube/resources.ts';
import type { ResourceKind, Scope } from '@opsworker/shared';
import type { Collection } from '../collection.ts';
import { emptyFocus, type Focus } from './focus.ts';
import { resolveCluster } from './resolve-cluster.ts';
import { resolveHpa } from './resolve-hpa.ts';
import { resolveNamespace } from './resolve-namespace.ts';
import { resolveNode } from './resolve-node.ts';
import { resolveObject } from './resolve-object.ts';
import { resolvePod } from './resolve-pod.ts';
import { resolvePvc } from './resolve-pvc.ts';
import { resolveService } from './resolve-service.ts';
import { resolveUnnamedWorkload } from './resolve-unnamed-workload.ts';
import { resolveWorkload } from './resolve-workload.ts';

type Resolver = (c: Collection, kind: ResourceKind, namespace: string, name: string) => Promise<Focus>;

/** How each kind of object an alert can name is resolved to a focus; the rest get `resolveObject`. */
const RESOLVERS: Partial<Record<ResourceKind, Resolver>> = {
  pods: (c, _kind, namespace, name) => resolvePod(c, namespace, name),
  deployments: resolveWorkload,
  statefulsets: resolveWorkload,
  daemonsets: resolveWorkload,
  replicasets: resolveWorkload,
  jobs: resolveWorkload,
  cronjobs: resolveWorkload,
  services: (c, _kind, namespace, name) => resolveService(c, namespace, name),
  persistentvolumeclaims: (c, _kind, namespace, name) => resolvePvc(c, namespace, name),
  horizontalpodautoscalers: (c, _kind, namespace, name) => resolveHpa(c, namespace, name),
};

/** The namespace of a namespaced object named without one, when exactly one namespace has it. */
async function locate(c: Collection, kind: ResourceKind, name: string): Promise<string | undefined> {
  c.step(
    `The alert names ${resourceInfo(kind).kind.toLowerCase()}/${name} without a namespace: looking for it`,
  );
  const found = await c.list(kind, { fieldSelector: `metadata.name=${name}`, maxPages: 1 }, () => false);
  const namespaces = new Set(found.map((object) => object.metadata?.namespace));
  return namespaces.size === 1 ? [...namespaces][0] : undefined;
}

/**
 * From an alert's scope to the focus of the investigation: what to look at and what it was
 * settled on. A scope that names nothing the cluster has gives an empty focus saying so.
 */
export async function resolveScope(c: Collection, scope: Scope): Promise<Focus> {
  const { kind, name } = scope;
  let namespace = scope.namespace;
  if (!name) {
    if (kind === 'namespaces' || !kind) return namespace ? resolveNamespace(c, namespace) : resolveCluster(c);
    return emptyFocus(namespace, [`the alert names a ${resourceInfo(kind).kind} but not which one`]);
  }
  if (!kind) {
    if (namespace) return resolveUnnamedWorkload(c, namespace, name);
    return emptyFocus(undefined, [`the alert names "${name}" without its kind or namespace`]);
  }
  if (kind === 'nodes') return resolveNode(c, name);
  if (kind === 'namespaces') return resolveNamespace(c, name);
  const namespaced = resourceInfo(kind).namespaced;
  if (namespaced && !namespace) {
    namespace = await locate(c, kind, name);
    if (!namespace)
      return emptyFocus(undefined, [
        `the alert names ${resourceInfo(kind).kind.toLowerCase()}/${name} without a namespace, and no single namespace has one`,
      ]);
  }
  const resolver = RESOLVERS[kind];
  if (resolver && namespace) return resolver(c, kind, namespace, name);
  return resolveObject(c, kind, namespaced ? namespace : undefined, name);
}
