import { isSpecificScope, type NormalizedAlert, scopeKey } from '@opsworker/shared';

/**
 * What a rule's cooldown is counted per: the object the alert is about (its scope key), or,
 * when the scope names no object, the alert itself (its fingerprint). Callers that record an
 * opened investigation store it under this key so `decide` finds it again.
 */
export function cooldownKey(alert: NormalizedAlert): string {
  return isSpecificScope(alert.scope) ? scopeKey(alert.scope) : alert.fingerprint;
}
