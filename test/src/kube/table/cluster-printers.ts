import type { KubeObject } from '../types.ts';
import { since } from './human-duration.ts';
import { column, type TablePrinter } from './printer.ts';

interface NodeShape {
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: { type: string; status: string }[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: {
      kubeletVersion?: string;
      osImage?: string;
      kernelVersion?: string;
      containerRuntimeVersion?: string;
    };
  };
}

interface EventShape {
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
}

const age = (o: KubeObject, now: Date) => since(o.metadata.creationTimestamp, now);

/** `kubectl get nodes`: NAME STATUS ROLES AGE VERSION (Ready, NotReady, ...,SchedulingDisabled). */
export const nodePrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Status'),
    column('Roles'),
    column('Age'),
    column('Version'),
    column('Internal-IP', 'string', 1),
    column('External-IP', 'string', 1),
    column('OS-Image', 'string', 1),
    column('Kernel-Version', 'string', 1),
    column('Container-Runtime', 'string', 1),
  ],
  row: (o, now) => {
    const node = o as unknown as NodeShape;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
    if (node.spec?.unschedulable) status.push('SchedulingDisabled');
    const roles = new Set<string>();
    for (const [key, value] of Object.entries(o.metadata.labels ?? {})) {
      if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
      if (key === 'kubernetes.io/role' && value) roles.add(value);
    }
    const address = (type: string) =>
      node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const info = node.status?.nodeInfo ?? {};
    return [
      o.metadata.name,
      status.join(','),
      roles.size ? [...roles].sort().join(',') : '<none>',
      age(o, now),
      info.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info.osImage ?? '<unknown>',
      info.kernelVersion ?? '<unknown>',
      info.containerRuntimeVersion ?? '<unknown>',
    ];
  },
};

/** `kubectl get namespaces`: NAME STATUS AGE. */
export const namespacePrinter: TablePrinter = {
  columns: [column('Name'), column('Status'), column('Age')],
  row: (o, now) => [
    o.metadata.name,
    (o.status as { phase?: string } | undefined)?.phase ?? 'Active',
    age(o, now),
  ],
};

/** `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE (no NAME column, as on a real server). */
export const eventPrinter: TablePrinter = {
  columns: [
    column('Last Seen'),
    column('Type'),
    column('Reason'),
    column('Object'),
    column('Subobject', 'string', 1),
    column('Source', 'string', 1),
    column('Message'),
    column('First Seen', 'string', 1),
    column('Count', 'integer', 1),
    column('Name', 'string', 1),
  ],
  row: (o, now) => {
    const e = o as unknown as EventShape;
    const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
    let last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
    let times = e.count || 1;
    if (e.series) {
      last = since(e.series.lastObservedTime, now);
      times = e.series.count ?? times;
    }
    const subject = e.involvedObject ?? {};
    const target = subject.name
      ? `${(subject.kind ?? '').toLowerCase()}/${subject.name}`
      : (subject.kind ?? '').toLowerCase();
    const source = e.source?.component
      ? [e.source.component, e.source.host].filter(Boolean).join(', ')
      : [e.reportingComponent, e.reportingInstance].filter(Boolean).join(', ');
    return [
      last,
      e.type ?? '',
      e.reason ?? '',
      target,
      subject.fieldPath ?? '',
      source,
      (e.message ?? '').trim(),
      first,
      times,
      o.metadata.name,
    ];
  },
};

/** `kubectl get configmaps`: NAME DATA AGE. */
export const configMapPrinter: TablePrinter = {
  columns: [column('Name'), column('Data', 'integer'), column('Age')],
  row: (o, now) => [
    o.metadata.name,
    Object.keys((o.data as object | undefined) ?? {}).length +
      Object.keys((o.binaryData as object | undefined) ?? {}).length,
    age(o, now),
  ],
};

/** `kubectl get resourcequotas`: NAME AGE REQUEST LIMIT, as "resource: used/hard" lists. */
export const resourceQuotaPrinter: TablePrinter = {
  columns: [column('Name'), column('Age'), column('Request'), column('Limit')],
  row: (o, now) => {
    const status = (o.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(status.hard ?? {}).sort()) {
      const cell = `${resource}: ${status.used?.[resource] ?? '0'}/${status.hard?.[resource] ?? ''}`;
      (resource.startsWith('limits.') ? limits : requests).push(cell);
    }
    return [o.metadata.name, age(o, now), requests.join(', '), limits.join(', ')];
  },
};

/** `kubectl get limitranges`: NAME CREATED AT. */
export const limitRangePrinter: TablePrinter = {
  columns: [column('Name'), column('Created At', 'date')],
  row: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
};
