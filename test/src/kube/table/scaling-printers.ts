import type { KubeObject } from '../types.ts';
import { count, firstOf } from './format.ts';
import { since } from './human-duration.ts';
import { column, type TablePrinter } from './printer.ts';

interface MetricTarget {
  type?: string;
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

interface MetricSpec {
  type: string;
  resource?: { name: string; target?: MetricTarget; current?: MetricTarget };
  pods?: { metric?: { name?: string }; target?: MetricTarget; current?: MetricTarget };
  object?: { metric?: { name?: string }; target?: MetricTarget; current?: MetricTarget };
  external?: { metric?: { name?: string }; target?: MetricTarget; current?: MetricTarget };
}

interface HpaShape {
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: MetricSpec[];
  };
  status?: { currentReplicas?: number; currentMetrics?: MetricSpec[] };
}

function quantity(target: MetricTarget | undefined): string | undefined {
  if (!target) return undefined;
  if (target.averageUtilization !== undefined) return `${target.averageUtilization}%`;
  return target.averageValue ?? target.value;
}

function metricCell(spec: MetricSpec, current: MetricSpec | undefined): string {
  const source = spec.resource ?? spec.pods ?? spec.object ?? spec.external;
  const currentSource = current?.resource ?? current?.pods ?? current?.object ?? current?.external;
  const metric = spec.pods ?? spec.object ?? spec.external;
  const name = spec.resource?.name ?? metric?.metric?.name ?? spec.type.toLowerCase();
  return `${name}: ${quantity(currentSource?.current) ?? '<unknown>'}/${quantity(source?.target) ?? '<unknown>'}`;
}

/** `kubectl get hpa`: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE ("cpu: 180%/70%"). */
export const hpaPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Reference'),
    column('Targets'),
    column('MinPods'),
    column('MaxPods', 'integer'),
    column('Replicas', 'integer'),
    column('Age'),
  ],
  row: (o, now) => {
    const hpa = o as unknown as HpaShape;
    const specs = hpa.spec?.metrics ?? [];
    const cells = specs.map((spec, i) => metricCell(spec, hpa.status?.currentMetrics?.[i]));
    const ref = hpa.spec?.scaleTargetRef;
    return [
      o.metadata.name,
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      cells.length ? firstOf(cells, 2, ', ') : '<none>',
      hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
      count(hpa.spec?.maxReplicas),
      count(hpa.status?.currentReplicas),
      since(o.metadata.creationTimestamp, now),
    ];
  },
};

/** `kubectl get pdb`: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const pdbPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Min Available'),
    column('Max Unavailable'),
    column('Allowed Disruptions', 'integer'),
    column('Age'),
  ],
  row: (o: KubeObject, now) => {
    const spec = (o.spec ?? {}) as { minAvailable?: number | string; maxUnavailable?: number | string };
    const status = (o.status ?? {}) as { disruptionsAllowed?: number };
    return [
      o.metadata.name,
      spec.minAvailable !== undefined ? String(spec.minAvailable) : 'N/A',
      spec.maxUnavailable !== undefined ? String(spec.maxUnavailable) : 'N/A',
      count(status.disruptionsAllowed),
      since(o.metadata.creationTimestamp, now),
    ];
  },
};
