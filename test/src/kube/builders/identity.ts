import { createHash } from 'node:crypto';
import { deterministicSuffix, deterministicUid } from '../deterministic-id.ts';
import type { KubeObject, OwnerReference } from '../types.ts';

/** The uid the fake would give the object anyway, written out so owner references can match it. */
export function uidOf(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  return deterministicUid(`${apiVersion}/${kind}/${namespace ?? ''}/${name}`);
}

/** The controller owner reference that points at `owner`. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid:
      owner.metadata.uid ??
      uidOf(owner.apiVersion, owner.kind, owner.metadata.namespace, owner.metadata.name),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A pod-template-hash like the deployment controller computes (stable per seed). */
export function templateHash(seed: string): string {
  return deterministicSuffix(`template/${seed}`, 10);
}

/** The five-character random suffix of a generated pod or job name (stable per seed). */
export function nameSuffix(seed: string): string {
  return deterministicSuffix(`name/${seed}`, 5);
}

/** Sixteen hex digits, as in event names (`<object>.17f2c3a1b5e4d6c8`). */
export function hex16(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 16);
}

/** A pod IP in the node's /24, as the AWS VPC CNI hands them out. */
export function podIp(nodeIp: string, seed: string): string {
  const prefix = nodeIp.split('.').slice(0, 3).join('.');
  const host = (createHash('sha256').update(seed).digest()[0] ?? 0) % 200;
  return `${prefix}.${host + 40}`;
}

/** A ClusterIP in EKS's default service range 172.20.0.0/16. */
export function clusterIp(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  return `172.20.${(bytes[0] ?? 0) % 250}.${((bytes[1] ?? 0) % 250) + 2}`;
}

/** An image digest reference for an image that was pulled. */
export function imageId(image: string): string {
  const repository = image.replace(/:[^/:]+$/, '');
  const withRegistry =
    repository.includes('.') && repository.split('/')[0]?.includes('.')
      ? repository
      : `docker.io/${repository.includes('/') ? repository : `library/${repository}`}`;
  return `${withRegistry}@sha256:${createHash('sha256').update(image).digest('hex')}`;
}
