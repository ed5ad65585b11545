import type { KubeObject, Pod, Toleration, Workload } from '../kube/kube-types.ts';
import type { CompactEvent } from '../operations/load-events.ts';
import type { DescribeWriter } from './describe-writer.ts';

/** What a describer may show besides the object: its events and, per kind, related objects. */
export type DescribeRelated = {
  events: CompactEvent[];
  /** Deployments: their ReplicaSets. */
  replicaSets?: Workload[];
  /** Nodes: the non-terminated pods on them. */
  pods?: Pod[];
  /** Services: the Endpoints object of the same name. */
  endpoints?: KubeObject;
};

/** Renders one kind the way `kubectl describe` does. */
export type Describer = (object: KubeObject, related: DescribeRelated, now: number) => string;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Name, Namespace, Labels and Annotations, the head of most describes. */
export function writeMetadata(writer: DescribeWriter, object: KubeObject): void {
  writer.row(0, 'Name:', object.metadata?.name ?? '');
  if (object.metadata?.namespace) writer.row(0, 'Namespace:', object.metadata.namespace);
  writeLabelsAndAnnotations(writer, object);
}

/** Labels and Annotations (kubectl hides the bulky last-applied annotation). */
export function writeLabelsAndAnnotations(writer: DescribeWriter, object: KubeObject): void {
  writer.map(0, 'Labels', object.metadata?.labels);
  const { [LAST_APPLIED]: _hidden, ...annotations } = object.metadata?.annotations ?? {};
  writer.map(0, 'Annotations', annotations, ': ');
}

/** `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`, as kubectl writes tolerations. */
export function tolerationText(t: Toleration): string {
  let text = t.key ?? '';
  if (t.value) text += `=${t.value}`;
  if (t.effect) text += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) text += ' op=Exists';
  if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
  return text;
}

/** `ReplicaSet/web-7d9f8c6b5` for the controlling owner, if any. */
export function controlledBy(object: KubeObject): string | undefined {
  const owners = object.metadata?.ownerReferences ?? [];
  const owner = owners.find((o) => o.controller) ?? owners[0];
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}
