import type { LlmBudgets } from '../llm-config.ts';
import type { LlmFailureReason } from '../llm-errors.ts';
import type { UsageLedger } from './usage-ledger.ts';

/**
 * The limits of one run (an investigation's LLM stage, or one follow-up answer): a wall-clock
 * deadline as an AbortSignal every model and agent call listens to, a tool-call count, and
 * the token total kept by the ledger.
 */
export class RunBudget {
  readonly budgets: LlmBudgets;
  readonly ledger: UsageLedger;
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  #exceeded: LlmFailureReason | undefined;

  constructor(budgets: LlmBudgets, ledger: UsageLedger) {
    this.budgets = budgets;
    this.ledger = ledger;
    this.#timer = setTimeout(() => this.#abort('timeout'), budgets.timeoutMs);
    // A timer must never keep a process alive that is otherwise shutting down.
    this.#timer.unref();
  }

  /** Aborts at the deadline, or when a budget is exhausted beyond the grace given to the model. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Which limit stopped the run, if one did. */
  get exceeded(): LlmFailureReason | undefined {
    return this.#exceeded;
  }

  get toolCallsLeft(): number {
    return Math.max(0, this.budgets.maxToolCalls - this.ledger.toolCalls);
  }

  get tokensLeft(): number {
    return Math.max(0, this.budgets.maxTokens - this.ledger.totalTokens);
  }

  /** Takes one tool call from the budget; false when none is left. */
  takeToolCall(): boolean {
    if (this.toolCallsLeft === 0) return false;
    this.ledger.toolCalls++;
    return true;
  }

  /** Stops the run for good: every model and agent call in flight sees the abort. */
  stop(reason: LlmFailureReason): void {
    this.#abort(reason);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #abort(reason: LlmFailureReason): void {
    if (this.#controller.signal.aborted) return;
    this.#exceeded = reason;
    this.#controller.abort();
  }
}
