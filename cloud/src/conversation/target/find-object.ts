import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { ResourceKind } from '@opsworker/shared';
import type { OperationRunner } from '../../engine/llm/tools/operation-runner.ts';
import type { TargetRef } from './target-ref.ts';

/** Where a bare name is looked for, most likely first. */
const GUESS_ORDER: readonly ResourceKind[] = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'pods',
  'jobs',
  'cronjobs',
  'services',
  'persistentvolumeclaims',
  'nodes',
];

/** An object as read through the agent, with its kind settled. */
export interface FoundObject {
  kind: ResourceKind;
  namespace?: string;
  name: string;
  object: KubeObject;
}

/**
 * Reads the target; a name without a kind is tried as each likely kind in turn. Undefined
 * when nothing by that name exists (or the agent could not read it).
 */
export async function findObject(runner: OperationRunner, ref: TargetRef): Promise<FoundObject | undefined> {
  for (const kind of ref.kind ? [ref.kind] : GUESS_ORDER) {
    const namespace = kind === 'nodes' ? undefined : ref.namespace;
    const result = await runner.run({ op: 'get', kind, name: ref.name, ...(namespace ? { namespace } : {}) });
    if (result.response.ok) {
      return {
        kind,
        name: ref.name,
        object: result.response.result as KubeObject,
        ...(namespace ? { namespace } : {}),
      };
    }
  }
  return undefined;
}
