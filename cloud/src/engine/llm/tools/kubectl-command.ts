import { type AgentOperation, CLUSTER_SCOPED_KINDS, type ResourceKind } from '@opsworker/shared';

/** `kubectl -n ns`; without a namespace a list spans all of them (`-A`), a single read does not. */
function scope(namespace: string | undefined, kind: ResourceKind | undefined, list: boolean): string {
  if (kind && CLUSTER_SCOPED_KINDS.has(kind)) return 'kubectl';
  if (namespace) return `kubectl -n ${namespace}`;
  return list ? 'kubectl -A' : 'kubectl';
}

/** Quoted for a shell when it has to be: selectors such as `tier in (web,api)`. */
const shellWord = (value: string) =>
  /^[\w.,=!/:-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;

/** `-c app`, `--tail=200`: short flags take a space, long ones an equals sign. */
function opt(flag: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  const word = shellWord(String(value));
  return flag.startsWith('--') ? ` ${flag}=${word}` : ` ${flag} ${word}`;
}

/**
 * The kubectl command that reads what an agent operation read: shown next to every answer
 * so a human can check it, and used as the title of what a model looked at.
 */
export function kubectlCommandFor(operation: AgentOperation): string {
  switch (operation.op) {
    case 'get':
      return `${scope(operation.namespace, operation.kind, false)} get ${operation.kind} ${operation.name} -o yaml`;
    case 'list':
      return `${scope(operation.namespace, operation.kind, true)} get ${operation.kind}${opt('-l', operation.labelSelector)}${opt('--field-selector', operation.fieldSelector)}`;
    case 'events': {
      const target = operation.involvedObject
        ? ` --for=${operation.involvedObject.kind}/${operation.involvedObject.name}`
        : '';
      return `${scope(operation.namespace, undefined, true)} events${target}`;
    }
    case 'logs':
      return `kubectl -n ${operation.namespace} logs ${operation.pod}${opt('-c', operation.container)}${operation.previous ? ' --previous' : ''}${opt('--tail', operation.tailLines)}${operation.sinceSeconds ? ` --since=${operation.sinceSeconds}s` : ''}`;
    case 'ownerChain':
      return `kubectl -n ${operation.namespace} get ${operation.kind} ${operation.name} -o jsonpath='{.metadata.ownerReferences}'`;
    case 'rolloutHistory':
      return `kubectl -n ${operation.namespace} rollout history ${operation.kind}/${operation.name}`;
    case 'describe':
      return `${scope(operation.namespace, operation.kind, false)} describe ${operation.kind} ${operation.name}`;
    case 'nodeSummary':
      return operation.name ? `kubectl describe node ${operation.name}` : 'kubectl get nodes -o wide';
    case 'top':
      return `${scope(operation.namespace, operation.kind, true)} top ${operation.kind}${operation.name ? ` ${operation.name}` : ''}`;
    case 'clusterInfo':
      return 'kubectl cluster-info && kubectl version';
  }
}
