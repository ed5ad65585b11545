import type { LlmStage } from '@opsworker/shared';
import { Agent, type AgentResult, type Model, StructuredOutputError, type Tool } from '@strands-agents/sdk';
import type { z } from 'zod';
import type { RunBudget } from '../budget/run-budget.ts';
import { guardToolCalls } from '../budget/tool-call-guard.ts';
import { asLlmStageError, LlmStageError } from '../llm-errors.ts';

export interface StageSpec {
  stage: LlmStage;
  model: Model;
  systemPrompt: string;
  tools?: Tool[];
  structuredOutputSchema?: z.ZodType;
}

/**
 * Runs one stage as a Strands agent within the run's budget: the deadline and tool-call guard
 * cancel it, the remaining token budget caps it, and what it used is recorded in the ledger
 * whether it succeeds or not. Any failure comes out as an LlmStageError.
 */
export async function runStage(spec: StageSpec, prompt: string, budget: RunBudget): Promise<AgentResult> {
  const over = (reason: LlmStageError['reason'], what: string) =>
    new LlmStageError(reason, `${spec.stage} stage stopped: ${what}`);
  if (budget.signal.aborted) throw over(budget.exceeded ?? 'timeout', 'the run was already stopped');
  if (budget.tokensLeft === 0) throw over('token_budget', 'no tokens left in the budget');

  const agent = new Agent({
    model: spec.model,
    systemPrompt: spec.systemPrompt,
    tools: spec.tools ?? [],
    printer: false,
    // Read-only by construction: no shell or file sandbox for tools to reach.
    sandbox: false,
    ...(spec.structuredOutputSchema ? { structuredOutputSchema: spec.structuredOutputSchema } : {}),
  });
  if (spec.tools?.length) guardToolCalls(agent, budget);
  const modelId = spec.model.modelId ?? 'unknown';
  let result: AgentResult;
  try {
    result = await agent.invoke(prompt, {
      cancelSignal: budget.signal,
      // The budget's tool calls plus a turn to conclude and one for the structured answer.
      limits: { totalTokens: budget.tokensLeft, turns: budget.budgets.maxToolCalls + 3 },
    });
  } catch (error) {
    if (budget.exceeded) throw over(budget.exceeded, 'budget exhausted');
    if (error instanceof StructuredOutputError) {
      throw new LlmStageError('output', `${spec.stage} stage: no valid structured output`, { cause: error });
    }
    throw asLlmStageError(error);
  } finally {
    const usage = agent.metrics.latestAgentInvocation?.usage;
    if (usage) budget.ledger.record(spec.stage, modelId, usage.inputTokens, usage.outputTokens);
  }
  switch (result.stopReason) {
    case 'cancelled':
      throw over(budget.exceeded ?? 'timeout', 'cancelled');
    case 'limitTotalTokens':
      throw over('token_budget', `token budget of ${budget.budgets.maxTokens} reached`);
    case 'limitTurns':
      throw over('tool_budget', 'too many turns');
    default:
      return result;
  }
}
