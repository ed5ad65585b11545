import { resolveKind } from '@opsworker/agent/kubectl/kind-aliases.ts';
import { OpsWorkerError, type ResourceKind } from '@opsworker/shared';

/** The object an investigation from Slack is about. */
export interface WorkloadRef {
  kind: ResourceKind;
  name: string;
  namespace?: string;
}

/** A Kubernetes object name (DNS subdomain) or namespace (DNS label). */
export const OBJECT_NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
export const NAMESPACE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** People ask about workloads far more than about pods: a bare name means a Deployment. */
export const DEFAULT_KIND: ResourceKind = 'deployments';

/**
 * Reads `deploy/checkout`, `pod/checkout-7d9f-x2`, `statefulsets/db` or a bare `checkout`
 * through the agent's own kind aliases (so `/opsworker` and `kubectl` spell kinds alike).
 * Throws an OpsWorkerError whose userMessage explains what was wrong.
 */
export function parseWorkloadRef(token: string): WorkloadRef {
  const slash = token.indexOf('/');
  const kindText = slash === -1 ? undefined : token.slice(0, slash);
  const name = (slash === -1 ? token : token.slice(slash + 1)).toLowerCase();
  const kind = kindText === undefined ? DEFAULT_KIND : resolveKind(kindText);
  if (!OBJECT_NAME.test(name)) {
    throw new OpsWorkerError(`bad object name ${name}`, {
      userMessage: `"${name || token}" is not a Kubernetes object name (lower-case letters, digits, "-" and ".").`,
    });
  }
  return { kind, name };
}

export function assertNamespace(namespace: string): string {
  const lower = namespace.toLowerCase();
  if (!NAMESPACE_NAME.test(lower)) {
    throw new OpsWorkerError(`bad namespace ${namespace}`, {
      userMessage: `"${namespace}" is not a namespace name (lower-case letters, digits and "-").`,
    });
  }
  return lower;
}
