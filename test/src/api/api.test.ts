import type { Alert, Investigation, Rule } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

describe('REST API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const pods = ['checkout-7d9f8b6c5d-aaaaa', 'payments-5c8d7f9b6a-bbbbb', 'search-6b7c8d9e0f-ccccc'];
    await server.webhook(
      'alertmanager',
      alertmanagerPayload([
        ...pods.map((pod, i) => ({
          labels: {
            alertname: 'KubePodCrashLooping',
            severity: i === 0 ? 'critical' : 'warning',
            namespace: i === 2 ? 'search' : 'shop',
            pod,
          },
        })),
        { labels: { alertname: 'Watchdog', severity: 'none' } },
      ]),
    );
    await server.pipeline.idle();
  });
  afterAll(() => server.stop());

  const get = async <T>(path: string) => (await server.api(path)).json() as Promise<T>;

  it('refuses every /api route without the API token', async () => {
    for (const path of ['/api/alerts', '/api/investigations', '/api/rules', '/api/events']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(401);
    }
  });

  describe('GET /api/investigations', () => {
    it('filters by status, severity, namespace and free text', async () => {
      expect((await get<Page<Investigation>>('/api/investigations')).items).toHaveLength(3);
      expect((await get<Page<Investigation>>('/api/investigations?status=queued')).items).toHaveLength(3);
      expect((await get<Page<Investigation>>('/api/investigations?status=completed')).items).toHaveLength(0);
      expect(
        (await get<Page<Investigation>>('/api/investigations?severity=critical')).items.map(
          (i) => i.scope.name,
        ),
      ).toEqual(['checkout-7d9f8b6c5d-aaaaa']);
      expect((await get<Page<Investigation>>('/api/investigations?namespace=search')).items).toHaveLength(1);
      expect(
        (await get<Page<Investigation>>('/api/investigations?q=PAYMENTS')).items.map((i) => i.scope.name),
      ).toEqual(['payments-5c8d7f9b6a-bbbbb']);
    });

    it('pages with a cursor, newest first, without repeating or skipping', async () => {
      const first = await get<Page<Investigation>>('/api/investigations?limit=2');
      expect(first.items).toHaveLength(2);
      const second = await get<Page<Investigation>>(`/api/investigations?limit=2&cursor=${first.nextCursor}`);
      expect(second.nextCursor).toBeUndefined();
      const ids = [...first.items, ...second.items].map((i) => i.id);
      expect(new Set(ids).size).toBe(3);
      expect(ids).toEqual([...ids].sort().reverse());
    });

    it.each(['limit=0', 'limit=abc', 'status=sleeping', 'cursor=not-a-cursor'])(
      'answers 400 for %s',
      async (query) => {
        const response = await server.api(`/api/investigations?${query}`);
        expect(response.status).toBe(400);
      },
    );
  });

  it('GET /api/investigations/{id} carries its alerts; an unknown id is a 404', async () => {
    const [first] = (await get<Page<Investigation>>('/api/investigations?limit=1')).items;
    const one = await get<Investigation & { alerts: Alert[] }>(`/api/investigations/${first!.id}`);
    expect(one.alerts.map((a) => a.id)).toEqual(one.alertIds);
    expect((await server.api('/api/investigations/inv_nope')).status).toBe(404);
  });

  it('GET /api/alerts/{id} says why an alert was not investigated', async () => {
    const alerts = await get<Page<Alert>>('/api/alerts?limit=50');
    const watchdog = alerts.items.find((a) => a.labels.alertname === 'Watchdog')!;
    const detail = await get<Alert & { decisions: { action: string; reason: string; ruleName: string }[] }>(
      `/api/alerts/${watchdog.id}`,
    );
    expect(detail.decisions[0]).toMatchObject({ action: 'ignore', ruleName: 'Ignore monitoring heartbeats' });
    expect(detail.decisions[0]!.reason).toContain('Watchdog');
  });

  describe('POST /api/investigations', () => {
    it('starts a manual investigation with a scope and a question', async () => {
      const response = await server.api('/api/investigations', {
        method: 'POST',
        body: JSON.stringify({
          scope: { namespace: 'shop', kind: 'deployments', name: 'checkout' },
          question: 'Why is checkout slow?',
        }),
      });
      expect(response.status).toBe(201);
      const created = (await response.json()) as Investigation;
      expect(created).toMatchObject({
        status: 'queued',
        trigger: { type: 'manual' },
        question: 'Why is checkout slow?',
      });
      expect(server.queue.size).toBeGreaterThan(0);
    });

    it('refuses a scope without kind and name, naming the field', async () => {
      const response = await server.api('/api/investigations', {
        method: 'POST',
        body: JSON.stringify({ scope: { namespace: 'shop' } }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe('scope');
    });
  });

  describe('/api/rules', () => {
    it('starts with the default rules', async () => {
      const { items } = await get<{ items: Rule[] }>('/api/rules');
      expect(items.map((r) => r.action).sort()).toEqual(['ignore', 'investigate', 'notify']);
    });

    it('creates, reads, updates and deletes a rule', async () => {
      const input = {
        name: 'Ignore staging',
        action: 'ignore',
        priority: 5,
        match: { namespace: '^staging-' },
      };
      const created = (await (
        await server.api('/api/rules', { method: 'POST', body: JSON.stringify(input) })
      ).json()) as Rule;
      expect(created).toMatchObject({ ...input, enabled: true, id: expect.any(String) });
      const updated = await server.api(`/api/rules/${created.id}`, {
        method: 'PUT',
        body: JSON.stringify({ ...input, enabled: false }),
      });
      expect(((await updated.json()) as Rule).enabled).toBe(false);
      expect((await server.api(`/api/rules/${created.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await server.api(`/api/rules/${created.id}`)).status).toBe(404);
    });

    it.each([
      [{ name: 'x', action: 'investigate', match: { alertName: '(' } }, 'match.alertName'],
      [{ name: 'x', action: 'page-everyone' }, 'action'],
      [{ name: 'x', action: 'ignore', activeDuring: 'business_hours' }, 'businessHours'],
    ])('refuses an invalid rule, naming the field (%j)', async (input, field) => {
      const response = await server.api('/api/rules', { method: 'POST', body: JSON.stringify(input) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    });

    it('previews which recent alerts a rule would match', async () => {
      const response = await server.api('/api/rules/preview', {
        method: 'POST',
        body: JSON.stringify({
          rule: { name: 'shop only', action: 'investigate', match: { namespace: '^shop$' } },
        }),
      });
      const preview = (await response.json()) as { matched: Alert[]; total: number };
      expect(preview.matched.map((a) => a.scope.namespace)).toEqual(['shop', 'shop']);
      expect(preview.total).toBe(4);
    });
  });

  it('serves /healthz and Prometheus metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('opsworker_alerts_received_total{source="alertmanager",status="firing"} 4');
    expect(metrics).toMatch(/opsworker_investigations\{org="default",status="queued",outcome=""\} \d+/);
    expect(metrics).toContain('opsworker_rule_decisions_total{action="ignore"} 1');
  });
});
