import { type LlmUsage, OpsWorkerError } from '@opsworker/shared';

/** Why the LLM stage gave up: a budget ran out, the wall clock did, the model failed or answered nonsense. */
export type LlmFailureReason = 'tool_budget' | 'token_budget' | 'timeout' | 'model' | 'output';

const USER_MESSAGES: Record<LlmFailureReason, string> = {
  tool_budget: 'The AI analysis used up its tool-call budget; the deterministic report stands.',
  token_budget: 'The AI analysis used up its token budget; the deterministic report stands.',
  timeout: 'The AI analysis ran out of time; the deterministic report stands.',
  model: 'The AI model could not be reached or failed; the deterministic report stands.',
  output: 'The AI model did not produce a usable report; the deterministic report stands.',
};

/**
 * The LLM stage failed: the caller keeps the deterministic result. Carries what was spent
 * before the failure (`usage`, outcome `failed`) so the cost is recorded either way. The raw
 * cause (a provider's error text) goes to the log, never to a user.
 */
export class LlmStageError extends OpsWorkerError {
  override name = 'LlmStageError';
  readonly reason: LlmFailureReason;
  usage: LlmUsage | undefined;

  constructor(
    reason: LlmFailureReason,
    message: string,
    options: { cause?: unknown; usage?: LlmUsage } = {},
  ) {
    super(message, { cause: options.cause, userMessage: USER_MESSAGES[reason] });
    this.reason = reason;
    this.usage = options.usage;
  }
}

/** Any error as an LlmStageError: ours keep their reason, anything else counts as a model failure. */
export function asLlmStageError(error: unknown): LlmStageError {
  if (error instanceof LlmStageError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new LlmStageError('model', `the model call failed: ${text}`, { cause: error });
}
