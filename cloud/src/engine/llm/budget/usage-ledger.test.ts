import { describe, expect, it } from 'vitest';
import { UsageLedger } from './usage-ledger.ts';

describe('UsageLedger', () => {
  it('prices Bedrock ids with region prefixes and version suffixes from the list', () => {
    const ledger = new UsageLedger('bedrock', {});
    ledger.record('triage', 'us.anthropic.claude-3-5-haiku-20241022-v1:0', 10_000, 1_000);
    ledger.record('report', 'eu.anthropic.claude-sonnet-4-20250514-v1:0', 10_000, 1_000);
    expect(ledger.summary('enriched')).toMatchObject({
      stages: [
        { stage: 'triage', estimatedCostUsd: 0.012 },
        { stage: 'report', estimatedCostUsd: 0.045 },
      ],
      totalTokens: 22_000,
      estimatedCostUsd: 0.057,
      costComplete: true,
    });
  });

  it('adds up a stage that ran twice, and prefers the configured price over the list', () => {
    const ledger = new UsageLedger('openai', { 'gpt-4o': { input: 0.001, output: 0.001 } });
    ledger.record('investigation', 'gpt-4o', 1_000, 500);
    ledger.record('investigation', 'gpt-4o', 1_000, 500);
    expect(ledger.summary('enriched').stages).toEqual([
      {
        stage: 'investigation',
        model: 'gpt-4o',
        inputTokens: 2_000,
        outputTokens: 1_000,
        estimatedCostUsd: 0.003,
      },
    ]);
  });

  it('says the estimate is incomplete when a model has no known price (a self-hosted model)', () => {
    const ledger = new UsageLedger('openai-compatible', {});
    ledger.record('triage', 'gpt-4o-mini', 1_000, 0);
    ledger.record('report', 'llama3.1:70b', 5_000, 800);
    const usage = ledger.summary(
      'failed',
      'The AI analysis ran out of time; the deterministic report stands.',
    );
    expect(usage.stages[1]).not.toHaveProperty('estimatedCostUsd');
    expect(usage).toMatchObject({
      outcome: 'failed',
      failure: 'The AI analysis ran out of time; the deterministic report stands.',
      estimatedCostUsd: 0.00015,
      costComplete: false,
    });
  });
});
