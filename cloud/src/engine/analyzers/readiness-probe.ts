import type { NextStep } from '@opsworker/shared';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload, type WorkloadRef } from './bundle/workload-ref.ts';
import type { Analyzer, Finding } from './finding.ts';
import { check, describe, fix, logs, scale } from './kubectl.ts';
import { type Dependency, findDependency } from './signals/dependency-service.ts';
import { type LogSignal, readLogSignal, tailLines } from './signals/log-signals.ts';
import { describeProbe, type ProbeFailure, probeFailures } from './signals/probe-failures.ts';

const CONNECTION = new Set(['refused', 'timeout', 'dns']);

/** What the probed container logs while it is not ready, and the dependency that names, if any is down. */
function dependencyOf(
  index: BundleIndex,
  failure: ProbeFailure,
): { signal?: LogSignal; dependency?: Dependency } {
  const namespace = failure.pod.metadata?.namespace ?? '';
  const name = failure.container?.name ?? '';
  const log = index.log(namespace, failure.pod.metadata?.name ?? '', name, false);
  const signal = log ? readLogSignal(log.text) : undefined;
  if (!signal || !CONNECTION.has(signal.kind)) return signal ? { signal } : {};
  const dependency = findDependency(index, namespace, signal);
  return dependency?.readyEndpoints === 0 ? { signal, dependency } : { signal };
}

function dependencyDown(
  index: BundleIndex,
  workload: WorkloadRef,
  failure: ProbeFailure,
  signal: LogSignal,
  dependency: Dependency,
): Finding {
  const resource = dependency.backing?.ref ?? dependency.serviceRef;
  const why = dependency.down ? ` because ${dependency.down.reason}` : '';
  const steps: NextStep[] = [
    check(
      `See what serves ${dependency.name}`,
      `kubectl -n ${dependency.namespace} get endpoints ${dependency.name}`,
    ),
  ];
  if (dependency.backing)
    steps.push(
      check(
        `See why ${dependency.backing.ref} is down`,
        describe(dependency.namespace, dependency.backing.ref),
      ),
    );
  const crashing = dependency.down?.crashing;
  if (crashing)
    steps.push(
      check(
        `Read why ${crashing.pod} dies`,
        logs(dependency.namespace, crashing.pod, crashing.container, true),
      ),
    );
  const restore = dependency.down?.previousReplicas;
  if (dependency.backing && restore)
    steps.push(
      fix(
        `scale ${dependency.backing.ref} back up`,
        scale(dependency.namespace, dependency.backing.ref, restore),
      ),
    );
  return {
    analyzer: 'readiness-probe',
    category: 'dependency_down',
    statement: `${resource} is down, so ${workload.ref} fails its readiness probe: Service ${dependency.name} has no ready endpoints${why}; ${workload.name} logs "${signal.line}".`,
    confidence: dependency.down?.logLine ? 'high' : 'medium',
    resource,
    namespace: dependency.namespace,
    evidence: [
      ...dependency.evidence,
      { evidenceId: failure.event.evidenceId, excerpt: failure.event.message },
    ],
    facts: [dependency.name, ...(dependency.down?.logLine ? [dependency.down.logLine] : [])],
    nextSteps: steps,
    impact: `${workloadImpact(index, workload)}: it cannot serve without ${dependency.name}`,
    affects: [workload.ref],
  };
}

/**
 * Running pods whose readiness probe fails. When their logs show a dependency that has no
 * ready endpoints, the dependency is reported as the cause (dependency_down) and the probe
 * failure points at it.
 */
export const readinessProbe: Analyzer = {
  name: 'readiness-probe',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const failing = probeFailures(index, 'Readiness').filter((f) => f.pod.status?.phase === 'Running');
    return groupByWorkload(failing, (f) => owningWorkload(index, f.pod)).flatMap(({ workload, items }) => {
      const first = items[0] as ProbeFailure;
      const namespace = first.pod.metadata?.namespace ?? '';
      const podName = first.pod.metadata?.name ?? '';
      const { signal, dependency } = dependencyOf(index, first);
      const probe = describeProbe(first.probe);
      const path = first.probe?.httpGet?.path;
      const log = index.log(namespace, podName, first.container?.name ?? '', false);
      const probeLine = path && log ? tailLines(log.text).findLast((line) => line.includes(path)) : undefined;
      const status = /statuscode: (\d{3})/.exec(first.event.message)?.[1];
      const symptom: Finding = {
        analyzer: 'readiness-probe',
        category: 'readiness_probe_failing',
        statement: `${workload.ref} is not ready because its readiness probe (${probe}) fails: "${first.event.message}" on ${items.length} pod${items.length > 1 ? 's' : ''}${status === '404' ? `; the app has no route at ${path}` : ''}.`,
        confidence: 'high',
        resource: workload.ref,
        namespace,
        evidence: [
          { evidenceId: first.event.evidenceId, excerpt: `${first.event.message} (x${first.event.count})` },
          ...(probeLine && log ? [{ evidenceId: log.evidenceId, excerpt: probeLine.trim() }] : []),
          ...(signal && log && !probeLine ? [{ evidenceId: log.evidenceId, excerpt: signal.line }] : []),
        ],
        facts: [first.event.message, probe],
        nextSteps: [
          check('See the probe failures', describe(namespace, `pod/${podName}`)),
          check(
            'Read what the app logs while it is not ready',
            logs(namespace, podName, first.container?.name, false),
          ),
          ...(status === '404' && path
            ? [
                fix(
                  'point the readiness probe at a path the app serves',
                  `kubectl -n ${namespace} patch ${workload.ref} --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/${first.containerIndex}/readinessProbe/httpGet/path","value":"<path>"}]'`,
                ),
              ]
            : []),
        ],
        impact: workloadImpact(index, workload),
      };
      if (!signal || !dependency) return [symptom];
      const cause = dependencyDown(index, workload, first, signal, dependency);
      return [{ ...symptom, confidence: 'medium' as const, causedBy: cause.resource }, cause];
    });
  },
};
