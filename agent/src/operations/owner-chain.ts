import type { AgentOperation } from '@opsworker/shared';
import { KubeNotFoundError } from '../errors.ts';
import type { KubeObject, OwnerReference } from '../kube/kube-types.ts';
import { type ReadableResource, resourceForKind, resourceInfo } from '../kube/resources.ts';
import type { OperationHandler } from './operation-context.ts';

/** One link of an owner chain; `resource` is set when the agent can read that kind. */
export type OwnerLink = {
  kind: string;
  resource?: ReadableResource;
  namespace: string;
  name: string;
  uid: string;
  /** The owner is referenced but could not be read (deleted, or a kind the agent does not know). */
  unresolved?: boolean;
};

const MAX_DEPTH = 8;

function controllerOf(object: KubeObject): OwnerReference | undefined {
  const owners = object.metadata?.ownerReferences ?? [];
  return owners.find((owner) => owner.controller) ?? owners[0];
}

/**
 * Follows controller owner references up from an object: pod → replicaset → deployment,
 * pod → job → cronjob, pod → statefulset. The first link is the object itself.
 */
export const runOwnerChain: OperationHandler<Extract<AgentOperation, { op: 'ownerChain' }>> = async (
  operation,
  context,
) => {
  const { reader, signal } = context;
  let object = await reader.get(operation.kind, operation.name, operation.namespace, { signal });
  const chain: OwnerLink[] = [
    {
      kind: object.kind ?? resourceInfo(operation.kind).kind,
      resource: operation.kind,
      namespace: operation.namespace,
      name: operation.name,
      uid: object.metadata?.uid ?? '',
    },
  ];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const owner = controllerOf(object);
    if (!owner) break;
    const info = resourceForKind(owner.kind);
    const link: OwnerLink = {
      kind: owner.kind,
      namespace: operation.namespace,
      name: owner.name,
      uid: owner.uid,
    };
    if (!info) {
      chain.push({ ...link, unresolved: true });
      break;
    }
    try {
      object = await reader.get(
        info.resource,
        owner.name,
        info.namespaced ? operation.namespace : undefined,
        { signal },
      );
    } catch (error) {
      // An owner deleted while its dependents linger (orphaning in progress) ends the chain.
      if (!(error instanceof KubeNotFoundError)) throw error;
      chain.push({ ...link, resource: info.resource, unresolved: true });
      break;
    }
    chain.push({ ...link, resource: info.resource });
  }
  return { result: chain };
};
