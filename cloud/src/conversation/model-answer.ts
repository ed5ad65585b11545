import { redactText } from '@opsworker/agent/redaction/redact-text.ts';
import type { AgentTransport, ChatMessage, Investigation, Requester } from '@opsworker/shared';
import type { Model } from '@strands-agents/sdk';
import { runStage } from '../engine/llm/agents/run-stage.ts';
import { RunBudget } from '../engine/llm/budget/run-budget.ts';
import { UsageLedger } from '../engine/llm/budget/usage-ledger.ts';
import { describeReport } from '../engine/llm/context/describe-report.ts';
import type { LlmConfig } from '../engine/llm/llm-config.ts';
import { asLlmStageError } from '../engine/llm/llm-errors.ts';
import { OperationRunner } from '../engine/llm/tools/operation-runner.ts';
import { operationTools } from '../engine/llm/tools/operation-tools.ts';
import type { Answer } from './answers/answer.ts';
import { capAnswer } from './markdown.ts';

/** Turns of earlier conversation a model sees, and how much of each. */
const HISTORY_TURNS = 10;
const HISTORY_CHARS = 1500;

const SYSTEM_PROMPT = `You are OpsWorker, an SRE assistant answering follow-up questions about one Kubernetes investigation.
You have the investigation's report and read-only tools (get, list, events, logs, owner chain, rollout history,
describe, nodes, top); you cannot change the cluster. Read the cluster when the question needs fresh facts.
Answer in concise markdown: the answer first, then the evidence. Put commands in \`\`\`sh code blocks; they are for a
human to run. Quote at most 20 lines of output. Say plainly when you do not know.`;

/** The investigation, the recent conversation and the question, as the model's prompt (redacted). */
function promptFor(
  investigation: Investigation,
  findings: string[],
  history: ChatMessage[],
  question: string,
): string {
  const scope = investigation.scope;
  const sections = [
    `# Investigation ${investigation.id}: ${investigation.title}`,
    `Status ${investigation.status}${investigation.outcome ? `, outcome ${investigation.outcome}` : ''}. Cluster ${scope.cluster ?? 'unknown'}, namespace ${scope.namespace ?? 'unknown'}, object ${scope.kind ?? '?'}/${scope.name ?? '?'}.`,
    investigation.report
      ? `## Report\n${describeReport(investigation.report)}`
      : '## Report\nNot written yet.',
    findings.length ? `## Findings\n${findings.join('\n')}` : '',
    history.length
      ? `## Conversation so far\n${history
          .slice(-HISTORY_TURNS)
          .map(
            (m) =>
              `${m.role === 'user' ? `User${m.author ? ` (${m.author})` : ''}` : 'OpsWorker'}: ${m.text.slice(0, HISTORY_CHARS)}`,
          )
          .join('\n\n')}`
      : '',
    `## Question\n${question}`,
  ];
  return redactText(sections.filter(Boolean).join('\n\n'));
}

/**
 * A model's answer to a follow-up question, with the agent's operations as tools, within the
 * configured budgets. Throws LlmStageError (with usage) on any failure; the caller falls back
 * to the deterministic router.
 */
export async function modelAnswer(
  deps: { config: LlmConfig; model: Model },
  input: {
    investigation: Investigation;
    findings: string[];
    history: ChatMessage[];
    question: string;
    /** Absent when no agent is connected: the model answers from the report alone. */
    transport: AgentTransport | undefined;
    requester: Requester;
  },
): Promise<Answer> {
  const ledger = new UsageLedger(deps.config.connection.provider, deps.config.prices);
  const budget = new RunBudget(deps.config.budgets, ledger);
  const runner =
    input.transport &&
    new OperationRunner({ transport: input.transport, requester: input.requester, signal: budget.signal });
  try {
    const result = await runStage(
      {
        stage: 'conversation',
        model: deps.model,
        systemPrompt: SYSTEM_PROMPT,
        ...(runner ? { tools: operationTools(runner) } : {}),
      },
      promptFor(input.investigation, input.findings, input.history, input.question),
      budget,
    );
    const text = result.toString().trim();
    return {
      // The model saw redacted text only; redacting its answer guards against anything that slipped by.
      text: capAnswer(redactText(text || 'I have no answer to that.')),
      answeredBy: `model:${deps.model.modelId ?? 'unknown'}`,
      evidenceIds: [],
      usage: ledger.summary('enriched'),
    };
  } catch (error) {
    const failure = asLlmStageError(error);
    failure.usage = ledger.summary('failed', failure.userMessage);
    throw failure;
  } finally {
    budget.dispose();
  }
}
