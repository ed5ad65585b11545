import { RuleBook } from '@opsworker/cloud/org-rules/rule-book.ts';
import { createOrganization, rotateTokens } from '@opsworker/cloud/orgs/organizations.ts';
import type { Alert, Investigation, Rule } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('organizations are kept apart', () => {
  let server: TestServer;
  let acme: { webhookToken: string; apiToken: string };
  let defaultInvestigation: Investigation;
  let defaultRule: Rule;

  beforeAll(async () => {
    server = await startTestServer();
    acme = await createOrganization(
      { store: server.store, rules: new RuleBook(server.store) },
      { id: 'acme' },
    );
    await server.webhook(
      'alertmanager',
      alertmanagerPayload([
        {
          labels: {
            alertname: 'KubePodCrashLooping',
            severity: 'warning',
            namespace: 'shop',
            pod: 'checkout-7d9f8b6c5d-aaaaa',
          },
        },
      ]),
    );
    await server.pipeline.idle();
    [defaultInvestigation] = (
      (await (await server.api('/api/investigations')).json()) as { items: Investigation[] }
    ).items as [Investigation];
    [defaultRule] = ((await (await server.api('/api/rules')).json()) as { items: Rule[] }).items as [Rule];
  });
  afterAll(() => server.stop());

  const asAcme = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${acme.apiToken}`, 'content-type': 'application/json' },
    });

  it('accepts a new organization created while the server runs', async () => {
    const response = await fetch(`${server.url}/webhooks/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.webhookToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Acme disk full',
        severity: 'critical',
        scope: { namespace: 'acme-prod', kind: 'nodes', name: 'node-1' },
      }),
    });
    expect(response.status).toBe(202);
    await server.pipeline.idle();
    const acmeAlerts = ((await (await asAcme('/api/alerts')).json()) as { items: Alert[] }).items;
    expect(acmeAlerts.map((a) => a.title)).toEqual(['Acme disk full']);
    const defaultAlerts = ((await (await server.api('/api/alerts')).json()) as { items: Alert[] }).items;
    expect(defaultAlerts.map((a) => a.title)).not.toContain('Acme disk full');
  });

  it.each([
    ['GET', () => `/api/investigations/${defaultInvestigation.id}`],
    ['GET', () => `/api/investigations/${defaultInvestigation.id}/events`],
    ['GET', () => `/api/investigations/${defaultInvestigation.id}/timeline`],
    ['GET', () => `/api/alerts/${defaultInvestigation.alertIds[0]}`],
    ['GET', () => `/api/rules/${defaultRule.id}`],
    ['PUT', () => `/api/rules/${defaultRule.id}`],
    ['DELETE', () => `/api/rules/${defaultRule.id}`],
  ])('%s %s with another organization’s token finds nothing', async (method, path) => {
    const body = method === 'PUT' ? JSON.stringify({ name: 'hijack', action: 'ignore' }) : undefined;
    const response = await asAcme(path(), { method, body });
    expect(response.status).toBe(404);
  });

  it('stops accepting old tokens as soon as they are rotated', async () => {
    const org = await createOrganization(
      { store: server.store, rules: new RuleBook(server.store) },
      { id: 'rotating' },
    );
    const rotated = await rotateTokens(server.store, 'rotating');
    const statusWith = async (token: string) =>
      (await fetch(`${server.url}/api/alerts`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await statusWith(org.apiToken)).toBe(401);
    expect(await statusWith(rotated.apiToken)).toBe(200);
  });

  it('lists only its own investigations and rules', async () => {
    const investigations = (
      (await (await asAcme('/api/investigations')).json()) as { items: Investigation[] }
    ).items;
    expect(investigations.every((i) => i.orgId === 'acme')).toBe(true);
    expect(investigations.map((i) => i.id)).not.toContain(defaultInvestigation.id);
    const rules = ((await (await asAcme('/api/rules')).json()) as { items: Rule[] }).items;
    expect(rules.map((r) => r.id)).not.toContain(defaultRule.id);
    expect(await server.store.getRule('default', defaultRule.id)).toBeDefined();
  });
});
