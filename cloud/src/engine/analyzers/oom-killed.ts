import { formatMebibytes, parseQuantity } from '@opsworker/agent/kube/quantity.ts';
import { ago, isRecent } from './bundle/age.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { type ContainerView, containersOf, isCrashLooping, totalRestarts } from './bundle/pod-containers.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix, logs } from './kubectl.ts';
import { tailLines } from './signals/log-signals.ts';

const MEMORY_LINE = /heap|memory|OutOfMemory|OOM/i;

function oomTermination(view: ContainerView) {
  const last = view.status.state?.terminated ?? view.status.lastState?.terminated;
  return last?.reason === 'OOMKilled' ? last : undefined;
}

/** Doubles a memory limit, in the unit people write: `256Mi` → `512Mi`. */
function doubled(limit: string | undefined): string {
  const bytes = parseQuantity(limit);
  return bytes ? formatMebibytes(bytes * 2) : '512Mi';
}

/** Containers killed by the kernel for exceeding their memory limit (OOMKilled, exit 137). */
export const oomKilled: Analyzer = {
  name: 'oom-killed',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const killed = index
      .ofKind('Pod')
      .flatMap(containersOf)
      .filter((view) => {
        const last = oomTermination(view);
        return last && (isCrashLooping(view, index.now) || isRecent(last.finishedAt, index.now));
      });
    return groupByWorkload(killed, (view) => owningWorkload(index, view.pod)).map(({ workload, items }) => {
      const first = items[0] as ContainerView;
      const last = oomTermination(first);
      const limit = first.spec?.resources?.limits?.memory;
      const request = first.spec?.resources?.requests?.memory;
      const exit = last?.exitCode ?? 137;
      const previous = index.log(first.namespace, first.podName, first.name, true);
      const memoryLine = previous
        ? tailLines(previous.text).findLast((line) => MEMORY_LINE.test(line))
        : undefined;
      const pods = new Set(items.map((v) => v.podName));
      const evidence: FindingEvidence[] = [
        {
          evidenceId: first.evidenceId,
          excerpt: `${first.podName} ${first.name}: last state OOMKilled, exit code ${exit}, finished ${ago(last?.finishedAt, index.now)}; ${first.status.restartCount ?? 0} restarts`,
        },
        {
          evidenceId: first.evidenceId,
          excerpt: `resources: limits.memory ${limit ?? 'none'}, requests.memory ${request ?? 'none'}`,
        },
      ];
      if (previous && memoryLine)
        evidence.push({ evidenceId: previous.evidenceId, excerpt: memoryLine.trim() });
      const limitText = limit ? `its ${limit} memory limit` : 'the memory available to it (no limit is set)';
      const finding: Finding = {
        analyzer: 'oom-killed',
        category: 'oom_killed',
        statement: `${workload.ref} is OOMKilled: container ${first.name} exceeds ${limitText} and is killed with exit code ${exit} (${pods.size} pod${pods.size > 1 ? 's' : ''}, ${totalRestarts(items)} restarts)${memoryLine ? `; the last log line about memory reads "${memoryLine.trim()}"` : ''}.`,
        confidence: 'high',
        resource: workload.ref,
        namespace: first.namespace,
        evidence,
        facts: ['OOMKilled', `exit code ${exit}`, ...(limit ? [`limit ${limit}`] : [])],
        nextSteps: [
          check('See the OOM kill and the restarts', describe(first.namespace, `pod/${first.podName}`)),
          check(
            'Read what it did before it was killed',
            logs(first.namespace, first.podName, first.name, true),
          ),
          fix(
            `raise the memory limit of ${first.name} (or reduce its memory use)`,
            `kubectl -n ${first.namespace} set resources ${workload.ref} -c ${first.name} --limits=memory=${doubled(limit)}`,
          ),
        ],
        impact: workloadImpact(index, workload),
      };
      return finding;
    });
  },
};
