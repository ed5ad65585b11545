import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { EvidenceBundle } from '../../evidence/evidence-bundle.ts';

export type Target = NonNullable<EvidenceBundle['target']>;

/**
 * Where an investigation looks, once its scope is resolved: the object it settled on, the
 * objects whose events matter (the target, its owners, what it owns), and its pods.
 */
export interface Focus {
  target?: Target;
  namespace?: string;
  /** Events are collected for each of these. */
  subjects: KubeObject[];
  /** The target's pods; the ones worth a closer look are picked from these. */
  pods: Pod[];
  /** The pod the alert named, looked at first. */
  alertedPod?: string;
  /** What the scope named but the cluster did not have, in words. */
  missing: string[];
}

/** The bundle's `target` for an object. */
export function targetOf(object: KubeObject): Target {
  const namespace = object.metadata?.namespace;
  return { kind: object.kind ?? '', name: object.metadata?.name ?? '', ...(namespace ? { namespace } : {}) };
}

/** A focus on nothing in particular, saying why. */
export function emptyFocus(namespace: string | undefined, missing: string[]): Focus {
  return { ...(namespace ? { namespace } : {}), subjects: [], pods: [], missing };
}
