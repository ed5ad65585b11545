import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import type { LlmConfig } from '@opsworker/cloud/engine/llm/llm-config.ts';
import { createLlmEnricher } from '@opsworker/cloud/engine/llm/llm-enricher.ts';
import type { AgentTransport, Investigation, TimelineEvent } from '@opsworker/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { dependencyReport, needsWork, readLogs } from './enricher-harness.ts';
import { ScriptedModel, type ScriptedTurn } from './scripted-model.ts';

const config = (timeoutMs: number): LlmConfig => ({
  connection: { provider: 'bedrock', region: 'eu-west-1' },
  models: { triage: 'm', investigation: 'm', report: 'm' },
  budgets: { maxToolCalls: 6, maxTokens: 100_000, timeoutMs },
  prices: {},
});

describe('the worker with the LLM stage as its enrich hook (local server, simulated cluster)', () => {
  let agent: AgentAgainstFake;
  let transport: AgentTransport;
  let server: TestServer | undefined;

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
    transport = createInProcessTransport(agent.executor);
  });
  afterEach(() => server?.stop());
  afterAll(() => agent.close());

  async function investigate(
    scripts: Record<'triage' | 'investigation' | 'report', ScriptedTurn[]>,
    timeoutMs = 10_000,
  ) {
    const models = {
      triage: new ScriptedModel(scripts.triage, { modelId: 'm' }),
      investigation: new ScriptedModel(scripts.investigation, { modelId: 'm' }),
      report: new ScriptedModel(scripts.report, { modelId: 'm' }),
    };
    const enrich = createLlmEnricher({ config: config(timeoutMs), models, agentFor: async () => transport });
    server = await startTestServer({
      overrides: { agentTransport: transport, enrich, runInvestigations: true },
    });
    const created = await server.api('/api/investigations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scope: { namespace: 'inventory', kind: 'pods', name: 'inventory-api-ld7zrxkltb-wfh9t' },
      }),
    });
    const { id } = (await created.json()) as Investigation;
    const api = server.api;
    const done = await waitFor('the investigation to finish', async () => {
      const investigation = (await (await api(`/api/investigations/${id}`)).json()) as Investigation;
      return investigation.status === 'completed' || investigation.status === 'failed'
        ? investigation
        : undefined;
    });
    const timeline = (
      (await (await api(`/api/investigations/${id}/timeline`)).json()) as { items: TimelineEvent[] }
    ).items;
    return { done, timeline };
  }

  it('stores the model’s report and what it cost', async () => {
    const { done } = await investigate({
      triage: [needsWork],
      investigation: [{ tools: [readLogs] }, { text: 'The cache is down.' }],
      report: [{ structured: dependencyReport }],
    });
    expect(done.status).toBe('completed');
    expect(done.report?.rootCause.resource).toBe('deployment/inventory-cache');
    expect(done.report?.evidence.map((e) => e.id)).toEqual(['op-1']);
    expect(done.llm).toMatchObject({ provider: 'bedrock', outcome: 'enriched', toolCalls: 1 });
  });

  it('keeps the deterministic report when the model runs out of time, and records why', async () => {
    const { done, timeline } = await investigate(
      { triage: [needsWork], investigation: [{ hang: true }], report: [] },
      300,
    );
    expect(done.status).toBe('completed');
    expect(done.report?.evidence.some((e) => e.id.startsWith('op-'))).toBe(false);
    expect(done.llm).toMatchObject({
      outcome: 'failed',
      failure: 'The AI analysis ran out of time; the deterministic report stands.',
    });
    expect(timeline.map((e) => e.message)).toContain(
      'The AI analysis ran out of time; the deterministic report stands.',
    );
  });
});
