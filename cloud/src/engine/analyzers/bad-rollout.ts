import type { Pod, Workload } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../evidence/evidence-bundle.ts';
import { ago, isRecent } from './bundle/age.ts';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { containersOf, failureLog, isCrashLooping, isPodReady } from './bundle/pod-containers.ts';
import { resourceRef } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, fix, logs, rolloutHistory, rolloutUndo } from './kubectl.ts';
import { readLogSignal } from './signals/log-signals.ts';
import { templateChanges } from './signals/template-diff.ts';

const REVISION = 'deployment.kubernetes.io/revision';
/** A rollout older than this is not "what changed" any more. */
const ROLLOUT_WINDOW = 24 * 3600;

function revisionOf(replicaSet: CollectedObject): number {
  return Number(replicaSet.object.metadata?.annotations?.[REVISION] ?? 0);
}

function podsOfReplicaSet(index: BundleIndex, replicaSet: CollectedObject): CollectedObject[] {
  const name = replicaSet.object.metadata?.name;
  const namespace = replicaSet.object.metadata?.namespace;
  return index
    .ofKind('Pod')
    .filter(
      (p) =>
        p.object.metadata?.namespace === namespace &&
        p.object.metadata?.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && o.name === name),
    );
}

/** Pods that ran the new code and die or never become ready: not pods that never started. */
function isFailingRun(index: BundleIndex, pod: CollectedObject): boolean {
  const views = containersOf(pod).filter((v) => !v.init);
  const crashing = views.some(
    (v) => isCrashLooping(v, index.now) || v.status.lastState?.terminated?.reason === 'OOMKilled',
  );
  const ranAndUnready =
    (pod.object as Pod).status?.phase === 'Running' &&
    !isPodReady(pod.object as Pod) &&
    views.some((v) => (v.status.restartCount ?? 0) > 0);
  return crashing || ranAndUnready;
}

function rolloutFinding(
  index: BundleIndex,
  deployment: CollectedObject,
  replicaSets: CollectedObject[],
): Finding | undefined {
  const sorted = [...replicaSets].sort((a, b) => revisionOf(b) - revisionOf(a));
  const [latest, previous] = sorted;
  if (!latest || !previous || !isRecent(latest.object.metadata?.creationTimestamp, index.now, ROLLOUT_WINDOW))
    return undefined;
  const newPods = podsOfReplicaSet(index, latest);
  const failing = newPods.filter((p) => isFailingRun(index, p));
  if (failing.length === 0 || failing.length < newPods.length) return undefined;
  const oldReady = podsOfReplicaSet(index, previous).filter((p) => isPodReady(p.object as Pod));
  const name = deployment.object.metadata?.name ?? '';
  const namespace = deployment.object.metadata?.namespace ?? '';
  const ref = resourceRef('Deployment', name);
  const changes = templateChanges(
    (previous.object as Workload).spec?.template,
    (latest.object as Workload).spec?.template,
  );
  const firstFailing = failing[0] as CollectedObject;
  const view = containersOf(firstFailing).find((v) => !v.init && (v.status.restartCount ?? 0) > 0);
  const log = view ? failureLog(index, view) : undefined;
  const signal = log ? readLogSignal(log.text) : undefined;
  const revision = revisionOf(latest);
  const evidence: FindingEvidence[] = [
    {
      evidenceId: latest.evidenceId,
      excerpt: `ReplicaSet ${latest.object.metadata?.name} (revision ${revision}) created ${ago(latest.object.metadata?.creationTimestamp, index.now)}; ${failing.length} of ${newPods.length} pods failing`,
    },
    {
      evidenceId: previous.evidenceId,
      excerpt: `ReplicaSet ${previous.object.metadata?.name} (revision ${revisionOf(previous)}): ${oldReady.length} ready pods`,
    },
  ];
  if (changes.length)
    evidence.push({ evidenceId: latest.evidenceId, excerpt: `changed: ${changes.join('; ')}` });
  if (log && signal) evidence.push({ evidenceId: log.evidenceId, excerpt: signal.line });
  const podName = firstFailing.object.metadata?.name ?? '';
  return {
    analyzer: 'bad-rollout',
    category: 'bad_rollout',
    statement: `${ref}'s rollout to revision ${revision} (${ago(latest.object.metadata?.creationTimestamp, index.now)}) is bad: its new pods fail while revision ${revisionOf(previous)} ${oldReady.length ? `still runs ${oldReady.length} ready pod${oldReady.length > 1 ? 's' : ''}` : 'ran before'}${changes.length ? `; the change: ${changes.join(', ')}` : ''}${signal ? `; the new pods log "${signal.line}"` : ''}.`,
    confidence: oldReady.length && changes.length ? 'high' : 'medium',
    resource: ref,
    namespace,
    evidence,
    facts: [...changes, ...(signal ? [signal.line] : [])],
    nextSteps: [
      fix(`roll back to revision ${revisionOf(previous)}`, rolloutUndo(namespace, ref)),
      check('Compare the revisions', rolloutHistory(namespace, ref)),
      ...(view ? [check('Read why the new pods die', logs(namespace, podName, view.name, true))] : []),
    ],
    impact: `the rollout of ${ref} to revision ${revision} is stuck with ${failing.length} failing new pod${failing.length > 1 ? 's' : ''}${oldReady.length ? `; ${oldReady.length} pods of revision ${revisionOf(previous)} still serve` : ''}`,
    affects: [ref],
  };
}

/**
 * A Deployment whose newest ReplicaSet's pods all fail while the previous revision was
 * healthy, shortly after the Deployment changed: the rollout is the cause, roll it back.
 */
export const badRollout: Analyzer = {
  name: 'bad-rollout',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return index.ofKind('Deployment').flatMap((deployment) => {
      const name = deployment.object.metadata?.name;
      const namespace = deployment.object.metadata?.namespace;
      const replicaSets = index
        .ofKind('ReplicaSet')
        .filter(
          (rs) =>
            rs.object.metadata?.namespace === namespace &&
            rs.object.metadata?.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === name),
        );
      const finding = replicaSets.length >= 2 ? rolloutFinding(index, deployment, replicaSets) : undefined;
      return finding ? [finding] : [];
    });
  },
};
