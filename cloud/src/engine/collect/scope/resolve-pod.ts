import type { Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { OwnerLink } from '@opsworker/agent/operations/owner-chain.ts';
import { ownerFromPodName } from '../../../investigations/pod-name-owner.ts';
import type { Collection } from '../collection.ts';
import { resourceOfKind } from '../owner-references.ts';
import { emptyFocus, type Focus, targetOf } from './focus.ts';
import { focusOnWorkload } from './focus-on-workload.ts';

/** `checkout-7d9f8b6c5d-x2x9k` (a Deployment's pod) and `db-2` (a StatefulSet's). */

/**
 * The link a fix applies to: the top of the chain, except that a Job stays itself (its run
 * failed, not its CronJob) and a mirror pod's Node is not its workload.
 */
function settle(chain: OwnerLink[]): OwnerLink | undefined {
  let settled: OwnerLink | undefined;
  for (const link of chain) {
    if (link.unresolved || !link.resource || link.kind === 'Node') break;
    settled = link;
    if (link.kind === 'Job') break;
  }
  return settled;
}

/** A pod replaced since the alert fired: its name still says which workload it belonged to. */
async function resolveGonePod(c: Collection, namespace: string, name: string): Promise<Focus> {
  const missing = `pod ${namespace}/${name} no longer exists (replaced or deleted since the alert)`;
  c.step(`Pod ${name} no longer exists: looking for the workload its name belongs to`);
  const owner = ownerFromPodName(name);
  const workload = owner ? await c.get(owner.kind, namespace, owner.name) : undefined;
  if (!workload) return emptyFocus(namespace, [missing]);
  const focus = await focusOnWorkload(c, workload);
  return { ...focus, missing: [missing] };
}

/** A pod the alert names: its owner chain up to the workload, which becomes the target. */
export async function resolvePod(c: Collection, namespace: string, name: string): Promise<Focus> {
  c.step(`Reading the owner chain of pod ${name} in ${namespace}`);
  const chain = await c.ownerChain('pods', namespace, name);
  if (!chain) return resolveGonePod(c, namespace, name);
  const settled = settle(chain);
  if (!settled?.resource || settled.kind === 'Pod') {
    const pod = (await c.get('pods', namespace, name)) as Pod | undefined;
    if (!pod) return resolveGonePod(c, namespace, name);
    return { target: targetOf(pod), namespace, subjects: [pod], pods: [pod], alertedPod: name, missing: [] };
  }
  c.step(`Pod ${name} belongs to ${settled.kind.toLowerCase()}/${settled.name}`);
  const resource = resourceOfKind(settled.kind);
  const workload = resource ? await c.get(resource, namespace, settled.name) : undefined;
  if (!workload) return resolveGonePod(c, namespace, name);
  const focus = await focusOnWorkload(c, workload, name);
  if (focus.pods.some((pod) => pod.metadata?.name === name)) return focus;
  // Not among the workload's current pods (terminating, or orphaned): it still tells the story.
  const pod = (await c.get('pods', namespace, name)) as Pod | undefined;
  return pod ? { ...focus, pods: [pod, ...focus.pods] } : focus;
}
