import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import type { LlmBudgets, LlmConfig } from '@opsworker/cloud/engine/llm/llm-config.ts';
import { createLlmEnricher, LLM_REQUESTER } from '@opsworker/cloud/engine/llm/llm-enricher.ts';
import { LlmStageError } from '@opsworker/cloud/engine/llm/llm-errors.ts';
import type { EnrichContext } from '@opsworker/cloud/engine/worker/enrich.ts';
import { expect } from 'vitest';
import { startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { INVENTORY, inventoryCrashContext } from './inventory-crash-context.ts';
import { ScriptedModel, type ScriptedTurn } from './scripted-model.ts';

export const { namespace, pod } = INVENTORY;

export const needsWork: ScriptedTurn = {
  structured: { needsInvestigation: true, reason: 'The report stops at the symptom.', focus: ['the cache'] },
  usage: { inputTokens: 1000, outputTokens: 40 },
};
export const readLogs = { name: 'get_logs', input: { namespace, pod, previous: true } };
export const readCache = {
  name: 'get_object',
  input: { kind: 'deployments', namespace, name: 'inventory-cache' },
};
export const cacheEvents = {
  name: 'get_events',
  input: { namespace, involvedObject: { kind: 'deployments', name: 'inventory-cache' } },
};
export const dependencyReport = {
  summary: 'inventory-api crash-loops because its Redis cache, inventory-cache, was scaled to 0 replicas.',
  rootCause: {
    category: 'crash_loop_dependency',
    statement:
      'deployment/inventory-cache has 0 replicas, so inventory-api gets ECONNREFUSED on 6379 and exits.',
    resource: 'deployment/inventory-cache',
  },
  confidence: 'high',
  impact: 'inventory-api is down.',
  contributingFactors: ['inventory-api exits instead of retrying'],
  evidence: [
    {
      id: 'op-1',
      excerpt: 'fatal: cache unavailable after 5 attempts: connect ECONNREFUSED 172.20.217.69:6379',
    },
    { id: 'op-2', excerpt: 'replicas: 7' },
    { id: 'op-99', excerpt: 'something the model made up' },
  ],
  nextSteps: [
    {
      description: 'Scale the cache back up',
      command: `kubectl -n ${namespace} scale deployment/inventory-cache --replicas=1`,
    },
  ],
};

function config(budgets: Partial<LlmBudgets> = {}): LlmConfig {
  return {
    connection: { provider: 'openai', apiKey: 'unused' },
    models: { triage: 'gpt-4o-mini', investigation: 'gpt-4o', report: 'gpt-4o' },
    budgets: { maxToolCalls: 8, maxTokens: 100_000, timeoutMs: 20_000, ...budgets },
    prices: {},
  };
}

export type Scripts = { triage: ScriptedTurn[]; investigation?: ScriptedTurn[]; report?: ScriptedTurn[] };

/**
 * The LLM stage wired for a test: scripted models per stage, the real agent on the simulated
 * `crash-loop-dependency` cluster, and the deterministic context collected through it.
 */
export async function startEnricherHarness() {
  const agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
  const transport = createInProcessTransport(agent.executor);
  const context: EnrichContext = await inventoryCrashContext(transport);

  /** The reads the models made (the collector's are not counted). */
  const llmReads = () => agent.audit.entries.filter((e) => e.requestedBy?.user === LLM_REQUESTER);

  function run(scripts: Scripts, budgets?: Partial<LlmBudgets>) {
    const models = {
      triage: new ScriptedModel(scripts.triage, { modelId: 'gpt-4o-mini' }),
      investigation: new ScriptedModel(scripts.investigation ?? [], { modelId: 'gpt-4o' }),
      report: new ScriptedModel(scripts.report ?? [], { modelId: 'gpt-4o' }),
    };
    const enrich = createLlmEnricher({ config: config(budgets), models, agentFor: async () => transport });
    return { models, result: enrich(context) };
  }

  return { agent, context, llmReads, run, close: () => agent.close() };
}

/** The LlmStageError a run ended with; fails the test if it ended any other way. */
export async function failure(promise: Promise<unknown>): Promise<LlmStageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmStageError);
  return error as LlmStageError;
}
