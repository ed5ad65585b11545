import type { KubeObject } from '../types.ts';
import { since } from './human-duration.ts';
import { column, type TablePrinter } from './printer.ts';

interface StateShape {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

interface ContainerStatusShape {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: StateShape;
  lastState?: StateShape;
}

interface PodShape {
  metadata: { creationTimestamp?: string; deletionTimestamp?: string };
  spec?: {
    nodeName?: string;
    containers?: { name: string }[];
    initContainers?: { name: string; restartPolicy?: string }[];
    readinessGates?: { conditionType: string }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    nominatedNodeName?: string;
    conditions?: { type: string; status: string; reason?: string }[];
    initContainerStatuses?: ContainerStatusShape[];
    containerStatuses?: ContainerStatusShape[];
  };
}

/** What `kubectl get pods` shows in READY, STATUS and RESTARTS, computed as kubectl's printer does. */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: number;
  lastRestart?: string;
}

/**
 * The pod STATUS column logic of the API server (`printPod`): init container failures become
 * `Init:Error` / `Init:CrashLoopBackOff`, a waiting reason wins over the phase, a terminated
 * reason such as `OOMKilled` shows while the container is down, `Evicted` comes from
 * `status.reason`, and deleted pods read `Terminating`.
 */
export function summarizePod(object: KubeObject): PodSummary {
  const pod = object as unknown as PodShape;
  const status = pod.status ?? {};
  const initSpecs = pod.spec?.initContainers ?? [];
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let reason = status.reason || status.phase || '';
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;
  let ready = 0;
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (const [i, c] of initStatuses.entries()) {
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    if (sidecars.has(c.name)) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const terminated = c.state?.terminated;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason
        ? `Init:${terminated.reason}`
        : terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }
  const initialized = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    for (const c of [...(status.containerStatuses ?? [])].reverse()) {
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const { waiting, terminated, running } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated)
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      else if (c.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
        ? 'Running'
        : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating';
  }
  const total = (pod.spec?.containers?.length ?? 0) + sidecars.size;
  return { ready: `${ready}/${total}`, status: reason, restarts, ...(lastRestart ? { lastRestart } : {}) };
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE, and IP NODE NOMINATED NODE READINESS GATES with -o wide. */
export const podPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Ready'),
    column('Status'),
    column('Restarts'),
    column('Age'),
    column('IP', 'string', 1),
    column('Node', 'string', 1),
    column('Nominated Node', 'string', 1),
    column('Readiness Gates', 'string', 1),
  ],
  row(object, now) {
    const pod = object as unknown as PodShape;
    const summary = summarizePod(object);
    const restarts =
      summary.restarts !== 0 && summary.lastRestart
        ? `${summary.restarts} (${since(summary.lastRestart, now)} ago)`
        : String(summary.restarts);
    const gates = pod.spec?.readinessGates ?? [];
    const gatesTrue = gates.filter((g) =>
      pod.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True'),
    ).length;
    return [
      object.metadata.name,
      summary.ready,
      summary.status,
      restarts,
      since(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      gates.length ? `${gatesTrue}/${gates.length}` : '<none>',
    ];
  },
};
