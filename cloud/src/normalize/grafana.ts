import { normalizeGrafanaLegacy } from './grafana-legacy.ts';
import { normalizeGrafanaUnified } from './grafana-unified.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

/**
 * Normalizes a Grafana webhook of either generation: unified alerting sends an `alerts`
 * array, legacy dashboard alerting one rule with `ruleName`/`state`. Users upgrading Grafana
 * keep the same webhook URL, so both arrive on the one source.
 */
export function normalizeGrafana(body: unknown, options: NormalizeOptions): Promise<NormalizationResult> {
  const unified = typeof body === 'object' && body !== null && 'alerts' in body;
  return unified ? normalizeGrafanaUnified(body, options) : normalizeGrafanaLegacy(body, options);
}
