import type { NextStep } from '@opsworker/shared';
import { type BundleIndex, indexBundle } from './bundle/bundle-index.ts';
import { recentEvents } from './bundle/event-facts.ts';
import {
  type ContainerView,
  containersOf,
  failureLog,
  isCrashLooping,
  totalRestarts,
} from './bundle/pod-containers.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix, getYaml, logs, scale } from './kubectl.ts';
import { classifyCrash } from './signals/crash-cause.ts';
import { findDependency } from './signals/dependency-service.ts';
import { readLogSignal } from './signals/log-signals.ts';

const LIVENESS = /liveness probe/i;

/** Containers restarted by their liveness probe crash-loop too, but the probe analyzer explains them. */
function killedByLiveness(view: ContainerView, index: BundleIndex): boolean {
  const subject = { kind: 'Pod', namespace: view.namespace, name: view.podName };
  return recentEvents(index, subject, ['Unhealthy', 'Killing']).some((e) => LIVENESS.test(e.message));
}

function isOomKill(view: ContainerView): boolean {
  return view.status.lastState?.terminated?.reason === 'OOMKilled';
}

/**
 * Crash-looping app containers, classified by the last lines of their previous log and their
 * exit code: configuration, a crash in the code, a permission error, or a dependency that
 * refuses or times out (naming the dependency and why it is down when the bundle shows it).
 */
export const crashLoop: Analyzer = {
  name: 'crash-loop',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const crashing = index
      .ofKind('Pod')
      .flatMap(containersOf)
      .filter(
        (view) =>
          !view.init && isCrashLooping(view, index.now) && !isOomKill(view) && !killedByLiveness(view, index),
      );
    return groupByWorkload(crashing, (view) => owningWorkload(index, view.pod)).map(({ workload, items }) => {
      const first = items[0] as ContainerView;
      const log = failureLog(index, first);
      const signal = log ? readLogSignal(log.text) : undefined;
      const exitCode =
        first.status.lastState?.terminated?.exitCode ?? first.status.state?.terminated?.exitCode;
      const dependency =
        signal && (signal.kind === 'refused' || signal.kind === 'timeout')
          ? findDependency(index, first.namespace, signal)
          : undefined;
      const cause = classifyCrash({
        workload: workload.ref,
        container: first.name,
        exitCode,
        signal,
        dependency,
      });
      const pods = new Set(items.map((v) => v.podName));
      const evidence: FindingEvidence[] = [
        {
          evidenceId: first.evidenceId,
          excerpt: `${first.podName} ${first.name}: ${first.status.state?.waiting?.reason ?? 'restarting'}, exit code ${exitCode ?? 'unknown'}, ${first.status.restartCount ?? 0} restarts`,
        },
      ];
      if (log && signal) evidence.push({ evidenceId: log.evidenceId, excerpt: signal.line });
      evidence.push(...(dependency?.evidence ?? []));
      const nextSteps: NextStep[] = [
        check('Read why the last run died', logs(first.namespace, first.podName, first.name, true)),
        check('See the restarts and exit codes', describe(first.namespace, `pod/${first.podName}`)),
      ];
      if (dependency) {
        nextSteps.push(
          check(
            `See what serves ${dependency.name}`,
            `kubectl -n ${dependency.namespace} get endpoints ${dependency.name}`,
          ),
        );
        const restore = dependency.down?.previousReplicas;
        if (dependency.backing && restore) {
          nextSteps.push(
            fix(
              `scale ${dependency.backing.ref} back up`,
              scale(dependency.namespace, dependency.backing.ref, restore),
            ),
          );
        }
      }
      if (cause.category === 'crash_loop_config' && signal?.subject) {
        nextSteps.push(
          fix(
            `set ${signal.subject} correctly`,
            `kubectl -n ${first.namespace} set env ${workload.ref} -c ${first.name} ${signal.subject}=<value>`,
          ),
        );
      }
      if (cause.category === 'crash_loop_permission') {
        nextSteps.push(check('See the security context and volumes', getYaml(first.namespace, workload.ref)));
        nextSteps.push(
          fix(
            `give ${first.name} a writable ${signal?.subject ?? 'path'} (a volume, or runAsUser/fsGroup that may write there)`,
            `kubectl -n ${first.namespace} edit ${workload.ref}`,
          ),
        );
      }
      const finding: Finding = {
        analyzer: 'crash-loop',
        category: cause.category,
        statement: `${cause.statement} (${pods.size} pod${pods.size > 1 ? 's' : ''}, ${totalRestarts(items)} restarts).`,
        confidence: cause.confidence,
        resource: dependency?.down ? (dependency.backing?.ref ?? dependency.serviceRef) : workload.ref,
        namespace: first.namespace,
        evidence,
        facts: cause.facts,
        nextSteps,
        impact: workloadImpact(index, workload),
        ...(dependency?.down ? { affects: [workload.ref] } : {}),
      };
      return finding;
    });
  },
};
