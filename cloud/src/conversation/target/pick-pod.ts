import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { ListResult } from '@opsworker/agent/operations/list.ts';
import type { OperationRunner } from '../../engine/llm/tools/operation-runner.ts';
import type { FoundObject } from './find-object.ts';

interface ContainerStatus {
  name?: string;
  restartCount?: number;
  ready?: boolean;
  lastState?: { terminated?: unknown };
}

const statusesOf = (pod: KubeObject) =>
  (pod.status as { containerStatuses?: ContainerStatus[] } | undefined)?.containerStatuses ?? [];
const restartsOf = (pod: KubeObject) => statusesOf(pod).reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
const unready = (pod: KubeObject) => statusesOf(pod).some((s) => s.ready === false);

function selectorOf(found: FoundObject): string | undefined {
  const spec = found.object.spec as
    | { selector?: { matchLabels?: Record<string, string> } & Record<string, string> }
    | undefined;
  // Services select with a plain map, workloads with matchLabels.
  const labels = found.kind === 'services' ? spec?.selector : spec?.selector?.matchLabels;
  if (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0) return undefined;
  return Object.entries(labels)
    .filter(([, value]) => typeof value === 'string')
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/**
 * The pod whose logs answer a question about this object: the pod itself, or among a
 * workload's or service's pods the most troubled one (most restarts, then not ready).
 */
export async function pickPod(runner: OperationRunner, found: FoundObject): Promise<KubeObject | undefined> {
  if (found.kind === 'pods') return found.object;
  const selector = selectorOf(found);
  if (!selector || !found.namespace) return undefined;
  const result = await runner.run({
    op: 'list',
    kind: 'pods',
    namespace: found.namespace,
    labelSelector: selector,
  });
  if (!result.response.ok) return undefined;
  const pods = (result.response.result as ListResult).items;
  return [...pods].sort(
    (a, b) => restartsOf(b) - restartsOf(a) || Number(unready(b)) - Number(unready(a)),
  )[0];
}

/**
 * The container to read: the one asked for, else the one that restarted most (for previous
 * logs, one that has a terminated instance), else the first.
 */
export function pickContainer(
  pod: KubeObject,
  asked: string | undefined,
  previous: boolean,
): string | undefined {
  const containers = ((pod.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []).map(
    (c) => c.name,
  );
  if (asked && containers.includes(asked)) return asked;
  const statuses = statusesOf(pod).filter((s) => !previous || s.lastState?.terminated);
  const troubled = [...statuses].sort((a, b) => (b.restartCount ?? 0) - (a.restartCount ?? 0))[0]?.name;
  return troubled ?? containers[0];
}
