import type { ResourceKind } from '@opsworker/shared';
import { describeConfigMap } from './describe-configmap.ts';
import type { Describer } from './describe-context.ts';
import { describeDeployment } from './describe-deployment.ts';
import { describeGeneric } from './describe-generic.ts';
import { describeHorizontalPodAutoscaler } from './describe-hpa.ts';
import { describeJob } from './describe-job.ts';
import { describeNode } from './describe-node.ts';
import { describePod } from './describe-pod.ts';
import { describePersistentVolumeClaim } from './describe-pvc.ts';
import { describeService } from './describe-service.ts';

/** The describers by kind; kinds not listed get the generic rendering. */
const DESCRIBERS: Partial<Record<ResourceKind, Describer>> = {
  pods: describePod,
  deployments: describeDeployment,
  nodes: describeNode,
  services: describeService,
  persistentvolumeclaims: describePersistentVolumeClaim,
  jobs: describeJob,
  horizontalpodautoscalers: describeHorizontalPodAutoscaler,
  configmaps: describeConfigMap,
};

/** The describer for a kind. */
export function describerFor(kind: ResourceKind): Describer {
  return DESCRIBERS[kind] ?? describeGeneric;
}
