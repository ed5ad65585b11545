import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInvestigation, listAlerts } from '../support/opsworker-api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('generic webhook batches', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('when one delivery carries an alert firing and then its resolution', () => {
    // Regression: the second notification of a fingerprint within one delivery was taken for a
    // journal replay (same receipt) and dropped, although the 202 said both were accepted.
    it('ends with the alert resolved and its investigation resolved', async () => {
      const alert = {
        title: 'Queue backlog on orders',
        fingerprint: 'orders-queue-backlog',
        severity: 'warning',
        scope: { namespace: 'orders', kind: 'deployments', name: 'orders-worker' },
      };
      const response = await server.webhook('generic', {
        alerts: [
          { ...alert, status: 'firing', startsAt: '2026-11-24T05:00:00Z' },
          { ...alert, status: 'resolved', endsAt: '2026-11-24T05:04:00Z' },
        ],
      });
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ accepted: 2 });
      await server.pipeline.idle();

      const stored = (await listAlerts(server)).find((a) => a.fingerprint === 'generic:orders-queue-backlog');
      const resolvedAt = Date.parse('2026-11-24T05:04:00Z');
      expect(stored).toMatchObject({ status: 'resolved', receivedCount: 2 });
      expect(Date.parse(stored?.resolvedAt ?? '')).toBe(resolvedAt);
      const investigation = await getInvestigation(server, stored!.investigationId!);
      expect(Date.parse(investigation.resolvedAt ?? '')).toBe(resolvedAt);
    });
  });
});
