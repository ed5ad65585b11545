import type { AgentTransport, Investigation } from '@opsworker/shared';
import type { Model } from '@strands-agents/sdk';
import type { LlmConfig } from './llm-config.ts';
import type { Enricher } from './llm-enricher.ts';

/** Everything the optional LLM stage gives a deployable: the worker's hook and the chat's model. */
export interface LlmStageParts {
  enrich: Enricher;
  /** Follow-up questions use the investigation stage's model: they need the same tool skills. */
  answerer: { config: LlmConfig; model: Model };
}

/**
 * Builds the LLM stage from the configuration; undefined when no model is configured. The
 * Strands SDK is loaded only then: importing it costs about 0.7 s, which a server without a
 * model should not pay at every start.
 */
export async function createLlmStage(
  config: LlmConfig | undefined,
  agentFor: (investigation: Investigation) => Promise<AgentTransport>,
): Promise<LlmStageParts | undefined> {
  if (!config) return undefined;
  const [{ createLlmEnricher }, { createStageModels }] = await Promise.all([
    import('./llm-enricher.ts'),
    import('./stage-models.ts'),
  ]);
  const models = await createStageModels(config);
  return {
    enrich: createLlmEnricher({ config, models, agentFor }),
    answerer: { config, model: models.investigation },
  };
}
