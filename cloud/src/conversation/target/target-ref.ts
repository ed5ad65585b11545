import { resolveKind } from '@opsworker/agent/kubectl/kind-aliases.ts';
import { CLUSTER_SCOPED_KINDS, type Investigation, type ResourceKind } from '@opsworker/shared';
import type { MentionedObject } from '../intent/mentioned-object.ts';

/** The object an answer is about; `kind` is unknown when the question named only the object. */
export interface TargetRef {
  kind?: ResourceKind;
  namespace?: string;
  name: string;
}

/** `deployment/checkout` (a report's resource) as a reference; undefined for anything else. */
export function parseResource(resource: string | undefined, namespace?: string): TargetRef | undefined {
  const [kindWord, name] = resource?.split('/') ?? [];
  if (!kindWord || !name) return undefined;
  try {
    const kind = resolveKind(kindWord);
    return { kind, name, ...(namespace && !CLUSTER_SCOPED_KINDS.has(kind) ? { namespace } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * What a question is about: the object it names (in the investigation's namespace), else the
 * alerted object, else the report's root-cause resource. `preferRootCause` puts the root cause
 * before the alerted object: "what changed?" is about the cause (the cache scaled to zero), not
 * the symptom (the pod that crashes).
 */
export function targetFor(
  investigation: Investigation,
  mentioned: MentionedObject | undefined,
  options: { preferRootCause?: boolean } = {},
): TargetRef | undefined {
  const { scope } = investigation;
  const namespace = scope.namespace;
  if (mentioned) {
    const clusterScoped = mentioned.kind && CLUSTER_SCOPED_KINDS.has(mentioned.kind);
    return { ...mentioned, ...(namespace && !clusterScoped ? { namespace } : {}) };
  }
  const rootCause = parseResource(investigation.report?.rootCause.resource, namespace);
  if (options.preferRootCause && rootCause) return rootCause;
  if (scope.kind && scope.name) {
    return {
      kind: scope.kind,
      name: scope.name,
      ...(namespace && !CLUSTER_SCOPED_KINDS.has(scope.kind) ? { namespace } : {}),
    };
  }
  return rootCause;
}

/**
 * Names a question may use for the investigation's objects: the alerted object and the
 * root-cause resource, with their dash prefixes (`checkout-7d9f8b6c5d-x2x9k` is also
 * `checkout-7d9f8b6c5d` and `checkout`).
 */
export function knownNames(investigation: Investigation): string[] {
  const names = [investigation.scope.name, investigation.report?.rootCause.resource?.split('/')[1]];
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const parts = name.split('-');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('-'));
  }
  return [...out];
}

/** `deployments` → `deployment`, `networkpolicies` → `networkpolicy`, `ingresses` → `ingress`. */
export function singularKind(kind: ResourceKind): string {
  if (kind.endsWith('ies')) return `${kind.slice(0, -3)}y`;
  if (kind.endsWith('sses')) return kind.slice(0, -2);
  return kind.replace(/s$/, '');
}

/** `deployments/checkout` in the words of kubectl: `deployment/checkout`. */
export function describeRef(ref: { kind?: ResourceKind; name: string }): string {
  return ref.kind ? `${singularKind(ref.kind)}/${ref.name}` : ref.name;
}
