import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cacheEvents,
  dependencyReport,
  failure,
  needsWork,
  readCache,
  readLogs,
  startEnricherHarness,
} from './enricher-harness.ts';

describe('the LLM stage within its budgets', () => {
  let harness: Awaited<ReturnType<typeof startEnricherHarness>>;

  beforeAll(async () => {
    harness = await startEnricherHarness();
  });
  afterAll(() => harness.close());

  const llmReads = () => harness.llmReads();
  const run: typeof harness.run = (scripts, budgets) => harness.run(scripts, budgets);

  it('cancels tool calls past the budget and lets the model conclude with what it has', async () => {
    const before = llmReads().length;
    const { models, result } = run(
      {
        triage: [needsWork],
        investigation: [{ tools: [readLogs, readCache] }, { text: 'The cache seems down.' }],
        report: [{ structured: dependencyReport }],
      },
      { maxToolCalls: 1 },
    );
    const outcome = await result;
    expect(llmReads().length - before).toBe(1);
    expect(models.investigation.requests[1]?.toolResults.join('')).toContain(
      'tool-call budget (1) is used up',
    );
    expect(outcome.usage).toMatchObject({ outcome: 'enriched', toolCalls: 1 });
  });

  describe('when the stage fails, the error says the deterministic report stands and carries the usage', () => {
    it('stops a model that keeps calling tools past the budget', async () => {
      const before = llmReads().length;
      const { result } = run(
        {
          triage: [needsWork],
          investigation: [{ tools: [readLogs, cacheEvents] }, { tools: [readCache] }, { tools: [readCache] }],
        },
        { maxToolCalls: 2 },
      );
      const error = await failure(result);
      expect(error.reason).toBe('tool_budget');
      expect(error.userMessage).toBe(
        'The AI analysis used up its tool-call budget; the deterministic report stands.',
      );
      expect(error.usage).toMatchObject({ outcome: 'failed', toolCalls: 2, failure: error.userMessage });
      expect(error.usage?.stages.map((s) => s.stage)).toEqual(['triage', 'investigation']);
      expect(llmReads().length - before).toBe(2);
    });

    it('stops when the token budget is spent', async () => {
      const { result } = run(
        {
          triage: [{ ...needsWork, usage: { inputTokens: 500, outputTokens: 100 } }],
          investigation: [
            { tools: [readLogs], usage: { inputTokens: 600, outputTokens: 0 } },
            { text: 'never reached' },
          ],
        },
        { maxTokens: 1000 },
      );
      const error = await failure(result);
      expect(error.reason).toBe('token_budget');
      expect(error.usage?.totalTokens).toBe(1200);
    });

    it('stops at the wall-clock deadline', async () => {
      const started = Date.now();
      const { result } = run({ triage: [needsWork], investigation: [{ hang: true }] }, { timeoutMs: 300 });
      const error = await failure(result);
      expect(error.reason).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('turns a provider error into a failure a user may read, without the provider’s text', async () => {
      const { result } = run({
        triage: [
          { error: new Error('503 Service Unavailable: upstream connect error, api key sk-live-xyz') },
        ],
      });
      const error = await failure(result);
      expect(error.reason).toBe('model');
      expect(error.userMessage).not.toMatch(/503|sk-live/);
      expect(error.usage).toMatchObject({ outcome: 'failed', totalTokens: 0 });
    });
  });
});
