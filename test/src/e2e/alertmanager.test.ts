import type { Alert } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getAlert,
  getInvestigation,
  getTimeline,
  listAlerts,
  listInvestigations,
} from '../support/opsworker-api.ts';
import {
  type AmtoolAlert,
  alertmanagerInstalled,
  type RealAlertmanager,
  startAlertmanager,
} from '../support/real-alertmanager.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { cpuThrottling, crashLooping, replicasMismatch, watchdog } from './kube-prometheus-alerts.ts';

const installed = alertmanagerInstalled();
const SKIP_REASON =
  'SKIPPED: /usr/bin/prometheus-alertmanager or /usr/bin/amtool is missing; ' +
  'install them with `apt-get install prometheus-alertmanager`';
if (!installed) console.warn(`Alertmanager end-to-end tests ${SKIP_REASON}`);

// Each test works in its own namespace: Alertmanager groups by namespace, so the tests'
// notifications never mix and each can count what it caused.
const title = 'Alertmanager → OpsWorker (real prometheus-alertmanager)';
(installed ? describe : describe.skip)(installed ? title : `${title} — ${SKIP_REASON}`, () => {
  let server: TestServer;
  let alertmanager: RealAlertmanager;

  beforeAll(async () => {
    server = await startTestServer();
    alertmanager = await startAlertmanager({
      webhookUrl: `${server.url}/webhooks/alertmanager`,
      bearerToken: server.webhookToken,
      groupBy: ['namespace'],
    });
  });

  afterAll(async () => {
    await alertmanager?.stop();
    await server?.stop();
  });

  /** Waits until OpsWorker stores the alert with these labels and `ready` holds for it. */
  const stored = (sent: AmtoolAlert, ready: (alert: Alert) => boolean = () => true): Promise<Alert> => {
    let seen: Alert | undefined;
    return waitFor(
      `alert ${sent.labels.alertname} ${sent.labels.pod ?? sent.labels.deployment ?? ''} to be stored`,
      async () => {
        seen = (await listAlerts(server)).find((alert) => sameLabels(alert.labels, sent.labels));
        return seen && ready(seen) ? seen : undefined;
      },
      { lastSeen: () => seen },
    );
  };

  describe('when kube-prometheus fires KubePodCrashLooping', () => {
    it('stores it scoped to the pod and its container and queues one investigation', async () => {
      const sent = crashLooping('shop', 'api-7c9d8b6f5-x2x9p', 'api');
      await alertmanager.fire(sent);

      const alert = await stored(sent, (a) => a.investigationId !== undefined);
      expect(alert).toMatchObject({
        source: 'alertmanager',
        status: 'firing',
        severity: 'warning',
        title: 'Pod is crash looping.',
        receivedCount: 1,
      });
      expect(alert.scope).toEqual({
        namespace: 'shop',
        kind: 'pods',
        name: 'api-7c9d8b6f5-x2x9p',
        container: 'api',
      });

      const investigation = await getInvestigation(server, alert.investigationId!);
      expect(investigation).toMatchObject({
        status: 'queued',
        severity: 'warning',
        alertIds: [alert.id],
        scope: alert.scope,
        trigger: { type: 'alert', alertId: alert.id, source: 'alertmanager' },
      });
      expect((await getTimeline(server, investigation.id)).map((event) => event.type)).toEqual(['created']);
      expect(await listInvestigations(server, 'namespace=shop')).toHaveLength(1);
    });
  });

  describe('when Alertmanager re-sends an alert because its group changed', () => {
    it('counts the repeat on the stored alert and opens nothing new', async () => {
      const sent = crashLooping('billing', 'invoices-6b8c9d7f4-k3m8q', 'invoices');
      await alertmanager.fire(sent);
      const first = await stored(sent, (a) => a.investigationId !== undefined);

      // A second alert joining the namespace group makes Alertmanager notify the whole group again.
      const joiner = cpuThrottling('billing', 'invoices-6b8c9d7f4-k3m8q', 'invoices');
      await alertmanager.fire(joiner);
      const repeated = await stored(sent, (a) => a.receivedCount >= 2);
      await stored(joiner);
      await server.pipeline.idle();

      expect(repeated).toMatchObject({
        id: first.id,
        status: 'firing',
        investigationId: first.investigationId,
      });
      const investigations = await listInvestigations(server, 'namespace=billing');
      expect(investigations.map((inv) => ({ id: inv.id, alertIds: inv.alertIds }))).toEqual([
        { id: first.investigationId, alertIds: [first.id] },
      ]);
    });
  });

  describe('when one Deployment fails and every pod of it alerts (a storm)', () => {
    it('groups all the alerts, pods and Deployment alike, into ONE investigation', async () => {
      const pods = ['checkout-7d9f8b6c5d-2xq7w', 'checkout-7d9f8b6c5d-9kz4m', 'checkout-7d9f8b6c5d-bt5rn'];
      const more = ['checkout-7d9f8b6c5d-h6v2p', 'checkout-7d9f8b6c5d-p8w3c'];
      const storm = [
        ...[...pods, ...more].map((pod) => crashLooping('payments', pod, 'checkout')),
        replicasMismatch('payments', 'checkout'),
      ];
      await Promise.all(storm.map((alert) => alertmanager.fire(alert)));

      const alerts = await waitFor('every alert of the storm to be stored and decided', async () => {
        const found = (await listAlerts(server)).filter((alert) => alert.labels.namespace === 'payments');
        return found.length === storm.length && found.every((alert) => alert.investigationId)
          ? found
          : undefined;
      });
      await server.pipeline.idle();

      const investigations = await listInvestigations(server, 'namespace=payments');
      expect(investigations).toHaveLength(1);
      const investigation = investigations[0]!;
      expect([...investigation.alertIds].sort()).toEqual(alerts.map((alert) => alert.id).sort());
      expect(alerts.every((alert) => alert.investigationId === investigation.id)).toBe(true);
      const timeline = await getTimeline(server, investigation.id);
      expect(timeline.filter((event) => event.type === 'created')).toHaveLength(1);
      expect(timeline.filter((event) => event.type === 'alert_attached')).toHaveLength(storm.length - 1);
      const deployment = alerts.find((alert) => alert.labels.alertname === 'KubeDeploymentReplicasMismatch');
      expect(deployment?.scope).toEqual({ namespace: 'payments', kind: 'deployments', name: 'checkout' });
    });
  });

  describe('when an alert only proves the monitoring pipeline works, or is informational', () => {
    it.each([
      { what: 'Watchdog', sent: watchdog(), action: 'ignore', rule: 'Ignore monitoring heartbeats' },
      {
        what: 'an info alert',
        sent: cpuThrottling('monitoring', 'grafana-5d8f7c9b6d-w4x2z', 'grafana'),
        action: 'notify',
        rule: 'Notify info alerts',
      },
    ])('stores $what with the "$action" decision and its reason, and investigates nothing', async (row) => {
      await alertmanager.fire(row.sent);
      const alert = await stored(row.sent, (a) => a.decisionId !== undefined);

      const detail = await getAlert(server, alert.id);
      expect(detail.investigationId).toBeUndefined();
      expect(detail.decisions).toHaveLength(1);
      expect(detail.decisions[0]).toMatchObject({ action: row.action, ruleName: row.rule });
      expect(detail.decisions[0]?.reason).toContain(`"${row.rule}"`);
    });
  });

  describe('when the alerts of an investigation resolve', () => {
    it('marks each alert resolved, and the investigation resolved once the last one is', async () => {
      const first = crashLooping('orders', 'orders-5f6d7c8b9a-r2d2x', 'orders');
      const second = crashLooping('orders', 'orders-5f6d7c8b9a-c3p0z', 'orders');
      await Promise.all([alertmanager.fire(first), alertmanager.fire(second)]);
      const firing = await stored(first, (a) => a.investigationId !== undefined);
      await stored(second, (a) => a.investigationId === firing.investigationId);
      const investigationId = firing.investigationId!;

      await alertmanager.resolve(first);
      const resolvedFirst = await stored(first, (a) => a.status === 'resolved');
      expect(resolvedFirst.resolvedAt).toBeDefined();
      await server.pipeline.idle();
      expect((await getInvestigation(server, investigationId)).resolvedAt).toBeUndefined();

      await alertmanager.resolve(second);
      await stored(second, (a) => a.status === 'resolved');
      const investigation = await waitFor('the investigation to be resolved', async () => {
        const current = await getInvestigation(server, investigationId);
        return current.resolvedAt ? current : undefined;
      });
      expect(investigation.alerts.map((alert) => alert.status)).toEqual(['resolved', 'resolved']);
      const resolvedEvents = (await getTimeline(server, investigationId)).filter(
        (e) => e.type === 'resolved',
      );
      expect(resolvedEvents.at(-1)).toMatchObject({
        message: 'All 2 alert(s) resolved',
        data: { resolvedAt: investigation.resolvedAt },
      });
    });
  });
});

function sameLabels(stored: Record<string, string>, sent: Record<string, string>): boolean {
  const keys = Object.keys(sent);
  return keys.length === Object.keys(stored).length && keys.every((key) => stored[key] === sent[key]);
}
