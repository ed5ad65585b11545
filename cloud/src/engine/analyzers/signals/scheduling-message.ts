/**
 * Reads the scheduler's FailedScheduling message (`0/3 nodes are available: 3 Insufficient
 * memory. preemption: ...`) into the reason that actually blocks the pod.
 */

export type SchedulingBlocker = 'volume' | 'taint' | 'resources' | 'affinity';

export interface SchedulingReason {
  blocker: SchedulingBlocker;
  /** The scheduler's words for it: `3 Insufficient memory`, `1 node(s) had untolerated taint {nvidia.com/gpu: present}`. */
  text: string;
  nodes: number;
}

const VOLUME = /PersistentVolumeClaim|VolumeBinding|volume node affinity|provisioning failed for PVC/i;
/** Nodes outside the pool a pod selects: a filter, rarely the cause when other reasons appear. */
const SELECTOR_FILTER = /didn't match Pod's node affinity\/selector/i;

function blockerOf(text: string): SchedulingBlocker {
  if (VOLUME.test(text)) return 'volume';
  if (/taint/i.test(text)) return 'taint';
  if (/Insufficient|Too many pods/i.test(text)) return 'resources';
  return 'affinity';
}

/** The parts of the message before the preemption report, one per reason. */
export function schedulingReasons(message: string): SchedulingReason[] {
  const body = message.split(/\.?\s*preemption:/)[0] ?? message;
  const list = /^\d+\/\d+ nodes are available: (.*)$/.exec(body.trim())?.[1];
  const parts = list ? list.split(/,\s*(?=\d+ |pod has )/) : [body.trim()];
  return parts
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter(Boolean)
    .map((text) => ({ blocker: blockerOf(text), text, nodes: Number(/^(\d+) /.exec(text)?.[1] ?? 0) }));
}

/**
 * The reason that blocks the pod: a volume first (nothing schedules without it), then the reason
 * that rules out the most nodes, ignoring the node-selector filter when anything else is said.
 */
export function mainBlocker(reasons: SchedulingReason[]): SchedulingReason | undefined {
  const volume = reasons.find((r) => r.blocker === 'volume');
  if (volume) return volume;
  const real = reasons.filter((r) => !SELECTOR_FILTER.test(r.text));
  const pool = real.length ? real : reasons;
  const order: SchedulingBlocker[] = ['resources', 'taint', 'affinity'];
  return [...pool].sort(
    (a, b) => b.nodes - a.nodes || order.indexOf(a.blocker) - order.indexOf(b.blocker),
  )[0];
}
