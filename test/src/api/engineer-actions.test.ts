import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { RuleBook } from '@opsworker/cloud/org-rules/rule-book.ts';
import { createOrganization } from '@opsworker/cloud/orgs/organizations.ts';
import { ApiError, createApiClient, type Investigation, type OpsWorkerApi } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { inventoryInvestigation } from '../conversation/inventory-investigation.ts';
import { startTestServer, TEST_API_TOKEN, type TestServer } from '../support/test-server.ts';

describe('what engineers do from Slack and the desktop app, through the typed API client', () => {
  let agent: AgentAgainstFake;
  let server: TestServer;
  let api: OpsWorkerApi;
  let other: OpsWorkerApi;
  const investigation: Investigation = {
    ...inventoryInvestigation(),
    status: 'completed',
    outcome: 'root_cause_found',
  };

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
    server = await startTestServer({
      overrides: { agentTransport: createInProcessTransport(agent.executor) },
    });
    await server.store.putInvestigation(investigation);
    api = createApiClient({ baseUrl: server.url, token: TEST_API_TOKEN });
    const acme = await createOrganization(
      { store: server.store, rules: new RuleBook(server.store) },
      { id: 'acme' },
    );
    other = createApiClient({ baseUrl: server.url, token: acme.apiToken });
  });
  afterAll(async () => {
    await server.stop();
    await agent.close();
  });

  it('stores feedback with the investigation (latest wins) and puts it on the timeline', async () => {
    await api.feedback(investigation.id, { rating: 'needs_improvement', by: 'bob', via: 'desktop' });
    const rated = await api.feedback(investigation.id, { rating: 'accurate', by: 'alice', via: 'slack' });
    expect(rated.feedback).toMatchObject({ rating: 'accurate', by: 'alice', via: 'slack' });
    expect((await api.getInvestigation(investigation.id)).feedback?.rating).toBe('accurate');
    const messages = (await api.timeline(investigation.id)).map((event) => event.message);
    expect(messages).toContain('Report rated accurate by alice');
    expect(messages).toContain('Report rated needs improvement by bob');
  });

  it('refuses an unknown rating with a 400 naming the field, and changes nothing', async () => {
    const failure = await api
      .feedback(investigation.id, { rating: 'great' as never })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'invalid_request' });
    expect((failure as ApiError).field).toContain('rating');
    expect((await api.getInvestigation(investigation.id)).feedback?.rating).toBe('accurate');
  });

  it('acknowledges once: the first engineer to take it stays recorded', async () => {
    const first = await api.acknowledge(investigation.id, 'carol');
    const second = await api.acknowledge(investigation.id, 'dave');
    expect(first.acknowledgedBy).toBe('carol');
    expect(second.acknowledgedBy).toBe('carol');
    expect(second.acknowledgedAt).toBe(first.acknowledgedAt);
  });

  it('re-runs as a new queued investigation of the same scope, pointing at the original', async () => {
    const rerun = await api.rerun(investigation.id, 'erin');
    expect(rerun.id).not.toBe(investigation.id);
    expect(rerun).toMatchObject({ status: 'queued', rerunOf: investigation.id, scope: investigation.scope });
    expect(rerun.trigger).toEqual({ type: 'manual', requestedBy: 'erin' });
  });

  it("keeps every action inside the organization: another org's token gets 404s", async () => {
    for (const attempt of [
      () => other.feedback(investigation.id, { rating: 'accurate' }),
      () => other.acknowledge(investigation.id),
      () => other.rerun(investigation.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ status: 404 });
    }
    expect((await other.insights({ days: 1 })).investigations.opened).toBe(0);
  });

  it('runs a read-only kubectl command through the agent, with its output as kubectl prints it', async () => {
    const result = await api.kubectl('kubectl get pods -n inventory');
    expect(result.output).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(result.output).toContain('inventory-api-');
    expect(result.truncated).toBe(false);
  });

  it('refuses writes and secrets with an explanation, before reaching the cluster', async () => {
    for (const command of ['kubectl delete pod x -n inventory', 'kubectl get secrets -n inventory']) {
      const failure = await api.kubectl(command).catch((error: unknown) => error);
      expect(failure).toMatchObject({ status: 400, code: 'refused' });
      expect((failure as ApiError).message.length).toBeGreaterThan(20);
    }
  });

  it('answers a malformed action body with a 400, never a 5xx', async () => {
    const response = await server.api(`/api/investigations/${investigation.id}/feedback`, {
      method: 'POST',
      body: '{"rating":',
    });
    expect(response.status).toBe(400);
  });
});
