import { createMemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { shopCluster } from '@opsworker/agent/fixtures/shop-cluster.ts';
import { createMemoryKubeReader } from '@opsworker/agent/kube/memory-kube-reader.ts';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { runStage } from '@opsworker/cloud/engine/llm/agents/run-stage.ts';
import { RunBudget } from '@opsworker/cloud/engine/llm/budget/run-budget.ts';
import { UsageLedger } from '@opsworker/cloud/engine/llm/budget/usage-ledger.ts';
import { createModel } from '@opsworker/cloud/engine/llm/create-model.ts';
import type { LlmConnection } from '@opsworker/cloud/engine/llm/llm-config.ts';
import { getNodeSummaryTool } from '@opsworker/cloud/engine/llm/tools/get-node-summary-tool.ts';
import { OperationRunner } from '@opsworker/cloud/engine/llm/tools/operation-runner.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChatCompletions } from './fake-chat-completions.ts';

describe('the OpenAI-style providers against a local Chat Completions server', () => {
  let fake: Awaited<ReturnType<typeof startFakeChatCompletions>>;
  const transport = createInProcessTransport(
    createAgentExecutor({ reader: createMemoryKubeReader(shopCluster()), audit: createMemoryAuditSink() }),
  );

  beforeAll(async () => {
    fake = await startFakeChatCompletions({ toolName: 'get_node_summary', text: 'node-2 is NotReady.' });
  });
  afterAll(() => fake.close());

  async function converse(connection: LlmConnection, modelId: string) {
    const before = fake.requests.length;
    const ledger = new UsageLedger(connection.provider, {});
    const budget = new RunBudget({ maxToolCalls: 3, maxTokens: 10_000, timeoutMs: 10_000 }, ledger);
    const runner = new OperationRunner({ transport, requester: { investigationId: 'inv_1' } });
    try {
      const result = await runStage(
        {
          stage: 'investigation',
          model: await createModel(connection, modelId),
          systemPrompt: 'Investigate.',
          tools: [getNodeSummaryTool(runner)],
        },
        'Is a node unhealthy?',
        budget,
      );
      return { result, ledger, runner, requests: fake.requests.slice(before) };
    } finally {
      budget.dispose();
    }
  }

  it('runs the real agent loop over streamed tool calls, then text (openai-compatible: vLLM, Ollama)', async () => {
    const { result, ledger, runner, requests } = await converse(
      { provider: 'openai-compatible', baseUrl: `${fake.origin}/v1` },
      'qwen2.5:14b',
    );
    expect(result.stopReason).toBe('endTurn');
    expect(result.toString()).toBe('node-2 is NotReady.');
    expect(runner.results.map((r) => r.operation)).toEqual([{ op: 'nodeSummary' }]);
    expect(requests.map((r) => r.url)).toEqual(['/v1/chat/completions', '/v1/chat/completions']);
    expect(requests[0]?.body.model).toBe('qwen2.5:14b');
    expect(requests[0]?.body.tools?.map((t) => t.function.name)).toEqual(['get_node_summary']);
    // The agent's answer went back to the server as the tool message.
    const toolMessage = requests[1]?.body.messages.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toContain('node-2');
    expect(ledger.summary('enriched').stages).toEqual([
      { stage: 'investigation', model: 'qwen2.5:14b', inputTokens: 240, outputTokens: 30 },
    ]);
  });

  it('speaks to Azure OpenAI’s v1 endpoint with the api-key header and the deployment as model', async () => {
    const { requests } = await converse(
      { provider: 'azure-openai', endpoint: `${fake.origin}/`, apiKey: 'az-secret' },
      'sre-gpt-4o',
    );
    expect(requests[0]?.url).toBe('/openai/v1/chat/completions');
    expect(requests[0]?.headers['api-key']).toBe('az-secret');
    expect(requests[0]?.body.model).toBe('sre-gpt-4o');
  });

  it('speaks to Azure OpenAI’s deployment path when an API version is configured', async () => {
    const { requests } = await converse(
      { provider: 'azure-openai', endpoint: fake.origin, apiKey: 'az-secret', apiVersion: '2024-10-21' },
      'sre-gpt-4o',
    );
    expect(requests[0]?.url).toBe('/openai/deployments/sre-gpt-4o/chat/completions?api-version=2024-10-21');
    expect(requests[0]?.headers['api-key']).toBe('az-secret');
  });

  it('sends the OpenAI key as a bearer token to a configured base URL', async () => {
    const { requests } = await converse(
      { provider: 'openai', apiKey: 'sk-test', baseUrl: `${fake.origin}/v1` },
      'gpt-4o',
    );
    expect(requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });
});
