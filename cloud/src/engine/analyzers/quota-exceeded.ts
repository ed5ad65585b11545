import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { recentEvents } from './bundle/event-facts.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';

type Quota = KubeObject & { status?: { hard?: Record<string, string>; used?: Record<string, string> } };

const EXCEEDED =
  /exceeded quota: ([\w.-]+), requested: ([^,]+(?:,[^,:]+=[^,]+)*), used: ([^,]+(?:,[^,:]+=[^,]+)*), limited: (.+)$/;

/**
 * Controllers that cannot create pods because a ResourceQuota is used up (FailedCreate
 * "exceeded quota"): the quota is the cause, named with what was requested and what is left.
 */
export const quotaExceeded: Analyzer = {
  name: 'quota-exceeded',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const findings = new Map<string, Finding>();
    for (const kind of ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']) {
      for (const collected of index.ofKind(kind)) {
        const { name = '', namespace } = collected.object.metadata ?? {};
        const event = recentEvents(index, { kind, namespace, name }, ['FailedCreate']).findLast((e) =>
          EXCEEDED.test(e.message),
        );
        if (!event) continue;
        const [, quotaName = '', requested = '', used = '', limited = ''] =
          EXCEEDED.exec(event.message) ?? [];
        const key = `${namespace}/${quotaName}`;
        const workload =
          kind === 'ReplicaSet'
            ? owningWorkload(index, collected.object).ref
            : `${kind.toLowerCase()}/${name}`;
        const existing = findings.get(key);
        if (existing) {
          existing.affects = [...new Set([...(existing.affects ?? []), workload])];
          continue;
        }
        const quota = index.get('ResourceQuota', namespace, quotaName);
        const evidence: FindingEvidence[] = [{ evidenceId: event.evidenceId, excerpt: event.message }];
        if (quota) {
          const status = (quota.object as Quota).status;
          const usage = Object.entries(status?.hard ?? {}).map(
            ([k, v]) => `${k} ${status?.used?.[k] ?? '0'}/${v}`,
          );
          evidence.push({
            evidenceId: quota.evidenceId,
            excerpt: `ResourceQuota ${quotaName} used/hard: ${usage.join(', ')}`,
          });
        }
        const resource = requested.split('=')[0] ?? 'resources';
        findings.set(key, {
          analyzer: 'quota-exceeded',
          category: 'quota_exceeded',
          statement: `resourcequota/${quotaName} is exhausted, so ${workload} cannot create pods: each new pod requests ${requested} while ${used} is already used of ${limited} (${event.count} failed creations).`,
          confidence: 'high',
          resource: `resourcequota/${quotaName}`,
          namespace,
          evidence,
          facts: [quotaName, resource],
          nextSteps: [
            check('See what uses the quota', describe(namespace, `resourcequota/${quotaName}`)),
            check('See the failed pod creations', describe(namespace, `${kind.toLowerCase()}/${name}`)),
            fix(
              `raise ${resource} in ${quotaName}, or lower what the pods of ${workload} ask for`,
              `kubectl -n ${namespace} patch resourcequota ${quotaName} -p '{"spec":{"hard":{"${resource}":"<new limit>"}}}'`,
            ),
          ],
          impact: `${workload} runs fewer pods than it wants`,
          affects: [workload],
        });
      }
    }
    return [...findings.values()];
  },
};
