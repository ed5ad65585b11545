import type { Model } from '@strands-agents/sdk';
import type { Finding } from '../../analyzers/finding.ts';
import type { RunBudget } from '../budget/run-budget.ts';
import { getFindingsTool } from '../tools/get-findings-tool.ts';
import type { OperationRunner } from '../tools/operation-runner.ts';
import { operationTools } from '../tools/operation-tools.ts';
import { runStage } from './run-stage.ts';
import type { TriageDecision } from './triage-agent.ts';

const systemPrompt = (
  maxToolCalls: number,
) => `You are the investigator of OpsWorker, an SRE assistant for Kubernetes.
You have read-only tools: the same operations the in-cluster agent performs (get, list, events, logs, owner chain,
rollout history, describe, nodes, top) and the deterministic findings. You cannot change the cluster.
Find the root cause: follow symptoms to their cause (a failing readiness probe to the dependency that is down, a
crash loop to the log line and the change that started it). Prefer direct evidence. You have at most
${maxToolCalls} tool calls: plan them, and do not repeat a read.
Finish with a short plain-text conclusion: the root cause and the resource where it lives, the evidence ids that
show it (op-N for your reads, ev_... for collected evidence), what is affected, and what a human should do.`;

/** The middle stage: reads the cluster through the agent's operations and writes its conclusion. */
export async function runInvestigator(
  model: Model,
  input: { brief: string; triage: TriageDecision; findings: readonly Finding[]; runner: OperationRunner },
  budget: RunBudget,
): Promise<string> {
  const focus = input.triage.focus.length ? `\nLook first at: ${input.triage.focus.join('; ')}` : '';
  const prompt = `${input.brief}\n\n## Why triage sent this to you\n${input.triage.reason}${focus}`;
  const result = await runStage(
    {
      stage: 'investigation',
      model,
      systemPrompt: systemPrompt(budget.budgets.maxToolCalls),
      tools: [...operationTools(input.runner), getFindingsTool(input.findings)],
    },
    prompt,
    budget,
  );
  return result.toString().trim();
}
