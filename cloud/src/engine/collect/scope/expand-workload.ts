import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from '../collection.ts';
import { controllerOf, isControlledBy, selectorOf } from '../owner-references.ts';

/** ReplicaSets and Jobs whose events are read: the newest few carry the incident. */
const RECENT_OWNED = 3;

export interface WorkloadContents {
  /** ReplicaSets of a Deployment, Jobs of a CronJob: the newest first. */
  owned: KubeObject[];
  pods: Pod[];
}

function newestFirst(objects: KubeObject[]): KubeObject[] {
  const revision = (o: KubeObject) =>
    Number(o.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  const created = (o: KubeObject) => Date.parse(o.metadata?.creationTimestamp ?? '') || 0;
  return [...objects].sort((a, b) => revision(b) - revision(a) || created(b) - created(a));
}

/** A Deployment's pod: owned by a ReplicaSet named after the Deployment and the pod's template hash. */
function ofDeployment(name: string): (pod: KubeObject) => boolean {
  return (pod) => {
    const owner = controllerOf(pod);
    const hash = pod.metadata?.labels?.['pod-template-hash'];
    return owner?.kind === 'ReplicaSet' && owner.name === `${name}-${hash}`;
  };
}

async function deploymentContents(
  c: Collection,
  deployment: KubeObject,
  selector: string,
): Promise<WorkloadContents> {
  const namespace = deployment.metadata?.namespace;
  const name = deployment.metadata?.name ?? '';
  const [replicaSets, pods] = await Promise.all([
    c.list('replicasets', { namespace, labelSelector: selector }, (rs) => isControlledBy(rs, deployment)),
    c.list('pods', { namespace, labelSelector: selector }, ofDeployment(name)),
  ]);
  const owned = newestFirst(replicaSets.filter((rs) => isControlledBy(rs, deployment)));
  return { owned: owned.slice(0, RECENT_OWNED), pods: pods.filter(ofDeployment(name)) as Pod[] };
}

async function cronJobContents(c: Collection, cronJob: KubeObject): Promise<WorkloadContents> {
  const namespace = cronJob.metadata?.namespace;
  const ownedByCronJob = (job: KubeObject) => isControlledBy(job, cronJob);
  const jobs = newestFirst((await c.list('jobs', { namespace }, ownedByCronJob)).filter(ownedByCronJob));
  const recent = jobs.slice(0, RECENT_OWNED);
  if (recent.length === 0) return { owned: [], pods: [] };
  const ofRecentJob = (pod: KubeObject) => recent.some((job) => isControlledBy(pod, job));
  const names = recent.map((job) => job.metadata?.name).join(',');
  const pods = await c.list('pods', { namespace, labelSelector: `job-name in (${names})` }, ofRecentJob);
  return { owned: recent, pods: pods.filter(ofRecentJob) as Pod[] };
}

/**
 * What a workload runs: a Deployment's ReplicaSets and their pods, a CronJob's recent Jobs and
 * theirs, any other workload's own pods (by its selector, kept only when it controls them).
 */
export async function expandWorkload(c: Collection, workload: KubeObject): Promise<WorkloadContents> {
  if (workload.kind === 'Pod') return { owned: [], pods: [workload as Pod] };
  if (workload.kind === 'CronJob') return cronJobContents(c, workload);
  const selector = selectorOf(workload);
  // An empty selector would list the whole namespace: there is nothing to read by it.
  if (!selector) return { owned: [], pods: [] };
  if (workload.kind === 'Deployment') return deploymentContents(c, workload, selector);
  const owns = (pod: KubeObject) => isControlledBy(pod, workload);
  const pods = await c.list(
    'pods',
    { namespace: workload.metadata?.namespace, labelSelector: selector },
    owns,
  );
  return { owned: [], pods: pods.filter(owns) as Pod[] };
}
