import type { AgentOperation } from '@opsworker/shared';
import type { Container, KubeObject, PodTemplate, Workload } from '../kube/kube-types.ts';
import { labelSelectorString } from '../kube/label-selector.ts';
import type { OperationContext, OperationHandler } from './operation-context.ts';

export type RolloutRevision = {
  revision: number;
  /** The ReplicaSet or ControllerRevision holding this revision. */
  name: string;
  images: string[];
  changeCause?: string;
  created?: string;
  /** ReplicaSets only: pods this revision runs now. */
  replicas?: number;
  ready?: number;
  current: boolean;
};

export type RolloutHistory = {
  kind: 'deployments' | 'statefulsets' | 'daemonsets';
  namespace: string;
  name: string;
  revisions: RolloutRevision[];
};

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const imagesOf = (template: PodTemplate | undefined) =>
  [...(template?.spec?.initContainers ?? []), ...(template?.spec?.containers ?? [])]
    .map((container: Container) => container.image ?? '')
    .filter(Boolean);

const ownedBy = (object: KubeObject, uid: string | undefined) =>
  (object.metadata?.ownerReferences ?? []).some((owner) => owner.uid === uid);

function base(object: KubeObject, revision: number, current: boolean) {
  const entry: RolloutRevision = { revision, name: object.metadata?.name ?? '', images: [], current };
  const cause = object.metadata?.annotations?.[CHANGE_CAUSE];
  if (cause) entry.changeCause = cause;
  if (object.metadata?.creationTimestamp) entry.created = object.metadata.creationTimestamp;
  return entry;
}

/** Deployment revisions live on its ReplicaSets' `deployment.kubernetes.io/revision` annotation. */
async function fromReplicaSets(workload: Workload, context: OperationContext): Promise<RolloutRevision[]> {
  const current = workload.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const list = await context.reader.list('replicasets', {
    namespace: workload.metadata?.namespace,
    labelSelector: labelSelectorString(workload.spec?.selector) || undefined,
    signal: context.signal,
  });
  return (list.items as Workload[])
    .filter((rs) => ownedBy(rs, workload.metadata?.uid))
    .map((rs) => {
      const revision = rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '0';
      return {
        ...base(rs, Number(revision), revision === current),
        images: imagesOf(rs.spec?.template),
        replicas: rs.status?.replicas ?? 0,
        ready: rs.status?.readyReplicas ?? 0,
      };
    });
}

/** StatefulSet and DaemonSet revisions are ControllerRevisions holding a patch of the pod template. */
async function fromControllerRevisions(
  workload: Workload,
  context: OperationContext,
): Promise<RolloutRevision[]> {
  const list = await context.reader.list('controllerrevisions', {
    namespace: workload.metadata?.namespace,
    labelSelector: labelSelectorString(workload.spec?.selector) || undefined,
    signal: context.signal,
  });
  const revisions = (
    list.items as Array<KubeObject & { revision?: number; data?: { spec?: { template?: PodTemplate } } }>
  ).filter((revision) => ownedBy(revision, workload.metadata?.uid));
  const newest = Math.max(0, ...revisions.map((r) => r.revision ?? 0));
  const currentName = workload.status?.updateRevision;
  return revisions.map((revision) => ({
    ...base(
      revision,
      revision.revision ?? 0,
      currentName ? revision.metadata?.name === currentName : revision.revision === newest,
    ),
    images: imagesOf(revision.data?.spec?.template),
  }));
}

/** The revisions of a deployment, statefulset or daemonset, oldest first, with images and change causes. */
export const runRolloutHistory: OperationHandler<Extract<AgentOperation, { op: 'rolloutHistory' }>> = async (
  operation,
  context,
) => {
  const workload = (await context.reader.get(operation.kind, operation.name, operation.namespace, {
    signal: context.signal,
  })) as Workload;
  const revisions =
    operation.kind === 'deployments'
      ? await fromReplicaSets(workload, context)
      : await fromControllerRevisions(workload, context);
  const history: RolloutHistory = {
    kind: operation.kind,
    namespace: operation.namespace,
    name: operation.name,
    revisions: revisions.sort((a, b) => a.revision - b.revision),
  };
  return { result: history };
};
