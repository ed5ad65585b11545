import { indexBundle } from './bundle/bundle-index.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';
import {
  declaredPorts,
  describeProbe,
  type ProbeFailure,
  probeFailures,
  probesUndeclaredPort,
} from './signals/probe-failures.ts';

function restartsOf(failure: ProbeFailure): number {
  return (
    failure.pod.status?.containerStatuses?.find((s) => s.name === failure.container?.name)?.restartCount ?? 0
  );
}

/** Containers the kubelet keeps restarting because their liveness probe fails (often a wrong port or path). */
export const livenessProbe: Analyzer = {
  name: 'liveness-probe',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return groupByWorkload(probeFailures(index, 'Liveness'), (f) => owningWorkload(index, f.pod)).map(
      ({ workload, items }) => {
        const first = items[0] as ProbeFailure;
        const namespace = first.pod.metadata?.namespace ?? '';
        const podName = first.pod.metadata?.name ?? '';
        const restarts = items.reduce((sum, f) => sum + restartsOf(f), 0);
        const wrongPort = probesUndeclaredPort(first.container, first.probe);
        const ports = declaredPorts(first.container);
        const portNote = wrongPort
          ? `; the container only declares port ${ports.join(', ')}, so the probe targets the wrong port`
          : '';
        const declared = first.container?.ports?.[0]?.containerPort;
        const finding: Finding = {
          analyzer: 'liveness-probe',
          category: 'liveness_probe_failing',
          statement: `${workload.ref} is restarted by its liveness probe (${describeProbe(first.probe)}): "${first.event.message}"${portNote} (${items.length} pod${items.length > 1 ? 's' : ''}, ${restarts} restarts).`,
          confidence: 'high',
          resource: workload.ref,
          namespace,
          evidence: [
            { evidenceId: first.event.evidenceId, excerpt: `${first.event.message} (x${first.event.count})` },
            {
              evidenceId: first.podEvidence,
              excerpt: `livenessProbe: ${describeProbe(first.probe)}; container ports: ${ports.join(', ') || 'none declared'}`,
            },
          ],
          facts: [first.event.message, describeProbe(first.probe)],
          nextSteps: [
            check('See the probe failures and restarts', describe(namespace, `pod/${podName}`)),
            ...(wrongPort && declared && first.probe?.httpGet
              ? [
                  fix(
                    `probe the port the container listens on (${declared})`,
                    `kubectl -n ${namespace} patch ${workload.ref} --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/${first.containerIndex}/livenessProbe/httpGet/port","value":${declared}}]'`,
                  ),
                ]
              : []),
          ],
          impact: workloadImpact(index, workload),
        };
        return finding;
      },
    );
  },
};
