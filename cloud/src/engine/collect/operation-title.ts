import { resourceInfo } from '@opsworker/agent/kube/resources.ts';
import type { AgentOperation, ResourceKind } from '@opsworker/shared';

function kindOf(kind: ResourceKind): string {
  return resourceInfo(kind).kind;
}

/** `Pods`, `NetworkPolicies`, `StorageClasses`; `Endpoints` is its own plural. */
function pluralOf(kind: ResourceKind): string {
  const singular = kindOf(kind);
  if (singular === 'Endpoints') return singular;
  if (singular.endsWith('s')) return `${singular}es`;
  if (singular.endsWith('y')) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

function where(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The subject of an events field selector (`involvedObject.kind=Pod,involvedObject.name=x`). */
function eventSubject(fieldSelector: string | undefined): string | undefined {
  const fields = Object.fromEntries(
    (fieldSelector ?? '').split(',').map((part) => part.split('=') as [string, string | undefined]),
  );
  const name = fields['involvedObject.name'];
  if (!name) return undefined;
  return `${fields['involvedObject.kind'] ?? 'object'} ${name}`;
}

function listTitle(operation: Extract<AgentOperation, { op: 'list' }>): string {
  const scope = operation.namespace ? ` in ${operation.namespace}` : '';
  if (operation.kind === 'events') {
    const subject = eventSubject(operation.fieldSelector);
    if (subject) return `Events of ${subject}${scope}`;
  }
  const node = /spec\.nodeName=([^,]+)/.exec(operation.fieldSelector ?? '')?.[1];
  if (node) return `${pluralOf(operation.kind)} on node ${node}`;
  const selector = operation.labelSelector ? ` (${operation.labelSelector})` : '';
  const page = operation.continue ? ', next page' : '';
  return `${pluralOf(operation.kind)}${scope || ' in all namespaces'}${selector}${page}`;
}

/**
 * What a human calls the result of an operation, as the evidence list shows it:
 * `Pod shop/checkout-7d9f8b6c5d-x2x9k`, `Previous logs of shop/checkout-…/app`.
 */
export function operationTitle(operation: AgentOperation): string {
  switch (operation.op) {
    case 'get':
      return `${kindOf(operation.kind)} ${where(operation.namespace, operation.name)}`;
    case 'list':
      return listTitle(operation);
    case 'events': {
      const about = operation.involvedObject
        ? ` of ${kindOf(operation.involvedObject.kind)} ${operation.involvedObject.name}`
        : '';
      return `Events${about}${operation.namespace ? ` in ${operation.namespace}` : ''}`;
    }
    case 'logs': {
      const which = operation.previous ? 'Previous logs' : 'Logs';
      const container = operation.container ? `/${operation.container}` : '';
      return `${which} of ${operation.namespace}/${operation.pod}${container}`;
    }
    case 'ownerChain':
      return `Owner chain of ${kindOf(operation.kind)} ${where(operation.namespace, operation.name)}`;
    case 'rolloutHistory':
      return `Rollout history of ${kindOf(operation.kind)} ${where(operation.namespace, operation.name)}`;
    case 'describe':
      return `Description of ${kindOf(operation.kind)} ${where(operation.namespace, operation.name)}`;
    case 'nodeSummary':
      return operation.name ? `Summary of node ${operation.name}` : 'Summary of every node';
    case 'top':
      return `Resource usage of ${operation.kind}${operation.namespace ? ` in ${operation.namespace}` : ''}`;
    case 'clusterInfo':
      return 'Cluster information';
  }
}
