import { age, rfc1123z } from '../format/time-format.ts';
import type { KubeNode } from '../kube/kube-types.ts';
import { nodeRoles } from '../kube/node-facts.ts';
import { isActivePod, podResources } from '../kube/pod-resources.ts';
import { formatMebibytes, formatMillicores, formatPercent, parseQuantity } from '../kube/quantity.ts';
import { type Describer, writeLabelsAndAnnotations } from './describe-context.ts';
import { createDescribeWriter, type DescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';
import { sortedEntries } from './sorted-entries.ts';

function writeResourceList(
  w: DescribeWriter,
  title: string,
  values: Record<string, string> | undefined,
): void {
  w.row(0, `${title}:`);
  for (const [key, value] of sortedEntries(values)) w.row(1, `${key}:`, value);
}

/** `kubectl describe node`: conditions, addresses, capacity, system info, its pods, allocated resources, events. */
export const describeNode: Describer = (object, related, now) => {
  const node = object as KubeNode;
  const status = node.status ?? {};
  const w = createDescribeWriter();
  w.row(0, 'Name:', node.metadata?.name ?? '');
  w.row(0, 'Roles:', nodeRoles(node).join(',') || '<none>');
  writeLabelsAndAnnotations(w, node);
  w.row(0, 'CreationTimestamp:', rfc1123z(node.metadata?.creationTimestamp));
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  w.lines(0, 'Taints', taints);
  w.row(0, 'Unschedulable:', String(Boolean(node.spec?.unschedulable)));
  w.row(0, 'Conditions:');
  w.row(1, 'Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message');
  w.row(1, '----', '------', '-----------------', '------------------', '------', '-------');
  for (const c of status.conditions ?? []) {
    w.row(
      1,
      c.type,
      c.status,
      rfc1123z(c.lastHeartbeatTime),
      rfc1123z(c.lastTransitionTime),
      c.reason ?? '',
      c.message ?? '',
    );
  }
  w.row(0, 'Addresses:');
  for (const address of status.addresses ?? []) w.row(1, `${address.type}:`, address.address);
  writeResourceList(w, 'Capacity', status.capacity);
  writeResourceList(w, 'Allocatable', status.allocatable);
  const info = status.nodeInfo ?? {};
  w.row(0, 'System Info:');
  w.row(1, 'Kernel Version:', info.kernelVersion ?? '');
  w.row(1, 'OS Image:', info.osImage ?? '');
  w.row(1, 'Operating System:', info.operatingSystem ?? '');
  w.row(1, 'Architecture:', info.architecture ?? '');
  w.row(1, 'Container Runtime Version:', info.containerRuntimeVersion ?? '');
  w.row(1, 'Kubelet Version:', info.kubeletVersion ?? '');
  if (node.spec?.podCIDR) w.row(0, 'PodCIDR:', node.spec.podCIDR);

  const pods = (related.pods ?? []).filter(isActivePod);
  const cpuTotal = parseQuantity(status.allocatable?.cpu);
  const memoryTotal = parseQuantity(status.allocatable?.memory);
  const cpu = (cores: number) => `${formatMillicores(cores)} (${formatPercent(cores, cpuTotal)})`;
  const memory = (bytes: number) => `${formatMebibytes(bytes)} (${formatPercent(bytes, memoryTotal)})`;
  w.row(0, 'Non-terminated Pods:', `(${pods.length} in total)`);
  w.row(1, 'Namespace', 'Name', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age');
  w.row(1, '---------', '----', '------------', '----------', '---------------', '-------------', '---');
  const total = { rc: 0, lc: 0, rm: 0, lm: 0 };
  for (const pod of pods) {
    const r = podResources(pod);
    total.rc += r.requests.cpu;
    total.lc += r.limits.cpu;
    total.rm += r.requests.memory;
    total.lm += r.limits.memory;
    const name = pod.metadata?.name ?? '';
    w.row(
      1,
      pod.metadata?.namespace ?? '',
      name,
      cpu(r.requests.cpu),
      cpu(r.limits.cpu),
      memory(r.requests.memory),
      memory(r.limits.memory),
      age(pod.metadata?.creationTimestamp, now),
    );
  }
  w.row(0, 'Allocated resources:');
  w.row(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
  w.row(1, 'Resource', 'Requests', 'Limits');
  w.row(1, '--------', '--------', '------');
  w.row(1, 'cpu', cpu(total.rc), cpu(total.lc));
  w.row(1, 'memory', memory(total.rm), memory(total.lm));
  writeEvents(w, related.events, now);
  return w.render();
};
