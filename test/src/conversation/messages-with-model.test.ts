import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import type { ChatMessage, TimelineEvent } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { startFakeChatCompletions } from '../llm/fake-chat-completions.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { inventoryInvestigation } from './inventory-investigation.ts';

describe('follow-up questions on a server configured with an OpenAI-compatible model', () => {
  let agent: AgentAgainstFake;
  let model: Awaited<ReturnType<typeof startFakeChatCompletions>>;
  let server: TestServer;
  const investigation = inventoryInvestigation();

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
    model = await startFakeChatCompletions({
      toolName: 'get_node_summary',
      text: 'All three nodes are Ready.',
    });
    server = await startTestServer({
      env: {
        OPSWORKER_LLM_PROVIDER: 'openai-compatible',
        OPSWORKER_LLM_BASE_URL: `${model.origin}/v1`,
        OPSWORKER_LLM_MODEL: 'qwen2.5:14b',
      },
      overrides: { agentTransport: createInProcessTransport(agent.executor) },
    });
    await server.store.putInvestigation(investigation);
  });
  afterAll(async () => {
    await server.stop();
    await model.close();
    await agent.close();
  });

  it('answers through the model, which reads the cluster with the agent’s tools, and records the tokens', async () => {
    const response = await server.api(`/api/investigations/${investigation.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Are the nodes healthy?', author: 'alice' }),
    });
    expect(response.status).toBe(201);
    const { answer } = (await response.json()) as { answer: ChatMessage };
    expect(answer).toMatchObject({ answeredBy: 'model:qwen2.5:14b', text: 'All three nodes are Ready.' });

    const toolMessage = model.requests[1]?.body.messages.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toContain('ip-10-0-1-');
    expect(JSON.stringify(model.requests[0]?.body.messages)).toContain('Are the nodes healthy?');

    const { items } = (await (
      await server.api(`/api/investigations/${investigation.id}/timeline`)
    ).json()) as {
      items: TimelineEvent[];
    };
    expect(items.find((e) => e.type === 'message')?.data).toMatchObject({
      answeredBy: 'model:qwen2.5:14b',
      llm: { provider: 'openai-compatible', totalTokens: 270, toolCalls: 1, costComplete: false },
    });
  });
});
