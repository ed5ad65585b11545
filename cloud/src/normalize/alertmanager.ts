import { AlertStatus, readWith } from '@opsworker/shared';
import { z } from 'zod';
import { AlertmanagerAlert, fromAlertmanagerAlert } from './alertmanager-alert.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

/** Alertmanager's webhook payload, version 4 (the only version there has ever been). */
const AlertmanagerPayload = z.object({
  version: z.string().optional(),
  status: AlertStatus,
  externalURL: z.string().optional(),
  alerts: z.array(AlertmanagerAlert),
});

/** Normalizes a Prometheus Alertmanager webhook: one NormalizedAlert per alert in the group. */
export async function normalizeAlertmanager(
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  const payload = readWith(AlertmanagerPayload, body, 'alertmanager payload');
  const alerts = payload.alerts.map((alert, index) =>
    fromAlertmanagerAlert(alert, {
      source: 'alertmanager',
      groupStatus: payload.status,
      externalURL: payload.externalURL,
      receivedAt: options.receivedAt,
      path: `alerts.${index}`,
    }),
  );
  return { kind: 'alerts', alerts };
}
