import type { ContainerStatus, Pod } from '../kube/kube-types.ts';
import { age } from './time-format.ts';

/** The READY, STATUS and RESTARTS columns of `kubectl get pods`. */
export type PodColumns = { ready: string; status: string; restarts: string };

function terminatedReason(status: ContainerStatus): string | undefined {
  const t = status.state?.terminated;
  if (!t) return undefined;
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
}

/**
 * kubectl's pod status: `Init:1/2`, `Init:CrashLoopBackOff`, the waiting or terminated reason of
 * a container (`CrashLoopBackOff`, `OOMKilled`, `Error`), `Terminating`, otherwise the phase.
 */
export function podColumns(pod: Pod, now: number): PodColumns {
  const status = pod.status ?? {};
  let reason = status.reason ?? status.phase ?? 'Unknown';
  let restarts = 0;
  let lastRestart: number | undefined;
  const noteRestart = (s: ContainerStatus) => {
    restarts += s.restartCount ?? 0;
    const finished = Date.parse(s.lastState?.terminated?.finishedAt ?? '');
    if (!Number.isNaN(finished) && (lastRestart === undefined || finished > lastRestart))
      lastRestart = finished;
  };

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (const [i, init] of inits.entries()) {
    noteRestart(init);
    if (init.state?.terminated?.exitCode === 0) continue;
    if (init.state?.terminated) reason = `Init:${terminatedReason(init)}`;
    else if (init.state?.waiting?.reason && init.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${init.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? inits.length}`;
    initializing = true;
    break;
  }

  let ready = 0;
  if (!initializing) {
    restarts = 0;
    let running = false;
    for (const container of [...(status.containerStatuses ?? [])].reverse()) {
      noteRestart(container);
      if (container.state?.waiting?.reason) reason = container.state.waiting.reason;
      else if (container.state?.terminated) reason = terminatedReason(container) ?? reason;
      else if (container.ready && container.state?.running) {
        running = true;
        ready++;
      }
    }
    if (reason === 'Completed' && running) {
      const podReady = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';

  const total = pod.spec?.containers?.length ?? status.containerStatuses?.length ?? 0;
  const restartText =
    lastRestart !== undefined
      ? `${restarts} (${age(new Date(lastRestart).toISOString(), now)} ago)`
      : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}
