import type { ResourceKind } from '@opsworker/shared';
import type { Column } from './column.ts';
import {
  CONFIGMAP_COLUMNS,
  EVENT_COLUMNS,
  FALLBACK_COLUMNS,
  HPA_COLUMNS,
  NAMESPACE_COLUMNS,
  NODE_COLUMNS,
  PVC_COLUMNS,
  SERVICE_COLUMNS,
} from './other-columns.ts';
import {
  CRONJOB_COLUMNS,
  DAEMONSET_COLUMNS,
  DEPLOYMENT_COLUMNS,
  JOB_COLUMNS,
  POD_COLUMNS,
  REPLICASET_COLUMNS,
  STATEFULSET_COLUMNS,
} from './workload-columns.ts';

/** The columns `kubectl get` shows per kind; kinds not listed get NAME and AGE. */
const COLUMNS: Partial<Record<ResourceKind, Column[]>> = {
  pods: POD_COLUMNS,
  deployments: DEPLOYMENT_COLUMNS,
  replicasets: REPLICASET_COLUMNS,
  statefulsets: STATEFULSET_COLUMNS,
  daemonsets: DAEMONSET_COLUMNS,
  jobs: JOB_COLUMNS,
  cronjobs: CRONJOB_COLUMNS,
  services: SERVICE_COLUMNS,
  nodes: NODE_COLUMNS,
  events: EVENT_COLUMNS,
  persistentvolumeclaims: PVC_COLUMNS,
  horizontalpodautoscalers: HPA_COLUMNS,
  configmaps: CONFIGMAP_COLUMNS,
  namespaces: NAMESPACE_COLUMNS,
};

/** The columns for a kind, with the `-o wide` ones only when asked. */
export function columnsFor(kind: ResourceKind, wide: boolean): Column[] {
  return (COLUMNS[kind] ?? FALLBACK_COLUMNS).filter((column) => wide || !column.wide);
}
