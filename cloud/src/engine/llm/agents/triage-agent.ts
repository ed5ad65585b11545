import type { Model } from '@strands-agents/sdk';
import { z } from 'zod';
import type { RunBudget } from '../budget/run-budget.ts';
import { LlmStageError } from '../llm-errors.ts';
import { runStage } from './run-stage.ts';

export const TriageDecision = z.object({
  needsInvestigation: z
    .boolean()
    .describe(
      'true when the deterministic report is missing the cause, weakly supported, contradicted by the evidence, or ' +
        'stops at a symptom; false when it is well supported and complete',
    ),
  reason: z.string().min(1).max(600).describe('One or two sentences: why'),
  focus: z
    .array(z.string().min(1).max(200))
    .max(5)
    .default([])
    .describe('What the investigator should look at first (objects, logs, events)'),
});
export type TriageDecision = z.infer<typeof TriageDecision>;

const SYSTEM_PROMPT = `You are the triage stage of OpsWorker, an SRE assistant that investigates Kubernetes alerts read-only.
A deterministic engine has already collected evidence and written a report. Decide whether an investigator with
read-only cluster tools should dig deeper. Say no when the report names a cause backed by direct evidence (a
terminated state, an event, a log line) and its next steps follow from it. Say yes when the cause is unknown or
low-confidence, the report describes a symptom rather than its cause, or the evidence contradicts it.
Be brief. Answer only through the structured output tool.`;

/** The cheap first stage: is the deterministic result enough, and if not, where to look. */
export async function runTriage(model: Model, brief: string, budget: RunBudget): Promise<TriageDecision> {
  const result = await runStage(
    { stage: 'triage', model, systemPrompt: SYSTEM_PROMPT, structuredOutputSchema: TriageDecision },
    brief,
    budget,
  );
  const decision = TriageDecision.safeParse(result.structuredOutput);
  if (!decision.success) throw new LlmStageError('output', 'triage returned no decision');
  return decision.data;
}
