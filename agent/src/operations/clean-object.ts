import type { KubeObject } from '../kube/kube-types.ts';
import type { ConfigMapPolicy } from './configmap-policy.ts';

/**
 * What every returned object goes through before redaction: managedFields (bulky, useless for
 * diagnosis) are dropped and ConfigMap values are withheld unless allowed.
 */
export function cleanObject<T extends KubeObject>(object: T, configMaps: ConfigMapPolicy): T {
  let cleaned = object;
  if (object.metadata && 'managedFields' in object.metadata) {
    const { managedFields: _dropped, ...metadata } = object.metadata;
    cleaned = { ...object, metadata };
  }
  return cleaned.kind === 'ConfigMap' ? configMaps.apply(cleaned) : cleaned;
}
