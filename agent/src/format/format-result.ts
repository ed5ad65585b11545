import type { KubeObject } from '../kube/kube-types.ts';
import { resourceInfo } from '../kube/resources.ts';
import type { ParsedKubectl } from '../kubectl/parse-kubectl.ts';
import type { ClusterInfo } from '../operations/cluster-info.ts';
import type { ListResult } from '../operations/list.ts';
import type { CompactEvent } from '../operations/load-events.ts';
import type { NodeSummaryResult } from '../operations/node-summary.ts';
import type { OwnerLink } from '../operations/owner-chain.ts';
import type { RolloutHistory } from '../operations/rollout-history.ts';
import type { TopResult } from '../operations/top.ts';
import { renderTable } from './aligned-text.ts';
import { columnsFor } from './columns/columns.ts';
import {
  formatClusterInfo,
  formatEvents,
  formatNodeSummary,
  formatOwnerChain,
  formatRolloutHistory,
  formatTop,
} from './format-summaries.ts';
import { toYaml } from './to-yaml.ts';

const withNewline = (text: string) => (text.endsWith('\n') || text === '' ? text : `${text}\n`);

/** What `-o json`/`-o yaml` print: a list becomes a `kind: List`, as kubectl prints it. */
function document(parsed: ParsedKubectl, result: unknown): unknown {
  if (parsed.operation.op !== 'list') return result;
  const list = result as ListResult;
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: list.items,
    metadata: list.continue ? { continue: list.continue } : {},
  };
}

function objectTable(parsed: ParsedKubectl, objects: KubeObject[], now: number): string {
  const operation = parsed.operation;
  if (operation.op !== 'get' && operation.op !== 'list') return '';
  if (objects.length === 0) {
    const where = operation.namespace ? ` in ${operation.namespace} namespace` : '';
    return `No resources found${where}.\n`;
  }
  const columns = columnsFor(operation.kind, parsed.output === 'wide');
  // All namespaces: kubectl adds a NAMESPACE column in front.
  const namespaced =
    operation.op === 'list' && !operation.namespace && resourceInfo(operation.kind).namespaced;
  const headers = [...(namespaced ? ['NAMESPACE'] : []), ...columns.map((c) => c.header)];
  const rows = objects.map((o) => [
    ...(namespaced ? [o.metadata?.namespace ?? ''] : []),
    ...columns.map((c) => c.cell(o, now)),
  ]);
  return renderTable(headers, rows);
}

/**
 * Prints an operation's (already redacted) result the way kubectl would: tables with kubectl's
 * default columns (`-o wide` adds its extra ones), describe and logs as text, `-o yaml` and
 * `-o json` as documents.
 */
export function formatResult(parsed: ParsedKubectl, result: unknown, options: { now?: number } = {}): string {
  const now = options.now ?? Date.now();
  if (parsed.output === 'json') return `${JSON.stringify(document(parsed, result), null, 2)}\n`;
  if (parsed.output === 'yaml') return toYaml(document(parsed, result));
  const operation = parsed.operation;
  switch (operation.op) {
    case 'get':
      return objectTable(parsed, [result as KubeObject], now);
    case 'list':
      return objectTable(parsed, (result as ListResult).items, now);
    case 'describe':
    case 'logs':
      return withNewline(String(result));
    case 'events':
      return formatEvents(result as CompactEvent[], now, !operation.namespace);
    case 'ownerChain':
      return formatOwnerChain(result as OwnerLink[]);
    case 'rolloutHistory':
      return formatRolloutHistory(result as RolloutHistory, now);
    case 'nodeSummary':
      return formatNodeSummary(result as NodeSummaryResult);
    case 'top':
      return formatTop(result as TopResult, operation.kind === 'pods' && !operation.namespace);
    case 'clusterInfo':
      return formatClusterInfo(result as ClusterInfo);
  }
}
