import type { Alert, Investigation, Rule } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import type { OpsWorkerClient } from '../support/opsworker-client.ts';
import { type CloudStack, startCloudStack } from './cloud-stack.ts';

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Every API route of the cloud's http function, called with globex's token about acme's
 * records (acme has an alert, a finished investigation with a conversation, rules and a
 * connected cluster): nothing of acme's is ever seen or changed.
 */
describe('cloud tenancy: another organization’s token finds nothing', () => {
  let stack: CloudStack;
  let acme: OpsWorkerClient;
  let globex: OpsWorkerClient;
  let investigation: Investigation;
  let alert: Alert;
  let rule: Rule;

  beforeAll(async () => {
    stack = await startCloudStack({ scenarios: ['oom-killed'] });
    acme = stack.client(stack.orgs.acme);
    globex = stack.client(stack.orgs.globex);
    while ((await stack.pollHeartbeats(1)).delivered === 0);
    const scenario = stack.cluster.scenarios[0] as ScenarioManifest;
    await json(await acme.webhook('alertmanager', alertmanagerPayload([scenario.alert])));
    await stack.runJobs();
    [investigation] = (await json<{ items: Investigation[] }>(await acme.api('/api/investigations')))
      .items as [Investigation];
    [alert] = (await json<{ items: Alert[] }>(await acme.api('/api/alerts'))).items as [Alert];
    [rule] = (await json<{ items: Rule[] }>(await acme.api('/api/rules'))).items as [Rule];
    await json(
      await acme.api(`/api/investigations/${investigation.id}/messages`, {
        method: 'POST',
        body: JSON.stringify({ text: 'show me the events' }),
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it.each([
    ['GET', () => `/api/investigations/${investigation.id}`],
    ['GET', () => `/api/investigations/${investigation.id}/timeline`],
    ['GET', () => `/api/investigations/${investigation.id}/events`],
    ['GET', () => `/api/investigations/${investigation.id}/messages`],
    ['POST', () => `/api/investigations/${investigation.id}/messages`, { text: 'what happened?' }],
    ['POST', () => `/api/investigations/${investigation.id}/feedback`, { rating: 'needs_improvement' }],
    ['POST', () => `/api/investigations/${investigation.id}/acknowledge`, {}],
    ['POST', () => `/api/investigations/${investigation.id}/rerun`, {}],
    ['GET', () => `/api/alerts/${alert.id}`],
    ['GET', () => `/api/rules/${rule.id}`],
    ['PUT', () => `/api/rules/${rule.id}`, { name: 'hijack', action: 'ignore' }],
    ['DELETE', () => `/api/rules/${rule.id}`],
  ] as const)('%s %s answers 404', async (method, path, body?: object) => {
    const response = await globex.api(path(), { method, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect(response.status).toBe(404);
  });

  it('lists none of its investigations, alerts, rules or live changes', async () => {
    const lists = await Promise.all(
      ['/api/investigations', '/api/alerts', '/api/rules', '/api/events?format=json'].map(
        async (path) =>
          (await json<{ items: Array<{ id: string; orgId: string }> }>(await globex.api(path))).items,
      ),
    );
    for (const items of lists) expect(items.every((item) => item.orgId === 'globex')).toBe(true);
    const ids = lists.flat().map((item) => item.id);
    expect(ids).not.toContain(investigation.id);
    expect(ids).not.toContain(alert.id);
    expect(ids).not.toContain(rule.id);
  });

  it('counts none of its alerts or investigations in the insights', async () => {
    const insights = await json<{ alertsReceived: number; investigations: { opened: number } }>(
      await globex.api('/api/insights?days=7'),
    );
    expect(insights).toMatchObject({ alertsReceived: 0, investigations: { opened: 0 } });
  });

  it('cannot read its cluster through kubectl: it has no cluster of its own', async () => {
    const response = await globex.api('/api/kubectl', {
      method: 'POST',
      body: JSON.stringify({ command: 'kubectl get pods -n analytics' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('report-exporter');
  });

  it('left all of its records as they were', async () => {
    const after = await json<Investigation>(await acme.api(`/api/investigations/${investigation.id}`));
    expect(after).toMatchObject({ status: 'completed' });
    expect(after.feedback).toBeUndefined();
    expect(after.acknowledgedAt).toBeUndefined();
    expect(await json<Rule>(await acme.api(`/api/rules/${rule.id}`))).toEqual(rule);
    const messages = await json<{ items: unknown[] }>(
      await acme.api(`/api/investigations/${investigation.id}/messages`),
    );
    expect(messages.items).toHaveLength(2);
    const rerunOf = (await json<{ items: Investigation[] }>(await acme.api('/api/investigations'))).items;
    expect(rerunOf).toHaveLength(1);
  });

  it("acme's own token reads its cluster through kubectl (the same route works for the owner)", async () => {
    const output = await json<{ output: string }>(
      await acme.api('/api/kubectl', {
        method: 'POST',
        body: JSON.stringify({ command: 'kubectl get pods -n analytics' }),
      }),
    );
    expect(output.output).toContain('report-exporter');
  });
});
