import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import type { BusEvent } from '@opsworker/cloud/events/event-bus.ts';
import { RuleBook } from '@opsworker/cloud/org-rules/rule-book.ts';
import { createOrganization } from '@opsworker/cloud/orgs/organizations.ts';
import type { ChatMessage, TimelineEvent } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { inventoryInvestigation } from './inventory-investigation.ts';

type Exchange = { question: ChatMessage; answer: ChatMessage };

describe('POST and GET /api/investigations/{id}/messages (no model: the intent router)', () => {
  let agent: AgentAgainstFake;
  let server: TestServer;
  let acmeToken: string;
  const published: BusEvent[] = [];
  const investigation = inventoryInvestigation();
  const path = `/api/investigations/${investigation.id}/messages`;

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
    server = await startTestServer({
      overrides: { agentTransport: createInProcessTransport(agent.executor) },
    });
    await server.store.putInvestigation(investigation);
    acmeToken = (
      await createOrganization({ store: server.store, rules: new RuleBook(server.store) }, { id: 'acme' })
    ).apiToken;
    server.bus.subscribe('default', (event) => published.push(event));
  });
  afterAll(async () => {
    await server.stop();
    await agent.close();
  });

  const post = (body: unknown, token?: string) =>
    token
      ? fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      : server.api(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });

  describe('when a user asks two questions', () => {
    let first: Exchange;
    let second: Exchange;

    beforeAll(async () => {
      const a = await post({ text: 'How do I fix it?', author: 'alice' });
      expect(a.status).toBe(201);
      first = (await a.json()) as Exchange;
      const b = await post({ text: 'previous logs of inventory-api' });
      expect(b.status).toBe(201);
      second = (await b.json()) as Exchange;
    });

    it('answers from the report', () => {
      expect(first.question).toMatchObject({ role: 'user', text: 'How do I fix it?', author: 'alice' });
      expect(first.answer).toMatchObject({ role: 'assistant', answeredBy: 'intent-router:fix' });
      expect(first.answer.text).toContain(
        'kubectl -n inventory scale deployment/inventory-cache --replicas=1',
      );
      expect(first.answer.evidenceIds).toEqual(['ev_prev_logs', 'ev_cache']);
    });

    it('answers from the cluster, through the agent', () => {
      expect(second.answer.answeredBy).toBe('intent-router:logs');
      expect(second.answer.text).toContain('ECONNREFUSED 172.20.217.69:6379');
      expect(second.answer.text).not.toContain('Inv3ntory-Pg-Pass!');
    });

    it('stores both turns of each exchange, oldest first', async () => {
      const response = await server.api(path);
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: ChatMessage[] };
      expect(items.map((m) => [m.role, m.text.slice(0, 16)])).toEqual([
        ['user', 'How do I fix it?'],
        ['assistant', first.answer.text.slice(0, 16)],
        ['user', 'previous logs of'],
        ['assistant', second.answer.text.slice(0, 16)],
      ]);
    });

    it('adds a message event per answered question to the timeline, and publishes it', async () => {
      const { items } = (await (
        await server.api(`/api/investigations/${investigation.id}/timeline`)
      ).json()) as {
        items: TimelineEvent[];
      };
      const messages = items.filter((e) => e.type === 'message');
      expect(messages.map((e) => e.message)).toEqual([
        'alice asked "How do I fix it?"',
        'Someone asked "previous logs of inventory-api"',
      ]);
      expect(messages[0]?.data).toMatchObject({
        questionId: first.question.id,
        answeredBy: 'intent-router:fix',
      });
      const live = published.filter((e) => e.type === 'timeline' && e.event.type === 'message');
      expect(live).toHaveLength(2);
    });
  });

  it.each([
    ['an empty question', { text: '   ' }, 'text'],
    ['no text at all', { author: 'bob' }, 'text'],
    ['an over-long question', { text: 'x'.repeat(4001) }, 'text'],
  ])('refuses %s with 400 naming the field', async (_what, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe(field);
  });

  it('answers 404, not the conversation, to another organization', async () => {
    expect((await post({ text: 'how do I fix it?' }, acmeToken)).status).toBe(404);
    const list = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${acmeToken}` } });
    expect(list.status).toBe(404);
  });

  it('answers 404 for an investigation that does not exist', async () => {
    const response = await server.api('/api/investigations/inv_nope/messages');
    expect(response.status).toBe(404);
  });
});
