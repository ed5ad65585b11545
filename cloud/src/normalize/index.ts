import { type AlertSource, ValidationError } from '@opsworker/shared';
import { normalizeAlertmanager } from './alertmanager.ts';
import { normalizeCloudWatch } from './cloudwatch.ts';
import { normalizeDatadog } from './datadog.ts';
import { normalizeGeneric } from './generic.ts';
import { normalizeGrafana } from './grafana.ts';
import type { NormalizationResult, NormalizeOptions, SourceNormalizer } from './types.ts';

export { confirmSnsSubscription } from './sns/confirm-subscription.ts';
export { SnsConfirmationError, SnsSignatureError } from './sns/errors.ts';
export type {
  NormalizationResult,
  NormalizeOptions,
  SnsOptions,
  SnsSubscriptionMessageType,
} from './types.ts';

/** One normalizer per alert source. */
const NORMALIZERS: ReadonlyMap<string, SourceNormalizer> = new Map<AlertSource, SourceNormalizer>([
  ['alertmanager', normalizeAlertmanager],
  ['grafana', normalizeGrafana],
  ['datadog', normalizeDatadog],
  ['cloudwatch', normalizeCloudWatch],
  ['generic', normalizeGeneric],
]);

/**
 * Turns a webhook body (already parsed JSON) from `source` into NormalizedAlerts, an SNS
 * subscription handshake to confirm, or a reason to ignore it. Throws ValidationError (400)
 * when the body does not match the source's payload, SnsSignatureError (401) when an SNS
 * message is not authentic.
 */
export function normalize(
  source: AlertSource,
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  // The source usually comes from a URL path: guard against one the type did not catch.
  const normalizer = NORMALIZERS.get(source);
  if (!normalizer) {
    const detail = `unknown alert source "${String(source).slice(0, 50)}"`;
    return Promise.reject(new ValidationError(detail, { field: 'source' }));
  }
  // Not an async function itself: wrapping the normalizer's promise in another would cost
  // every delivery more turns of the microtask queue.
  return normalizer(body, options);
}
