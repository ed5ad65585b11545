import type { Pod, Workload } from '@opsworker/agent/kube/kube-types.ts';
import { ago } from '../bundle/age.ts';
import type { BundleIndex } from '../bundle/bundle-index.ts';
import { recentEvents } from '../bundle/event-facts.ts';
import { containersOf, failureLog, isCrashLooping, isPodReady } from '../bundle/pod-containers.ts';
import { podsOf, type WorkloadRef } from '../bundle/workload-ref.ts';
import type { FindingEvidence } from '../finding.ts';
import { readLogSignal } from './log-signals.ts';

/** Why a workload serves nothing, in words, with the evidence that shows it. */
export interface WorkloadDown {
  /** `deployment/inventory-cache is scaled to 0 replicas (scaled down from 1 47m ago)` */
  reason: string;
  evidence: FindingEvidence[];
  /** The replica count it had before someone scaled it to zero, when an event says so. */
  previousReplicas?: number;
  /** The log line of its crashing container, when that is why. */
  logLine?: string;
  /** The crash-looping container, to read its previous log. */
  crashing?: { pod: string; container: string };
}

const SCALED_DOWN = /Scaled down replica set \S+ from (\d+) to 0/;

function scaledToZero(index: BundleIndex, workload: WorkloadRef): WorkloadDown {
  const scaleDown = recentEvents(index, workload, ['ScalingReplicaSet'], 7 * 86_400).findLast((fact) =>
    SCALED_DOWN.test(fact.message),
  );
  const previous = scaleDown ? Number(SCALED_DOWN.exec(scaleDown.message)?.[1]) : undefined;
  const when = scaleDown ? ` (scaled down from ${previous} ${ago(scaleDown.lastSeen, index.now)})` : '';
  const evidence: FindingEvidence[] = [];
  if (workload.object)
    evidence.push({ evidenceId: workload.object.evidenceId, excerpt: `${workload.ref} spec.replicas: 0` });
  if (scaleDown) evidence.push({ evidenceId: scaleDown.evidenceId, excerpt: scaleDown.message });
  return {
    reason: `${workload.ref} is scaled to 0 replicas${when}`,
    evidence,
    ...(previous ? { previousReplicas: previous } : {}),
  };
}

/**
 * Explains why a workload has no ready pods (scaled to zero, crash-looping with the log line that
 * says why, or simply not ready), or undefined when it has ready pods.
 */
export function whyWorkloadIsDown(index: BundleIndex, workload: WorkloadRef): WorkloadDown | undefined {
  const spec = (workload.object?.object as Workload | undefined)?.spec;
  if (spec?.replicas === 0) return scaledToZero(index, workload);
  const pods = podsOf(index, workload);
  if (pods.some((pod) => isPodReady(pod.object as Pod))) return undefined;
  for (const pod of pods) {
    for (const view of containersOf(pod).filter((v) => isCrashLooping(v, index.now))) {
      const log = failureLog(index, view);
      const signal = log ? readLogSignal(log.text) : undefined;
      const exit = view.status.lastState?.terminated?.exitCode;
      const because = signal ? `: "${signal.line}"` : exit !== undefined ? ` (exit code ${exit})` : '';
      const evidence: FindingEvidence[] = [
        {
          evidenceId: view.evidenceId,
          excerpt: `${view.podName} ${view.name}: CrashLoopBackOff, ${view.status.restartCount ?? 0} restarts`,
        },
      ];
      if (log && signal) evidence.push({ evidenceId: log.evidenceId, excerpt: signal.line });
      return {
        reason: `its pod ${view.podName} crash-loops (${view.status.restartCount ?? 0} restarts)${because}`,
        evidence,
        ...(signal ? { logLine: signal.line } : {}),
        crashing: { pod: view.podName, container: view.name },
      };
    }
  }
  const first = pods[0];
  return {
    reason: pods.length ? `0 of ${pods.length} of its pods are ready` : 'it has no pods',
    evidence: first
      ? [{ evidenceId: first.evidenceId, excerpt: `${first.object.metadata?.name}: not ready` }]
      : [],
  };
}
