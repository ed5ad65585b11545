import type { Model } from '@strands-agents/sdk';
import type { RunBudget } from '../budget/run-budget.ts';
import { LlmStageError } from '../llm-errors.ts';
import type { CatalogEntry } from '../report/evidence-catalog.ts';
import { ReporterOutput } from '../report/reporter-output.ts';
import { runStage } from './run-stage.ts';

const SYSTEM_PROMPT = `You are the reporter of OpsWorker, an SRE assistant for Kubernetes. Write the final report of an
investigation for the on-call engineer from the deterministic result and the investigator's conclusion.
Rules: conclusion first; the root cause is the cause, not the symptom (blame the dependency that is down, the
rollout that started the crash); use the real names and numbers; cite evidence only by the ids listed, quoting
the telling lines exactly; confidence is high only on direct evidence; next steps are for a human to run, read-only
checks first, then the fix. When the investigator found nothing to add, keep the deterministic conclusion.
Answer only through the structured output tool.`;

/** The last stage: the report, in the shared shape, through Strands' structured output. */
export async function runReporter(
  model: Model,
  input: { brief: string; notes: string | undefined; catalog: ReadonlyMap<string, CatalogEntry> },
  budget: RunBudget,
): Promise<ReporterOutput> {
  const citable = [...input.catalog.values()].map((e) => `${e.id}: ${e.title}`).join('\n');
  const prompt = [
    input.brief,
    `## Investigator's conclusion\n${input.notes || 'No deeper investigation was run.'}`,
    `## Evidence ids you may cite\n${citable || 'none'}`,
  ].join('\n\n');
  const result = await runStage(
    { stage: 'report', model, systemPrompt: SYSTEM_PROMPT, structuredOutputSchema: ReporterOutput },
    prompt,
    budget,
  );
  const output = ReporterOutput.safeParse(result.structuredOutput);
  if (!output.success) throw new LlmStageError('output', 'the reporter returned no report');
  return output.data;
}
