import type { Model } from '@strands-agents/sdk';
import { createModel } from './create-model.ts';
import type { LlmConfig } from './llm-config.ts';

/** One model per investigation stage (often the same model; triage may be a cheaper one). */
export interface StageModelSet {
  triage: Model;
  investigation: Model;
  report: Model;
}

/** Builds each stage's model from the configuration. */
export async function createStageModels(config: LlmConfig): Promise<StageModelSet> {
  const [triage, investigation, report] = await Promise.all([
    createModel(config.connection, config.models.triage),
    createModel(config.connection, config.models.investigation),
    createModel(config.connection, config.models.report),
  ]);
  return { triage, investigation, report };
}
