/** `checkout-7d9f8b6c5d-x2x9k`: a Deployment's pod (ReplicaSet hash, then pod suffix). */
const DEPLOYMENT_POD = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/;
/** `db-2`: a StatefulSet's pod. */
const STATEFULSET_POD = /^(.+)-\d{1,4}$/;

/**
 * The workload a pod's name says it belongs to, by Kubernetes' naming conventions. A guess, used
 * where the pod itself cannot be read (alert grouping, a pod replaced since the alert fired).
 */
export function ownerFromPodName(
  name: string,
): { kind: 'deployments' | 'statefulsets'; name: string } | undefined {
  const deployment = DEPLOYMENT_POD.exec(name)?.[1];
  if (deployment) return { kind: 'deployments', name: deployment };
  const statefulSet = STATEFULSET_POD.exec(name)?.[1];
  return statefulSet ? { kind: 'statefulsets', name: statefulSet } : undefined;
}
