import type { Condition, KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import { ago } from './bundle/age.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { resourceRef } from './bundle/workload-ref.ts';
import type { Analyzer, Finding } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';

interface MetricValue {
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}
interface Metric {
  type?: string;
  resource?: { name?: string; target?: MetricValue & { type?: string }; current?: MetricValue };
}
type Hpa = KubeObject & {
  spec?: {
    minReplicas?: number;
    maxReplicas?: number;
    scaleTargetRef?: { kind?: string; name?: string };
    metrics?: Metric[];
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    lastScaleTime?: string;
    currentMetrics?: Metric[];
    conditions?: Condition[];
  };
};

/** A resource metric's current use against its target, when it is above target: `cpu 182% of requests against a 70% target`. */
function overTarget(hpa: Hpa): { text: string; ratio: number } | undefined {
  for (const metric of hpa.spec?.metrics ?? []) {
    const name = metric.resource?.name;
    const target = metric.resource?.target?.averageUtilization;
    const current = hpa.status?.currentMetrics?.find((m) => m.resource?.name === name)?.resource?.current;
    if (name && target && current?.averageUtilization !== undefined && current.averageUtilization > target) {
      const value = current.averageValue ? ` (${current.averageValue} per pod)` : '';
      return {
        text: `${name} utilization is ${current.averageUtilization}% of requests${value} against a ${target}% target`,
        ratio: current.averageUtilization / target,
      };
    }
  }
  return undefined;
}

/** HPAs pinned at maxReplicas while their metric is still above target: they cannot add capacity. */
export const hpaAtMax: Analyzer = {
  name: 'hpa-at-max',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return index.ofKind('HorizontalPodAutoscaler').flatMap((collected) => {
      const hpa = collected.object as Hpa;
      const max = hpa.spec?.maxReplicas;
      const current = hpa.status?.currentReplicas ?? 0;
      const limited = hpa.status?.conditions?.find((c) => c.type === 'ScalingLimited' && c.status === 'True');
      const over = overTarget(hpa);
      if (!max || current < max || !over) return [];
      const name = hpa.metadata?.name ?? '';
      const namespace = hpa.metadata?.namespace ?? '';
      const target = hpa.spec?.scaleTargetRef;
      const targetRef = target?.kind && target.name ? resourceRef(target.kind, target.name) : undefined;
      const wanted = Math.ceil(current * over.ratio);
      const finding: Finding = {
        analyzer: 'hpa-at-max',
        category: 'hpa_at_max',
        statement: `horizontalpodautoscaler/${name} is at its maximum of ${max} replicas${hpa.status?.lastScaleTime ? ` (since ${ago(hpa.status.lastScaleTime, index.now)})` : ''} and cannot scale further: ${over.text}, which would need about ${wanted} replicas.`,
        confidence: 'high',
        resource: `horizontalpodautoscaler/${name}`,
        namespace,
        evidence: [
          {
            evidenceId: collected.evidenceId,
            excerpt: `currentReplicas ${current}, maxReplicas ${max}; ${over.text}`,
          },
          ...(limited
            ? [
                {
                  evidenceId: collected.evidenceId,
                  excerpt: `ScalingLimited: ${limited.reason ?? ''} ${limited.message ?? ''}`.trim(),
                },
              ]
            : []),
        ],
        facts: [`${max} replicas`, over.text],
        nextSteps: [
          check('See the metrics and scaling events', describe(namespace, `hpa/${name}`)),
          ...(targetRef
            ? [check('See which pods use the most', `kubectl -n ${namespace} top pods --sort-by=cpu`)]
            : []),
          fix(
            `raise maxReplicas (if the nodes have room) or find why each pod needs more ${over.text.split(' ')[0]}`,
            `kubectl -n ${namespace} patch hpa ${name} -p '{"spec":{"maxReplicas":${wanted}}}'`,
          ),
        ],
        impact: `${targetRef ?? 'the target'} runs ${current} replicas above its ${over.text.split(' ')[0]} target; requests may be slow or fail`,
        ...(targetRef ? { affects: [targetRef] } : {}),
      };
      return [finding];
    });
  },
};
