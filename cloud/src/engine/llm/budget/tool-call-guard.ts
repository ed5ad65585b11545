import { type Agent, BeforeModelCallEvent, BeforeToolCallEvent } from '@strands-agents/sdk';
import type { RunBudget } from './run-budget.ts';

/** Strands' own tool that carries structured output: the final answer, never an extra read. */
const STRUCTURED_OUTPUT_TOOL = 'strands_structured_output';

/**
 * Enforces the tool-call budget on an agent. Calls past the budget are cancelled with a note
 * telling the model to conclude; a model that asks for more tools on a later turn anyway has
 * ignored it, and the run stops as over budget.
 */
export function guardToolCalls(agent: Agent, budget: RunBudget): void {
  let turn = 0;
  let firstRefusalTurn: number | undefined;
  agent.addHook(BeforeModelCallEvent, () => {
    turn++;
  });
  agent.addHook(BeforeToolCallEvent, (event) => {
    if (event.toolUse.name === STRUCTURED_OUTPUT_TOOL || budget.takeToolCall()) return;
    event.cancel = `The tool-call budget (${budget.budgets.maxToolCalls}) is used up. Do not call tools again: conclude with what you have.`;
    if (firstRefusalTurn === undefined) firstRefusalTurn = turn;
    else if (turn > firstRefusalTurn) budget.stop('tool_budget');
  });
}
