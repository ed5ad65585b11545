import { normalize } from '@opsworker/cloud/normalize/index.ts';
import type { AlertSource, AlertStatus } from '@opsworker/shared';

/** A webhook that got a 202 with a receipt: what was sent, and what the server said it took. */
export interface AcceptedDelivery {
  source: AlertSource;
  body: unknown;
  receipt: number;
  accepted: number;
}

/** What the store must hold for one fingerprint after every accepted delivery is applied. */
export interface ExpectedAlert {
  /** The status of its latest notification. */
  status: AlertStatus;
  /** The receipt of the last delivery that carried it. */
  lastReceipt: number;
  /** Notifications of it: a delivery that carries it twice (say firing, then resolved) counts twice. */
  receivedCount: number;
}

/**
 * What the accepted deliveries must have stored, by fingerprint, worked out by normalizing each
 * body again in receipt order (the order the pipeline applies them). The normalizers have their
 * own tests; here they are the oracle for the pipeline and the store.
 */
export async function expectedAlerts(
  deliveries: readonly AcceptedDelivery[],
): Promise<{ byFingerprint: Map<string, ExpectedAlert>; problems: string[] }> {
  const byFingerprint = new Map<string, ExpectedAlert>();
  const problems: string[] = [];
  for (const delivery of [...deliveries].sort((a, b) => a.receipt - b.receipt)) {
    const result = await normalize(delivery.source, delivery.body, {
      receivedAt: new Date(),
      sns: { verify: false, fetchCertificate: () => Promise.reject(new Error('not used')) },
    });
    const alerts = result.kind === 'alerts' ? result.alerts : [];
    if (alerts.length !== delivery.accepted) {
      problems.push(
        `receipt ${delivery.receipt}: answered accepted=${delivery.accepted}, body holds ${alerts.length}`,
      );
    }
    for (const alert of alerts) {
      const before = byFingerprint.get(alert.fingerprint);
      byFingerprint.set(alert.fingerprint, {
        status: alert.status,
        lastReceipt: delivery.receipt,
        receivedCount: (before?.receivedCount ?? 0) + 1,
      });
    }
  }
  return { byFingerprint, problems };
}
