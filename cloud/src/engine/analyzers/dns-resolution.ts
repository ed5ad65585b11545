import { indexBundle } from './bundle/bundle-index.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, fix, logs } from './kubectl.ts';
import { type FailingLog, failingLogs } from './signals/failing-logs.ts';

/** A name that does not exist (NXDOMAIN) is a wrong name; SERVFAIL or a timeout points at DNS itself. */
const NAME_MISSING =
  /no such host|NXDOMAIN|ENOTFOUND|could not resolve host|name or service not known|name does not resolve/i;

function envNaming(failure: FailingLog, host: string): string | undefined {
  return failure.view.spec?.env?.find((e) => e.value?.includes(host))?.name;
}

/** A failed lookup the collector made for the Service a cluster DNS name points at. */
function missingService(
  bundle: Parameters<Analyzer['analyze']>[0],
  host: string,
): { id: string; text: string } | undefined {
  const [name, namespace] = host.split('.');
  const record = bundle.evidence.find(
    (r) =>
      !r.ok &&
      r.operation.op === 'get' &&
      r.operation.kind === 'services' &&
      r.operation.name === name &&
      r.operation.namespace === namespace,
  );
  return record
    ? {
        id: record.id,
        text: `Service ${name} does not exist in namespace ${namespace} (${record.error ?? 'not found'})`,
      }
    : undefined;
}

/** Workloads failing because a host name does not resolve (no such host, SERVFAIL, timeouts to :53). */
export const dnsResolution: Analyzer = {
  name: 'dns-resolution',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const failing = failingLogs(index).filter((f) => f.signal.kind === 'dns');
    return groupByWorkload(failing, (f) => owningWorkload(index, f.view.pod)).map(({ workload, items }) => {
      const first = items[0] as FailingLog;
      const host = first.signal.subject ?? first.signal.hosts[0] ?? 'a host';
      const env = envNaming(first, host);
      const wrongName = NAME_MISSING.test(first.signal.line);
      const absent = missingService(bundle, host);
      const evidence: FindingEvidence[] = [{ evidenceId: first.log.evidenceId, excerpt: first.signal.line }];
      if (env)
        evidence.push({
          evidenceId: first.view.evidenceId,
          excerpt: `env ${env} of ${first.view.name} names ${host}`,
        });
      if (absent) evidence.push({ evidenceId: absent.id, excerpt: absent.text });
      const finding: Finding = {
        analyzer: 'dns-resolution',
        category: 'dns_resolution',
        statement: `${workload.ref} fails because ${host} does not resolve: "${first.signal.line}"${env ? `; the name comes from env ${env}` : ''}${absent ? `; ${absent.text}` : wrongName ? '; the name does not exist, check it for a typo' : '; the cluster DNS did not answer'}.`,
        confidence: wrongName ? 'high' : 'medium',
        resource: workload.ref,
        namespace: first.view.namespace,
        evidence,
        facts: [host, first.signal.line],
        nextSteps: [
          check(
            'Read the failed lookups',
            logs(first.view.namespace, first.view.podName, first.view.name, true),
          ),
          check('Check that the cluster DNS is up', 'kubectl -n kube-system get endpoints kube-dns'),
          ...(host.includes('.svc')
            ? [
                check(
                  `List the services of ${host.split('.')[1]}`,
                  `kubectl -n ${host.split('.')[1]} get services`,
                ),
              ]
            : []),
          ...(env
            ? [
                fix(
                  `set ${env} to the right host name`,
                  `kubectl -n ${first.view.namespace} set env ${workload.ref} -c ${first.view.name} ${env}=<correct URL>`,
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
