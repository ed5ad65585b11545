import { rfc1123z } from '../format/time-format.ts';
import type { Condition, KubeObject } from '../kube/kube-types.ts';
import { type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';

type Target = { type?: string; averageUtilization?: number; averageValue?: string; value?: string };
type MetricSpec = { type: string; resource?: { name: string; target?: Target } };
type MetricStatus = {
  type: string;
  resource?: { name: string; current?: { averageUtilization?: number; averageValue?: string } };
};
type Hpa = KubeObject & {
  spec?: {
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: MetricSpec[];
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: MetricStatus[];
    conditions?: Condition[];
  };
};

/** `resource cpu on pods (as a percentage of request): 85% (170m) / 70%`. */
function metricLine(spec: MetricSpec, status: MetricStatus | undefined): [string, string] {
  if (spec.type !== 'Resource' || !spec.resource) return [`${spec.type}:`, '<unsupported metric type>'];
  const target = spec.resource.target ?? {};
  const current = status?.resource?.current;
  if (target.averageUtilization !== undefined) {
    const now =
      current?.averageUtilization !== undefined
        ? `${current.averageUtilization}% (${current.averageValue ?? '?'})`
        : '<unknown>';
    return [
      `resource ${spec.resource.name} on pods  (as a percentage of request):`,
      `${now} / ${target.averageUtilization}%`,
    ];
  }
  return [
    `resource ${spec.resource.name} on pods:`,
    `${current?.averageValue ?? '<unknown>'} / ${target.averageValue ?? target.value ?? '?'}`,
  ];
}

/** `kubectl describe hpa`: target, metrics current / target, replica bounds, conditions (why it cannot scale), events. */
export const describeHorizontalPodAutoscaler: Describer = (object, related, now) => {
  const hpa = object as Hpa;
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const w = createDescribeWriter();
  writeMetadata(w, hpa);
  w.row(0, 'CreationTimestamp:', rfc1123z(hpa.metadata?.creationTimestamp));
  const ref = spec.scaleTargetRef;
  w.row(0, 'Reference:', ref ? `${ref.kind}/${ref.name}` : '<none>');
  w.row(0, 'Metrics:', '( current / target )');
  for (const metric of spec.metrics ?? []) {
    const current = status.currentMetrics?.find((m) => m.resource?.name === metric.resource?.name);
    const [label, value] = metricLine(metric, current);
    w.row(1, label, value);
  }
  w.row(0, 'Min replicas:', spec.minReplicas ?? 1);
  w.row(0, 'Max replicas:', spec.maxReplicas ?? '');
  w.row(
    0,
    `${ref?.kind ?? 'Target'} pods:`,
    `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired`,
  );
  if (status.conditions?.length) {
    w.row(0, 'Conditions:');
    w.row(1, 'Type', 'Status', 'Reason', 'Message');
    w.row(1, '----', '------', '------', '-------');
    for (const c of status.conditions) w.row(1, c.type, c.status, c.reason ?? '', c.message ?? '');
  }
  writeEvents(w, related.events, now);
  return w.render();
};
