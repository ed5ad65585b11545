import { AlertStatus, readWith } from '@opsworker/shared';
import { z } from 'zod';
import { AlertmanagerAlert, fromAlertmanagerAlert } from './alertmanager-alert.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

/** Grafana unified alerting (8+) sends Alertmanager's shape plus a few links and the query values. */
const GrafanaAlert = AlertmanagerAlert.extend({
  dashboardURL: z.string().optional(),
  panelURL: z.string().optional(),
  silenceURL: z.string().optional(),
  imageURL: z.string().optional(),
  // Query results are numbers (null when a query returned nothing); anything else is not Grafana's.
  values: z.record(z.string(), z.number().nullable()).nullable().optional(),
  valueString: z.string().optional(),
});
type GrafanaAlert = z.infer<typeof GrafanaAlert>;

const GrafanaUnifiedPayload = z.object({
  status: AlertStatus,
  externalURL: z.string().optional(),
  alerts: z.array(GrafanaAlert),
});

/** Normalizes a Grafana unified-alerting webhook: one alert per entry of `alerts`. */
export async function normalizeGrafanaUnified(
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  const payload = readWith(GrafanaUnifiedPayload, body, 'grafana payload');
  const alerts = payload.alerts.map((alert, index) =>
    fromAlertmanagerAlert(alert, {
      source: 'grafana',
      groupStatus: payload.status,
      externalURL: payload.externalURL,
      receivedAt: options.receivedAt,
      path: `alerts.${index}`,
      extraLinks: [
        { title: 'Dashboard', url: alert.dashboardURL },
        { title: 'Panel', url: alert.panelURL },
        { title: 'Silence', url: alert.silenceURL },
        { title: 'Image', url: alert.imageURL },
      ],
      extraAnnotations: queryValues(alert),
    }),
  );
  return { kind: 'alerts', alerts };
}

/** The values of the rule's queries when it fired (`B=44.2, C=1`): evidence worth keeping. */
function queryValues(alert: GrafanaAlert): Record<string, string> {
  if (alert.valueString) return { values: alert.valueString };
  const entries = Object.entries(alert.values ?? {});
  if (entries.length === 0) return {};
  return { values: entries.map(([name, value]) => `${name}=${String(value)}`).join(', ') };
}
