import type { LlmStage, LlmStageUsage, LlmUsage } from '@opsworker/shared';
import type { LlmProvider } from '../llm-config.ts';
import { costOf, type ModelPrice, priceOf } from '../model-prices.ts';

/** Rounded to a millionth of a dollar: cheap models cost fractions of a cent per call. */
const roundUsd = (usd: number) => Math.round(usd * 1_000_000) / 1_000_000;

/**
 * The tokens every stage of one run used, as the models reported them, and their estimated
 * cost. Stages that ran more than once (a retried model) add up.
 */
export class UsageLedger {
  readonly #provider: LlmProvider;
  readonly #prices: Readonly<Record<string, ModelPrice>>;
  readonly #stages: LlmStageUsage[] = [];
  toolCalls = 0;

  constructor(provider: LlmProvider, prices: Readonly<Record<string, ModelPrice>>) {
    this.#provider = provider;
    this.#prices = prices;
  }

  record(stage: LlmStage, model: string, inputTokens: number, outputTokens: number): void {
    if (inputTokens === 0 && outputTokens === 0) return;
    const existing = this.#stages.find((s) => s.stage === stage && s.model === model);
    const entry = existing ?? { stage, model, inputTokens: 0, outputTokens: 0 };
    entry.inputTokens += inputTokens;
    entry.outputTokens += outputTokens;
    const price = priceOf(model, this.#prices);
    if (price) entry.estimatedCostUsd = roundUsd(costOf(price, entry.inputTokens, entry.outputTokens));
    if (!existing) this.#stages.push(entry);
  }

  get totalTokens(): number {
    return this.#stages.reduce((sum, s) => sum + s.inputTokens + s.outputTokens, 0);
  }

  /** The run's usage with its outcome, in the shape the investigation stores. */
  summary(outcome: LlmUsage['outcome'], failure?: string): LlmUsage {
    const stages = this.#stages.map((s) => ({ ...s }));
    const inputTokens = stages.reduce((sum, s) => sum + s.inputTokens, 0);
    const outputTokens = stages.reduce((sum, s) => sum + s.outputTokens, 0);
    return {
      provider: this.#provider,
      outcome,
      ...(failure ? { failure } : {}),
      stages,
      inputTokens,
      outputTokens,
      totalTokens: inputTokens + outputTokens,
      toolCalls: this.toolCalls,
      estimatedCostUsd: roundUsd(stages.reduce((sum, s) => sum + (s.estimatedCostUsd ?? 0), 0)),
      costComplete: stages.every((s) => s.estimatedCostUsd !== undefined),
    };
  }
}
