import type { ClusterInfo } from '../operations/cluster-info.ts';
import type { CompactEvent } from '../operations/load-events.ts';
import type { NodeSummaryResult } from '../operations/node-summary.ts';
import type { OwnerLink } from '../operations/owner-chain.ts';
import type { RolloutHistory } from '../operations/rollout-history.ts';
import type { TopResult } from '../operations/top.ts';
import { renderTable } from './aligned-text.ts';
import { age } from './time-format.ts';

/** `kubectl events`-style table of compact events (newest last). */
export function formatEvents(events: CompactEvent[], now: number, withNamespace: boolean): string {
  if (events.length === 0) return 'No events found.\n';
  const headers = [
    ...(withNamespace ? ['NAMESPACE'] : []),
    'LAST SEEN',
    'TYPE',
    'REASON',
    'OBJECT',
    'MESSAGE',
  ];
  const rows = events.map((e) => [
    ...(withNamespace ? [e.namespace ?? ''] : []),
    age(e.lastSeen, now),
    e.type,
    e.reason,
    e.object.replace(/^([^/]*)/, (kind) => kind.toLowerCase()),
    e.message.replace(/\s*\n\s*/g, ' '),
  ]);
  return renderTable(headers, rows);
}

export function formatOwnerChain(chain: OwnerLink[]): string {
  return renderTable(
    ['KIND', 'NAME', 'UID'],
    chain.map((link) => [link.kind, link.unresolved ? `${link.name} (unresolved)` : link.name, link.uid]),
  );
}

export function formatRolloutHistory(history: RolloutHistory, now: number): string {
  const rows = history.revisions.map((r) => [
    `${r.revision}${r.current ? '*' : ''}`,
    r.changeCause ?? '<none>',
    r.images.join(',') || '<none>',
    r.replicas === undefined ? '' : `${r.ready ?? 0}/${r.replicas}`,
    age(r.created, now),
  ]);
  const kind = history.kind.replace(/s$/, '');
  return `${kind}/${history.name}\n${renderTable(['REVISION', 'CHANGE-CAUSE', 'IMAGES', 'READY', 'AGE'], rows)}`;
}

export function formatNodeSummary(summary: NodeSummaryResult): string {
  const blocks = summary.nodes.map((node) => {
    const lines = [
      `${node.name}  ${node.status}  roles=${node.roles.join(',') || '<none>'}  kubelet=${node.kubeletVersion ?? '?'}`,
      `  conditions: ${node.conditions.map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`).join(', ') || '<none>'}`,
      `  taints: ${node.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ') || '<none>'}`,
      `  allocatable: cpu=${node.allocatable.cpu ?? '?'} memory=${node.allocatable.memory ?? '?'} pods=${node.allocatable.pods ?? '?'}`,
      `  requests: cpu ${node.allocated.cpu.requests} (${node.allocated.cpu.requestsPercent}), memory ${node.allocated.memory.requests} (${node.allocated.memory.requestsPercent})`,
      `  limits: cpu ${node.allocated.cpu.limits} (${node.allocated.cpu.limitsPercent}), memory ${node.allocated.memory.limits} (${node.allocated.memory.limitsPercent})`,
      node.usage
        ? `  usage: cpu ${node.usage.cpu} (${node.usage.cpuPercent}), memory ${node.usage.memory} (${node.usage.memoryPercent})`
        : '  usage: unavailable',
      `  pods: ${node.pods.count}`,
      ...(node.pods.items ?? []).map(
        (p) => `    ${p.namespace}/${p.name}  ${p.phase}  restarts=${p.restarts}`,
      ),
    ];
    return lines.join('\n');
  });
  const metrics =
    summary.metrics === 'available'
      ? ''
      : `\n(usage unavailable: ${summary.metricsMessage ?? 'no metrics API'})`;
  return `${blocks.join('\n\n')}${metrics}\n`;
}

export function formatTop(top: TopResult, withNamespace: boolean): string {
  if (top.kind === 'nodes') {
    return renderTable(
      ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'],
      top.items.map((n) => [n.name, n.cpu, n.cpuPercent, n.memory, n.memoryPercent]),
    );
  }
  const headers = [...(withNamespace ? ['NAMESPACE'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
  return renderTable(
    headers,
    top.items.map((p) => [...(withNamespace ? [p.namespace] : []), p.name, p.cpu, p.memory]),
  );
}

export function formatClusterInfo(info: ClusterInfo): string {
  const nodes = renderTable(
    ['NODE', 'STATUS', 'ROLES', 'VERSION', 'INTERNAL-IP'],
    info.nodes.map((n) => [
      n.name,
      n.status,
      n.roles.join(',') || '<none>',
      n.version ?? '',
      n.internalIP ?? '<none>',
    ]),
  );
  const namespaces = renderTable(
    ['NAMESPACE', 'STATUS'],
    info.namespaces.map((ns) => [ns.name, ns.status ?? '']),
  );
  return `Kubernetes ${info.version}${info.platform ? ` (${info.platform})` : ''}\n\n${nodes}\n${namespaces}`;
}
