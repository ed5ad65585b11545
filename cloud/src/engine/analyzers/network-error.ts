import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../evidence/evidence-bundle.ts';
import { ago } from './bundle/age.ts';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix, logs } from './kubectl.ts';
import { type FailingLog, failingLogs } from './signals/failing-logs.ts';
import { egressAllows } from './signals/network-policy.ts';

type Policy = KubeObject & {
  spec?: {
    podSelector?: { matchLabels?: Record<string, string> };
    policyTypes?: string[];
    egress?: unknown[];
  };
};

/** A connection to an address no Service in the bundle answers for: an egress destination. */
function externalAddress(index: BundleIndex, failure: FailingLog): { ip: string; port: number } | undefined {
  const serviceIps = new Set(
    index.ofKind('Service').map((s) => (s.object as { spec?: { clusterIP?: string } }).spec?.clusterIP),
  );
  for (const address of failure.signal.addresses) {
    const [ip = '', port = '0'] = address.split(':');
    if (!serviceIps.has(ip) && port !== '53') return { ip, port: Number(port) };
  }
  return undefined;
}

/** The Egress NetworkPolicy selecting the pod that lets nothing through to the destination. */
function blockingPolicy(
  index: BundleIndex,
  failure: FailingLog,
  destination: { ip: string; port: number },
): CollectedObject | undefined {
  const labels = failure.view.pod.metadata?.labels ?? {};
  return index.ofKind('NetworkPolicy').find((collected) => {
    const policy = collected.object as Policy;
    if (policy.metadata?.namespace !== failure.view.namespace) return false;
    if (!(policy.spec?.policyTypes ?? []).includes('Egress')) return false;
    const selector = policy.spec?.podSelector?.matchLabels ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
    return !egressAllows(policy.spec?.egress ?? [], destination);
  });
}

/** Connections that time out or are refused to an address outside the cluster, and the NetworkPolicy that blocks them. */
export const networkError: Analyzer = {
  name: 'network-error',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const failing = failingLogs(index).filter(
      (f) => (f.signal.kind === 'timeout' || f.signal.kind === 'refused') && externalAddress(index, f),
    );
    return groupByWorkload(failing, (f) => owningWorkload(index, f.view.pod)).map(({ workload, items }) => {
      const first = items[0] as FailingLog;
      const destination = externalAddress(index, first) as { ip: string; port: number };
      const policy = blockingPolicy(index, first, destination);
      const policyName = policy?.object.metadata?.name;
      const namespace = first.view.namespace;
      const evidence: FindingEvidence[] = [{ evidenceId: first.log.evidenceId, excerpt: first.signal.line }];
      if (policy) {
        evidence.push({
          evidenceId: policy.evidenceId,
          excerpt: `NetworkPolicy ${policyName} (created ${ago(policy.object.metadata?.creationTimestamp, index.now)}) selects the pod, policyTypes Egress, and allows nothing to ${destination.ip}:${destination.port}`,
        });
      }
      const blocked = policy
        ? `; networkpolicy/${policyName}, created ${ago(policy.object.metadata?.creationTimestamp, index.now)}, allows no egress to ${destination.ip}:${destination.port}`
        : '; no NetworkPolicy in the namespace blocks it, so look at the destination and the route';
      const finding: Finding = {
        analyzer: 'network-error',
        category: 'network_error',
        statement: `${workload.ref} cannot reach ${destination.ip}:${destination.port}: "${first.signal.line}"${blocked}.`,
        confidence: policy ? 'high' : 'medium',
        resource: policy ? `networkpolicy/${policyName}` : workload.ref,
        namespace,
        evidence,
        facts: [first.signal.line, ...(policyName ? [policyName] : [])],
        nextSteps: [
          check('Read the failed connections', logs(namespace, first.view.podName, first.view.name, false)),
          ...(policy
            ? [
                check('See what the policy allows', describe(namespace, `networkpolicy/${policyName}`)),
                fix(
                  `allow egress to ${destination.ip}:${destination.port} in ${policyName} (or a new policy for these pods)`,
                  `kubectl -n ${namespace} edit networkpolicy ${policyName}`,
                ),
              ]
            : []),
        ],
        impact: workloadImpact(index, workload),
        affects: [workload.ref],
      };
      return finding;
    });
  },
};
