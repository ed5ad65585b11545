import type { Investigation, LlmUsage } from '@opsworker/shared';
import type { OperationRunner } from '../../engine/llm/tools/operation-runner.ts';
import type { ClassifiedQuestion } from '../intent/classify-intent.ts';

/** An answer to a follow-up question, before it is stored as a ChatMessage. */
export interface Answer {
  /** Concise markdown, commands in code blocks. */
  text: string;
  /** `model:<id>` or `intent-router:<intent>`. */
  answeredBy: string;
  evidenceIds: string[];
  /** Tokens and cost, when a model answered. */
  usage?: LlmUsage;
}

/** What a deterministic answer is made from. `runner` is absent when no agent is connected. */
export interface RouterContext {
  investigation: Investigation;
  text: string;
  question: ClassifiedQuestion;
  runner: OperationRunner | undefined;
  now: number;
}

/** One intent's answer; the router adds who answered. */
export type IntentAnswer = (context: RouterContext) => Promise<Omit<Answer, 'answeredBy'>>;

/** Said when a question needs the cluster and no agent is connected. */
export function noAgentAnswer(what: string, command: string): Omit<Answer, 'answeredBy'> {
  return {
    text: `I can't reach this cluster's agent right now, so I can't read ${what}. You can run it yourself:\n\n\`\`\`sh\n${command}\n\`\`\``,
    evidenceIds: [],
  };
}
