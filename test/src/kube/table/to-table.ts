import type { KubeObject } from '../types.ts';
import {
  configMapPrinter,
  eventPrinter,
  limitRangePrinter,
  namespacePrinter,
  nodePrinter,
  resourceQuotaPrinter,
} from './cluster-printers.ts';
import { since } from './human-duration.ts';
import {
  endpointSlicePrinter,
  endpointsPrinter,
  ingressPrinter,
  networkPolicyPrinter,
  servicePrinter,
} from './network-printers.ts';
import { podPrinter } from './pod-printer.ts';
import { column, type TablePrinter } from './printer.ts';
import { hpaPrinter, pdbPrinter } from './scaling-printers.ts';
import { claimPrinter, storageClassPrinter, volumePrinter } from './storage-printers.ts';
import {
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './workload-printers.ts';

/** One printer per resource (qualified as `plural.group`), like the API server's registrations. */
const PRINTERS: Record<string, TablePrinter> = {
  pods: podPrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  configmaps: configMapPrinter,
  persistentvolumeclaims: claimPrinter,
  persistentvolumes: volumePrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  events: eventPrinter,
  resourcequotas: resourceQuotaPrinter,
  limitranges: limitRangePrinter,
  'deployments.apps': deploymentPrinter,
  'replicasets.apps': replicaSetPrinter,
  'statefulsets.apps': statefulSetPrinter,
  'daemonsets.apps': daemonSetPrinter,
  'jobs.batch': jobPrinter,
  'cronjobs.batch': cronJobPrinter,
  'ingresses.networking.k8s.io': ingressPrinter,
  'networkpolicies.networking.k8s.io': networkPolicyPrinter,
  'endpointslices.discovery.k8s.io': endpointSlicePrinter,
  'storageclasses.storage.k8s.io': storageClassPrinter,
  'horizontalpodautoscalers.autoscaling': hpaPrinter,
  'poddisruptionbudgets.policy': pdbPrinter,
};

const FALLBACK: TablePrinter = {
  columns: [column('Name'), column('Age')],
  row: (o, now) => [o.metadata.name, since(o.metadata.creationTimestamp, now)],
};

/** What each row carries besides its cells, as the `includeObject` query parameter asks. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  now: Date;
  includeObject: IncludeObject;
  resourceVersion: number;
  /** meta.k8s.io/v1 unless the client only accepts v1beta1. */
  apiVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Renders objects of one resource as the `Table` kubectl asks for with `as=Table`. */
export function toTable(resource: string, objects: readonly KubeObject[], options: TableOptions): object {
  const printer = PRINTERS[resource] ?? FALLBACK;
  return {
    kind: 'Table',
    apiVersion: options.apiVersion,
    metadata: {
      resourceVersion: String(options.resourceVersion),
      ...(options.continueToken ? { continue: options.continueToken } : {}),
      ...(options.remainingItemCount !== undefined ? { remainingItemCount: options.remainingItemCount } : {}),
    },
    columnDefinitions: printer.columns,
    rows: objects.map((object) => ({
      cells: printer.row(object, options.now),
      ...(options.includeObject === 'None' ? {} : { object: rowObject(object, options.includeObject) }),
    })),
  };
}

function rowObject(object: KubeObject, include: IncludeObject): object {
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}
