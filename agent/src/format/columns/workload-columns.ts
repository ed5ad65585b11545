import type { Container, KubeObject, Pod, Workload } from '../../kube/kube-types.ts';
import { labelSelectorString } from '../../kube/label-selector.ts';
import { podColumns } from '../pod-status.ts';
import { age, humanDuration } from '../time-format.ts';
import { type Column, orNone } from './column.ts';

const spec = (o: KubeObject) => (o as Workload).spec ?? {};
const status = (o: KubeObject) => (o as Workload).status ?? {};
const n = (value: number | undefined) => String(value ?? 0);
const ageColumn: Column = { header: 'AGE', cell: (o, now) => age(o.metadata?.creationTimestamp, now) };
const containersOf = (o: KubeObject): Container[] => spec(o).template?.spec?.containers ?? [];
const templateWide: Column[] = [
  {
    header: 'CONTAINERS',
    wide: true,
    cell: (o) =>
      orNone(
        containersOf(o)
          .map((c) => c.name)
          .join(','),
      ),
  },
  {
    header: 'IMAGES',
    wide: true,
    cell: (o) =>
      orNone(
        containersOf(o)
          .map((c) => c.image ?? '')
          .join(','),
      ),
  },
];
const selectorWide: Column = {
  header: 'SELECTOR',
  wide: true,
  cell: (o) => orNone(labelSelectorString(spec(o).selector)),
};

export const POD_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'READY', cell: (o, now) => podColumns(o as Pod, now).ready },
  { header: 'STATUS', cell: (o, now) => podColumns(o as Pod, now).status },
  { header: 'RESTARTS', cell: (o, now) => podColumns(o as Pod, now).restarts },
  ageColumn,
  { header: 'IP', wide: true, cell: (o) => orNone((o as Pod).status?.podIP) },
  { header: 'NODE', wide: true, cell: (o) => orNone((o as Pod).spec?.nodeName) },
  { header: 'NOMINATED NODE', wide: true, cell: (o) => orNone((o as Pod).status?.nominatedNodeName) },
  {
    header: 'READINESS GATES',
    wide: true,
    cell: (o) => orNone((o as Pod).spec?.readinessGates?.map((g) => g.conditionType).join(',')),
  },
];

export const DEPLOYMENT_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'READY', cell: (o) => `${status(o).readyReplicas ?? 0}/${spec(o).replicas ?? 1}` },
  { header: 'UP-TO-DATE', cell: (o) => n(status(o).updatedReplicas) },
  { header: 'AVAILABLE', cell: (o) => n(status(o).availableReplicas) },
  ageColumn,
  ...templateWide,
  selectorWide,
];

export const REPLICASET_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'DESIRED', cell: (o) => n(spec(o).replicas) },
  { header: 'CURRENT', cell: (o) => n(status(o).replicas) },
  { header: 'READY', cell: (o) => n(status(o).readyReplicas) },
  ageColumn,
  ...templateWide,
  selectorWide,
];

export const STATEFULSET_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'READY', cell: (o) => `${status(o).readyReplicas ?? 0}/${spec(o).replicas ?? 1}` },
  ageColumn,
  ...templateWide,
];

export const DAEMONSET_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'DESIRED', cell: (o) => n(status(o).desiredNumberScheduled) },
  { header: 'CURRENT', cell: (o) => n(status(o).currentNumberScheduled) },
  { header: 'READY', cell: (o) => n(status(o).numberReady) },
  { header: 'UP-TO-DATE', cell: (o) => n(status(o).updatedNumberScheduled) },
  { header: 'AVAILABLE', cell: (o) => n(status(o).numberAvailable) },
  {
    header: 'NODE SELECTOR',
    cell: (o) =>
      orNone(
        Object.entries(spec(o).template?.spec?.nodeSelector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      ),
  },
  ageColumn,
  ...templateWide,
  selectorWide,
];

type Job = KubeObject & {
  spec?: { completions?: number; parallelism?: number; suspend?: boolean };
  status?: {
    succeeded?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: Array<{ type: string; status: string }>;
  };
};

function jobStatus(job: Job): string {
  const conditions = job.status?.conditions ?? [];
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === 'True');
  if (has('Failed')) return 'Failed';
  if (has('Complete')) return 'Complete';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export const JOB_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'STATUS', cell: (o) => jobStatus(o as Job) },
  {
    header: 'COMPLETIONS',
    cell: (o) => `${(o as Job).status?.succeeded ?? 0}/${(o as Job).spec?.completions ?? 1}`,
  },
  {
    header: 'DURATION',
    cell: (o, now) => {
      const { startTime, completionTime } = (o as Job).status ?? {};
      if (!startTime) return '';
      return humanDuration((completionTime ? Date.parse(completionTime) : now) - Date.parse(startTime));
    },
  },
  ageColumn,
];

type CronJob = KubeObject & {
  spec?: { schedule?: string; timeZone?: string; suspend?: boolean };
  status?: { active?: unknown[]; lastScheduleTime?: string };
};

export const CRONJOB_COLUMNS: Column[] = [
  { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
  { header: 'SCHEDULE', cell: (o) => (o as CronJob).spec?.schedule ?? '' },
  { header: 'TIMEZONE', cell: (o) => orNone((o as CronJob).spec?.timeZone) },
  { header: 'SUSPEND', cell: (o) => ((o as CronJob).spec?.suspend ? 'True' : 'False') },
  { header: 'ACTIVE', cell: (o) => String((o as CronJob).status?.active?.length ?? 0) },
  {
    header: 'LAST SCHEDULE',
    cell: (o, now) => {
      const last = (o as CronJob).status?.lastScheduleTime;
      return last ? age(last, now) : '<none>';
    },
  },
  ageColumn,
];
