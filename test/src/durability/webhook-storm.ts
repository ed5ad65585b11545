import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import type { OpsWorkerClient } from '../support/opsworker-client.ts';

export interface StormResult {
  /** Pods whose alert was in a delivery that got a 202: the server promised to keep these. */
  acknowledged: string[];
  /** Every pod an alert was sent for, answered or not. */
  sent: string[];
}

/**
 * Concurrent Alertmanager webhooks, each about its own pods (so each alert has its own
 * fingerprint and opens its own investigation). `onAck` runs after every 202 with the count so
 * far, so a test can pull the plug while other requests are still in flight. Requests that fail
 * because the server died are expected and only count as sent.
 */
export async function webhookStorm(
  client: Pick<OpsWorkerClient, 'webhook'>,
  options: {
    prefix: string;
    requests: number;
    alertsPerRequest: number;
    concurrency: number;
    onAck?: (acknowledged: number) => void;
  },
): Promise<StormResult> {
  const result: StormResult = { acknowledged: [], sent: [] };
  let acks = 0;
  let next = 0;
  const worker = async () => {
    while (next < options.requests) {
      const request = next++;
      const pods = Array.from(
        { length: options.alertsPerRequest },
        (_, i) => `${options.prefix}-${request}-${i}-x`,
      );
      result.sent.push(...pods);
      const payload = alertmanagerPayload(
        pods.map((pod) => ({
          labels: { alertname: 'KubePodCrashLooping', severity: 'warning', namespace: 'durability', pod },
        })),
      );
      try {
        const response = await client.webhook('alertmanager', payload);
        await response.body?.cancel();
        if (response.status === 202) {
          result.acknowledged.push(...pods);
          options.onAck?.(++acks);
        }
      } catch {
        // The server was killed under this request: it was never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}
