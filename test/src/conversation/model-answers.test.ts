import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { ConversationService } from '@opsworker/cloud/conversation/conversation-service.ts';
import type { LlmConfig } from '@opsworker/cloud/engine/llm/llm-config.ts';
import { EventBus } from '@opsworker/cloud/events/event-bus.ts';
import { TimelineSequencer } from '@opsworker/cloud/investigations/timeline-sequencer.ts';
import { LocalStore } from '@opsworker/cloud/store/local/local-store.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { ScriptedModel, type ScriptedTurn } from '../llm/scripted-model.ts';
import { inventoryInvestigation } from './inventory-investigation.ts';

const config: LlmConfig = {
  connection: { provider: 'openai', apiKey: 'unused' },
  models: { triage: 'gpt-4o', investigation: 'gpt-4o', report: 'gpt-4o' },
  budgets: { maxToolCalls: 4, maxTokens: 50_000, timeoutMs: 10_000 },
  prices: {},
};

describe('follow-up questions answered by a model (scripted, real Strands loop)', () => {
  let agent: AgentAgainstFake;
  let dataDir: string;
  let store: LocalStore;
  const logged: string[] = [];
  const investigation = inventoryInvestigation();

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
    dataDir = mkdtempSync(join(tmpdir(), 'opsworker-chat-'));
    store = new LocalStore(dataDir);
    await store.putInvestigation(investigation);
  });
  afterAll(async () => {
    await agent.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function service(script: ScriptedTurn[]) {
    const model = new ScriptedModel(script, { modelId: 'gpt-4o' });
    const conversations = new ConversationService({
      store,
      bus: new EventBus(),
      sequencer: new TimelineSequencer(store),
      agentFor: async () => createInProcessTransport(agent.executor),
      llm: { config, model },
      log: (message) => logged.push(message),
    });
    return { model, conversations };
  }

  it('lets the model read the cluster, answers with its text, and records its tokens on the timeline', async () => {
    const { model, conversations } = service([
      {
        tools: [
          {
            name: 'get_logs',
            input: { namespace: 'inventory', pod: 'inventory-api-ld7zrxkltb-vwzlt', previous: true },
          },
        ],
        usage: { inputTokens: 3000, outputTokens: 40 },
      },
      {
        text: 'The other pod fails the same way: `connect ECONNREFUSED 172.20.217.69:6379`.',
        usage: { inputTokens: 4000, outputTokens: 60 },
      },
    ]);
    const { answer } = await conversations.ask('default', investigation.id, {
      text: 'Does the other pod fail the same way?',
      author: 'alice',
    });

    expect(answer).toMatchObject({
      answeredBy: 'model:gpt-4o',
      text: expect.stringContaining('ECONNREFUSED'),
    });
    expect(model.requests[1]?.toolResults.join('')).toContain('fatal: cache unavailable');
    // The model had the report as context and never saw the planted password.
    expect(model.requests[0]?.messages).toContain('deployment/inventory-cache has 0 replicas');
    expect(model.requests.map((r) => r.messages).join('')).not.toContain('Inv3ntory-Pg-Pass!');

    const event = (await store.listTimeline('default', investigation.id))
      .filter((e) => e.type === 'message')
      .at(-1);
    expect(event?.data).toMatchObject({
      answeredBy: 'model:gpt-4o',
      llm: { totalTokens: 7100, toolCalls: 1, stages: [{ stage: 'conversation', model: 'gpt-4o' }] },
    });
  });

  it('gives the model the recent conversation', async () => {
    const { model, conversations } = service([{ text: 'Yes, as I said above.' }]);
    await conversations.ask('default', investigation.id, { text: 'And is that why it restarts?' });
    expect(model.requests[0]?.messages).toContain('User (alice): Does the other pod fail the same way?');
  });

  it('falls back to the intent router when the model fails, and logs why', async () => {
    const { conversations } = service([{ error: new Error('429 Too Many Requests') }]);
    const { answer } = await conversations.ask('default', investigation.id, { text: 'how do I fix it?' });
    expect(answer.answeredBy).toBe('intent-router:fix');
    expect(answer.text).toContain('scale deployment/inventory-cache');
    expect(logged.at(-1)).toBe(`model answer failed for investigation ${investigation.id}`);
    const event = (await store.listTimeline('default', investigation.id))
      .filter((e) => e.type === 'message')
      .at(-1);
    expect(event?.data).toMatchObject({ answeredBy: 'intent-router:fix', llm: { outcome: 'failed' } });
  });
});
