import { accessModes } from '../../kube/access-modes.ts';
import type { KubeEvent, KubeNode, KubeObject } from '../../kube/kube-types.ts';
import { nodeAddress, nodeRoles, nodeStatus } from '../../kube/node-facts.ts';
import { age } from '../time-format.ts';
import { type Column, orNone } from './column.ts';

const name: Column = { header: 'NAME', cell: (o) => o.metadata?.name ?? '' };
const ageColumn: Column = { header: 'AGE', cell: (o, now) => age(o.metadata?.creationTimestamp, now) };

type Service = KubeObject & {
  spec?: {
    type?: string;
    clusterIP?: string;
    externalIPs?: string[];
    externalName?: string;
    selector?: Record<string, string>;
    ports?: Array<{ port: number; nodePort?: number; protocol?: string }>;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
};

function externalIp(service: Service): string {
  const spec = service.spec ?? {};
  if (spec.type === 'ExternalName') return spec.externalName ?? '<none>';
  const ingress = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '');
  const all = [...ingress, ...(spec.externalIPs ?? [])].filter(Boolean);
  if (all.length) return all.join(',');
  return spec.type === 'LoadBalancer' ? '<pending>' : '<none>';
}

export const SERVICE_COLUMNS: Column[] = [
  name,
  { header: 'TYPE', cell: (o) => (o as Service).spec?.type ?? 'ClusterIP' },
  { header: 'CLUSTER-IP', cell: (o) => orNone((o as Service).spec?.clusterIP) },
  { header: 'EXTERNAL-IP', cell: (o) => externalIp(o as Service) },
  {
    header: 'PORT(S)',
    cell: (o) =>
      orNone(
        ((o as Service).spec?.ports ?? [])
          .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
          .join(','),
      ),
  },
  ageColumn,
  {
    header: 'SELECTOR',
    wide: true,
    cell: (o) =>
      orNone(
        Object.entries((o as Service).spec?.selector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      ),
  },
];

const info = (o: KubeObject) => (o as KubeNode).status?.nodeInfo ?? {};

export const NODE_COLUMNS: Column[] = [
  name,
  { header: 'STATUS', cell: (o) => nodeStatus(o as KubeNode) },
  { header: 'ROLES', cell: (o) => orNone(nodeRoles(o as KubeNode).join(',')) },
  ageColumn,
  { header: 'VERSION', cell: (o) => info(o).kubeletVersion ?? '' },
  { header: 'INTERNAL-IP', wide: true, cell: (o) => orNone(nodeAddress(o as KubeNode, 'InternalIP')) },
  { header: 'EXTERNAL-IP', wide: true, cell: (o) => orNone(nodeAddress(o as KubeNode, 'ExternalIP')) },
  { header: 'OS-IMAGE', wide: true, cell: (o) => info(o).osImage ?? '' },
  { header: 'KERNEL-VERSION', wide: true, cell: (o) => info(o).kernelVersion ?? '' },
  { header: 'CONTAINER-RUNTIME', wide: true, cell: (o) => info(o).containerRuntimeVersion ?? '' },
];

const event = (o: KubeObject) => o as KubeEvent;

export const EVENT_COLUMNS: Column[] = [
  {
    header: 'LAST SEEN',
    cell: (o, now) => age(event(o).lastTimestamp ?? event(o).eventTime ?? o.metadata?.creationTimestamp, now),
  },
  { header: 'TYPE', cell: (o) => event(o).type ?? '' },
  { header: 'REASON', cell: (o) => event(o).reason ?? '' },
  {
    header: 'OBJECT',
    cell: (o) =>
      `${(event(o).involvedObject?.kind ?? '').toLowerCase()}/${event(o).involvedObject?.name ?? ''}`,
  },
  { header: 'MESSAGE', cell: (o) => (event(o).message ?? '').replace(/\s*\n\s*/g, ' ') },
];

type Claim = KubeObject & {
  spec?: {
    volumeName?: string;
    storageClassName?: string;
    accessModes?: string[];
    volumeMode?: string;
    volumeAttributesClassName?: string;
  };
  status?: { phase?: string; capacity?: Record<string, string>; accessModes?: string[] };
};
const claim = (o: KubeObject) => o as Claim;

export const PVC_COLUMNS: Column[] = [
  name,
  { header: 'STATUS', cell: (o) => claim(o).status?.phase ?? '' },
  { header: 'VOLUME', cell: (o) => claim(o).spec?.volumeName ?? '' },
  { header: 'CAPACITY', cell: (o) => claim(o).status?.capacity?.storage ?? '' },
  { header: 'ACCESS MODES', cell: (o) => accessModes(claim(o).status?.accessModes) },
  { header: 'STORAGECLASS', cell: (o) => claim(o).spec?.storageClassName ?? '' },
  { header: 'VOLUMEATTRIBUTESCLASS', cell: (o) => claim(o).spec?.volumeAttributesClassName ?? '<unset>' },
  ageColumn,
  { header: 'VOLUMEMODE', wide: true, cell: (o) => claim(o).spec?.volumeMode ?? 'Filesystem' },
];

type Hpa = KubeObject & {
  spec?: {
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: Array<{
      type: string;
      resource?: { name: string; target?: { averageUtilization?: number; averageValue?: string } };
    }>;
  };
  status?: {
    currentReplicas?: number;
    currentMetrics?: Array<{
      resource?: { name: string; current?: { averageUtilization?: number; averageValue?: string } };
    }>;
  };
};
const hpa = (o: KubeObject) => o as Hpa;

/** `cpu: 85%/70%, memory: <unknown>/80%`, as kubectl 1.30+ prints HPA targets. */
function targets(o: Hpa): string {
  const parts = (o.spec?.metrics ?? []).map((metric) => {
    if (!metric.resource) return `${metric.type}`;
    const target = metric.resource.target ?? {};
    const current = o.status?.currentMetrics?.find((m) => m.resource?.name === metric.resource?.name)
      ?.resource?.current;
    if (target.averageUtilization !== undefined) {
      const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
      return `${metric.resource.name}: ${now}/${target.averageUtilization}%`;
    }
    return `${metric.resource.name}: ${current?.averageValue ?? '<unknown>'}/${target.averageValue ?? ''}`;
  });
  return orNone(parts.join(', '));
}

export const HPA_COLUMNS: Column[] = [
  name,
  {
    header: 'REFERENCE',
    cell: (o) => `${hpa(o).spec?.scaleTargetRef?.kind ?? ''}/${hpa(o).spec?.scaleTargetRef?.name ?? ''}`,
  },
  { header: 'TARGETS', cell: (o) => targets(hpa(o)) },
  { header: 'MINPODS', cell: (o) => String(hpa(o).spec?.minReplicas ?? 1) },
  { header: 'MAXPODS', cell: (o) => String(hpa(o).spec?.maxReplicas ?? '') },
  { header: 'REPLICAS', cell: (o) => String(hpa(o).status?.currentReplicas ?? 0) },
  ageColumn,
];

export const CONFIGMAP_COLUMNS: Column[] = [
  name,
  {
    header: 'DATA',
    cell: (o) =>
      String(
        Object.keys((o.data as object | undefined) ?? {}).length +
          Object.keys((o.binaryData as object | undefined) ?? {}).length,
      ),
  },
  ageColumn,
];

export const NAMESPACE_COLUMNS: Column[] = [
  name,
  { header: 'STATUS', cell: (o) => (o.status as { phase?: string } | undefined)?.phase ?? '' },
  ageColumn,
];

export const FALLBACK_COLUMNS: Column[] = [name, ageColumn];
