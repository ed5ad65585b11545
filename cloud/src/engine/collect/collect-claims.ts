import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from './collection.ts';

type Claim = KubeObject & { spec?: { volumeName?: string } };

/**
 * PersistentVolumeClaims with what decides whether they bind: their events, the cluster's
 * storage classes (a class that does not exist is the cause as often as not) and the bound
 * volume. Returns the claims that exist.
 */
export async function collectClaims(
  c: Collection,
  namespace: string,
  names: readonly string[],
): Promise<KubeObject[]> {
  if (names.length === 0) return [];
  const [claims] = await Promise.all([
    Promise.all(names.map((name) => c.get('persistentvolumeclaims', namespace, name))),
    c.list('storageclasses', { maxPages: 1 }),
  ]);
  const found = claims.filter((claim): claim is Claim => claim !== undefined);
  await Promise.all(
    found.flatMap((claim) => {
      const volume = claim.spec?.volumeName;
      return [c.events(claim), ...(volume ? [c.get('persistentvolumes', undefined, volume)] : [])];
    }),
  );
  return found;
}
