import { indexBundle } from './bundle/bundle-index.ts';
import { type ContainerView, containersOf, failureLog, isCrashLooping } from './bundle/pod-containers.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, logs } from './kubectl.ts';
import { errorLines } from './signals/log-signals.ts';

function failingInit(view: ContainerView, now: number): boolean {
  if (!view.init) return false;
  const terminated = view.status.state?.terminated ?? view.status.lastState?.terminated;
  const failedNow = view.status.state?.terminated && (view.status.state.terminated.exitCode ?? 0) !== 0;
  return (
    isCrashLooping(view, now) ||
    Boolean(failedNow) ||
    (view.status.state?.waiting !== undefined && (terminated?.exitCode ?? 0) !== 0)
  );
}

/** Pods stuck before their app containers start because an init container keeps failing. */
export const initContainer: Analyzer = {
  name: 'init-container',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const failing = index
      .ofKind('Pod')
      .flatMap(containersOf)
      .filter((view) => failingInit(view, index.now));
    return groupByWorkload(failing, (view) => owningWorkload(index, view.pod)).map(({ workload, items }) => {
      const first = items[0] as ContainerView;
      const terminated = first.status.lastState?.terminated ?? first.status.state?.terminated;
      const log = failureLog(index, first);
      const lines = log ? errorLines(log.text) : [];
      const said = lines.length ? ` with ${lines.map((l) => `"${l}"`).join(' and ')}` : '';
      const evidence: FindingEvidence[] = [
        {
          evidenceId: first.evidenceId,
          excerpt: `${first.podName} init container ${first.name}: ${first.status.state?.waiting?.reason ?? 'failed'}, exit code ${terminated?.exitCode ?? 'unknown'}, ${first.status.restartCount ?? 0} restarts`,
        },
        ...(log ? lines.map((line) => ({ evidenceId: log.evidenceId, excerpt: line })) : []),
      ];
      const finding: Finding = {
        analyzer: 'init-container',
        category: 'init_container_failed',
        statement: `${workload.ref} cannot start because its init container ${first.name} fails (exit code ${terminated?.exitCode ?? 'unknown'}, ${first.status.restartCount ?? 0} restarts)${said}.`,
        confidence: lines.length ? 'high' : 'medium',
        resource: workload.ref,
        namespace: first.namespace,
        evidence,
        facts: [first.name, ...lines],
        nextSteps: [
          check(`Read why ${first.name} fails`, logs(first.namespace, first.podName, first.name, true)),
          check('See the init container state', describe(first.namespace, `pod/${first.podName}`)),
        ],
        impact: workloadImpact(index, workload),
      };
      return finding;
    });
  },
};
