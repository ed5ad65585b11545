import { RESOURCE_KINDS, type ResourceKind } from '@opsworker/shared';

/** kubectl's short names, for senders who write `deploy` or `pvc`. */
const SHORT_NAMES: Readonly<Record<string, ResourceKind>> = {
  po: 'pods',
  deploy: 'deployments',
  rs: 'replicasets',
  sts: 'statefulsets',
  ds: 'daemonsets',
  cj: 'cronjobs',
  svc: 'services',
  ep: 'endpoints',
  ing: 'ingresses',
  cm: 'configmaps',
  pvc: 'persistentvolumeclaims',
  pv: 'persistentvolumes',
  sc: 'storageclasses',
  no: 'nodes',
  ns: 'namespaces',
  ev: 'events',
  hpa: 'horizontalpodautoscalers',
  pdb: 'poddisruptionbudgets',
  netpol: 'networkpolicies',
  quota: 'resourcequotas',
  limits: 'limitranges',
};

/** Singular lower-case kind (`Deployment` → `deployment`) to its plural resource name. */
const SINGULAR: Readonly<Record<string, ResourceKind>> = Object.fromEntries(
  RESOURCE_KINDS.map((kind) => [singular(kind), kind]),
);

/**
 * The resource kind a sender means by `Pod`, `pod`, `pods` or `po`; undefined when it is not
 * one OpsWorker knows (the list is closed: Secrets are deliberately absent).
 */
export function resolveKind(text: string): ResourceKind | undefined {
  const word = text.trim().toLowerCase();
  if ((RESOURCE_KINDS as readonly string[]).includes(word)) return word as ResourceKind;
  if (Object.hasOwn(SINGULAR, word)) return SINGULAR[word];
  return Object.hasOwn(SHORT_NAMES, word) ? SHORT_NAMES[word] : undefined;
}

function singular(kind: ResourceKind): string {
  if (kind.endsWith('ies')) return `${kind.slice(0, -3)}y`;
  if (kind.endsWith('sses')) return kind.slice(0, -2);
  return kind.slice(0, -1);
}
