import type { KubeObject } from '../types.ts';
import { containersAndImages, count, formatLabelSelector, formatLabels } from './format.ts';
import { humanDuration, since } from './human-duration.ts';
import { column, type TablePrinter } from './printer.ts';

interface PodTemplateShape {
  spec?: { containers?: { name: string; image?: string }[]; nodeSelector?: Record<string, string> };
}

interface WorkloadShape {
  metadata: { creationTimestamp?: string; deletionTimestamp?: string };
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: PodTemplateShape;
    completions?: number;
    parallelism?: number;
    schedule?: string;
    timeZone?: string;
    suspend?: boolean;
    jobTemplate?: {
      spec?: { selector?: { matchLabels?: Record<string, string> }; template?: PodTemplateShape };
    };
  };
  status?: Record<string, unknown> & {
    conditions?: { type: string; status: string }[];
    active?: unknown[] | number;
  };
}

const shape = (o: KubeObject) => o as unknown as WorkloadShape;
const num = (o: KubeObject, field: string) => count(shape(o).status?.[field] as number | undefined);
const wide = (o: KubeObject) => containersAndImages(shape(o).spec?.template?.spec?.containers);
const wideColumns = [
  column('Containers', 'string', 1),
  column('Images', 'string', 1),
  column('Selector', 'string', 1),
];

/** `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE. */
export const deploymentPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Ready'),
    column('Up-to-date', 'integer'),
    column('Available', 'integer'),
    column('Age'),
    ...wideColumns,
  ],
  row: (o, now) => [
    o.metadata.name,
    `${num(o, 'readyReplicas')}/${shape(o).spec?.replicas ?? 1}`,
    num(o, 'updatedReplicas'),
    num(o, 'availableReplicas'),
    since(o.metadata.creationTimestamp, now),
    ...wide(o),
    formatLabelSelector(shape(o).spec?.selector),
  ],
};

/** `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE. */
export const replicaSetPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Desired', 'integer'),
    column('Current', 'integer'),
    column('Ready', 'integer'),
    column('Age'),
    ...wideColumns,
  ],
  row: (o, now) => [
    o.metadata.name,
    shape(o).spec?.replicas ?? 1,
    num(o, 'replicas'),
    num(o, 'readyReplicas'),
    since(o.metadata.creationTimestamp, now),
    ...wide(o),
    formatLabelSelector(shape(o).spec?.selector),
  ],
};

/** `kubectl get statefulsets`: NAME READY AGE. */
export const statefulSetPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Ready'),
    column('Age'),
    column('Containers', 'string', 1),
    column('Images', 'string', 1),
  ],
  row: (o, now) => [
    o.metadata.name,
    `${num(o, 'readyReplicas')}/${shape(o).spec?.replicas ?? 1}`,
    since(o.metadata.creationTimestamp, now),
    ...wide(o),
  ],
};

/** `kubectl get daemonsets`: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE. */
export const daemonSetPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Desired', 'integer'),
    column('Current', 'integer'),
    column('Ready', 'integer'),
    column('Up-to-date', 'integer'),
    column('Available', 'integer'),
    column('Node Selector'),
    column('Age'),
    ...wideColumns,
  ],
  row: (o, now) => [
    o.metadata.name,
    num(o, 'desiredNumberScheduled'),
    num(o, 'currentNumberScheduled'),
    num(o, 'numberReady'),
    num(o, 'updatedNumberScheduled'),
    num(o, 'numberAvailable'),
    formatLabels(shape(o).spec?.template?.spec?.nodeSelector),
    since(o.metadata.creationTimestamp, now),
    ...wide(o),
    formatLabelSelector(shape(o).spec?.selector),
  ],
};

/** `kubectl get jobs`: NAME STATUS COMPLETIONS DURATION AGE (the STATUS column of 1.30+). */
export const jobPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Status'),
    column('Completions'),
    column('Duration'),
    column('Age'),
    ...wideColumns,
  ],
  row: (o, now) => {
    const job = shape(o);
    const has = (type: string) => job.status?.conditions?.some((c) => c.type === type && c.status === 'True');
    const status = has('Complete')
      ? 'Complete'
      : has('Failed')
        ? 'Failed'
        : o.metadata.deletionTimestamp
          ? 'Terminating'
          : has('Suspended')
            ? 'Suspended'
            : has('FailureTarget')
              ? 'FailureTarget'
              : has('SuccessCriteriaMet')
                ? 'SuccessCriteriaMet'
                : 'Running';
    const succeeded = num(o, 'succeeded');
    const parallelism = job.spec?.parallelism ?? 0;
    const completions =
      job.spec?.completions !== undefined
        ? `${succeeded}/${job.spec.completions}`
        : parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`;
    const start = job.status?.startTime as string | undefined;
    const end = job.status?.completionTime as string | undefined;
    const duration = !start
      ? ''
      : end
        ? humanDuration(Date.parse(end) - Date.parse(start))
        : since(start, now);
    return [
      o.metadata.name,
      status,
      completions,
      duration,
      since(o.metadata.creationTimestamp, now),
      ...wide(o),
      formatLabelSelector(job.spec?.selector),
    ];
  },
};

/** `kubectl get cronjobs`: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE. */
export const cronJobPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Schedule'),
    column('Timezone'),
    column('Suspend', 'boolean'),
    column('Active', 'integer'),
    column('Last Schedule'),
    column('Age'),
    ...wideColumns,
  ],
  row: (o, now) => {
    const cron = shape(o);
    const active = cron.status?.active;
    const last = cron.status?.lastScheduleTime as string | undefined;
    return [
      o.metadata.name,
      cron.spec?.schedule ?? '',
      cron.spec?.timeZone ?? '<none>',
      cron.spec?.suspend ? 'True' : 'False',
      Array.isArray(active) ? active.length : 0,
      last ? since(last, now) : '<none>',
      since(o.metadata.creationTimestamp, now),
      ...containersAndImages(cron.spec?.jobTemplate?.spec?.template?.spec?.containers),
      formatLabelSelector(cron.spec?.jobTemplate?.spec?.selector),
    ];
  },
};
