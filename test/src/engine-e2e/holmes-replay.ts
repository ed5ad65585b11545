import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readLlmConfig } from '@opsworker/cloud/engine/llm/llm-config.ts';
import { createLlmStage } from '@opsworker/cloud/engine/llm/llm-stage.ts';
import { diagnose } from '@opsworker/cloud/engine/worker/diagnose.ts';
import { type AgentTransport, type Investigation, OpsWorkerError } from '@opsworker/shared';
import { HOLMES_CORPUS_DIR, type HolmesCase, loadHolmesCases } from './holmes/holmes-case.ts';
import { answerStates } from './holmes/holmes-judge.ts';
import { holmesTransport } from './holmes/holmes-transport.ts';
import { reportText } from './score-scenario.ts';

function investigationFor(index: number, holmes: HolmesCase): Investigation {
  const now = new Date().toISOString();
  return {
    id: `inv_holmes${String(index).padStart(3, '0')}`,
    orgId: 'holmes',
    status: 'running',
    title: holmes.question.slice(0, 500),
    severity: 'warning',
    scope: holmes.scope,
    trigger: { type: 'manual', requestedBy: 'holmes-replay' },
    question: holmes.question.slice(0, 2000),
    alertIds: [],
    groupKey: `holmes/${holmes.name}`,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Replays the mocked HolmesGPT cases through the LLM stage: each question goes to the enricher
 * as a manual investigation whose cluster answers from the case's recordings, and the final
 * report is judged against what the case expects. Returns the lines to print; one line saying
 * why when it is skipped (no model configured, no corpus).
 */
export async function replayHolmesCases(
  env: Record<string, string | undefined>,
  corpusDir = HOLMES_CORPUS_DIR,
): Promise<string> {
  const read = readLlmConfig(env);
  if (!read.ok)
    return `HolmesGPT replay skipped: the LLM configuration is invalid (${read.problems.join('; ')}).`;
  if (!read.config)
    return 'HolmesGPT replay skipped: no model is configured (OPSWORKER_LLM_PROVIDER is unset). Set it and the model settings to replay the mocked HolmesGPT cases through the LLM stage.';
  if (!existsSync(join(corpusDir, 'INDEX.json')))
    return `HolmesGPT replay skipped: no corpus at ${corpusDir}.`;

  const cases = await loadHolmesCases(corpusDir);
  const transports = new Map<string, AgentTransport>();
  const stage = await createLlmStage(read.config, async (investigation) => {
    const transport = transports.get(investigation.id);
    if (!transport) throw new Error(`no recordings for ${investigation.id}`);
    return transport;
  });
  if (!stage) return 'HolmesGPT replay skipped: the LLM stage could not be built.';
  const lines: string[] = [];
  let right = 0;
  for (const [index, holmes] of cases.entries()) {
    const investigation = investigationFor(index, holmes);
    transports.set(investigation.id, holmesTransport(holmes.mocks));
    const bundle = {
      scope: holmes.scope,
      question: holmes.question,
      objects: [],
      events: [],
      logs: [],
      evidence: [],
      collectedAt: new Date().toISOString(),
    };
    const { findings, report } = diagnose(bundle, []);
    const started = performance.now();
    try {
      const enriched = await stage.enrich({ investigation, bundle, findings, report });
      const answer = reportText(enriched.report);
      const missed = holmes.expected.filter((expected) => !answerStates(answer, expected));
      if (missed.length === 0) right++;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      lines.push(
        `${missed.length ? '✗' : '✓'} ${holmes.name} (${seconds} s, ${enriched.usage.totalTokens} tokens)${missed.length ? `: did not say "${missed[0]}"` : ''}`,
      );
    } catch (error) {
      lines.push(`✗ ${holmes.name}: ${error instanceof OpsWorkerError ? error.userMessage : String(error)}`);
    }
  }
  const model = read.config.models.investigation;
  return [
    ...lines,
    `HolmesGPT replay (LLM stage, ${read.config.connection.provider} ${model}): ${right}/${cases.length} cases right (approximate judge)`,
  ].join('\n');
}
