import type { AgentTransport, Investigation, LlmUsage, Report } from '@opsworker/shared';
import type { EnrichContext } from '../worker/enrich.ts';
import { runInvestigator } from './agents/investigator-agent.ts';
import { runReporter } from './agents/reporter-agent.ts';
import { runTriage } from './agents/triage-agent.ts';
import { RunBudget } from './budget/run-budget.ts';
import { UsageLedger } from './budget/usage-ledger.ts';
import { investigationBrief } from './context/investigation-brief.ts';
import type { LlmConfig } from './llm-config.ts';
import { asLlmStageError } from './llm-errors.ts';
import { evidenceCatalog } from './report/evidence-catalog.ts';
import { toReport } from './report/to-report.ts';
import type { StageModelSet } from './stage-models.ts';
import { OperationRunner } from './tools/operation-runner.ts';

export interface LlmEnricherDeps {
  config: LlmConfig;
  models: StageModelSet;
  /** The agent of the investigation's cluster (the worker's `agentFor`). */
  agentFor: (investigation: Investigation) => Promise<AgentTransport>;
  now?: () => number;
}

/** What the worker stores: the report to publish and what the LLM stage cost. */
export interface LlmEnrichment {
  report: Report;
  usage: LlmUsage;
}

/**
 * The worker's optional `enrich` hook. Throws LlmStageError (with `usage`) when the
 * deterministic report must stand.
 */
export type Enricher = (context: EnrichContext) => Promise<LlmEnrichment>;

/** Who the agent's audit log names for reads the models make. */
export const LLM_REQUESTER = 'opsworker-llm';

/**
 * The LLM stage of an investigation, run after the deterministic report: triage (is the report
 * enough?), then an investigator with the agent's read-only operations as tools, then a reporter
 * whose structured output becomes the new Report. One budget (tool calls, tokens, wall time)
 * covers all three; on any failure the error carries the usage so far and the worker keeps the
 * deterministic report.
 */
export function createLlmEnricher(deps: LlmEnricherDeps): Enricher {
  const { config, models } = deps;
  return async (context) => {
    const ledger = new UsageLedger(config.connection.provider, config.prices);
    const budget = new RunBudget(config.budgets, ledger);
    try {
      const brief = investigationBrief(context);
      const triage = await runTriage(models.triage, brief, budget);
      if (!triage.needsInvestigation) return { report: context.report, usage: ledger.summary('kept') };

      const { investigation } = context;
      const runner = new OperationRunner({
        transport: await deps.agentFor(investigation),
        requester: { orgId: investigation.orgId, investigationId: investigation.id, user: LLM_REQUESTER },
        signal: budget.signal,
      });
      const notes = await runInvestigator(
        models.investigation,
        { brief, triage, findings: context.findings, runner },
        budget,
      );
      const catalog = evidenceCatalog(context, runner.results, deps.now?.());
      const output = await runReporter(models.report, { brief, notes, catalog }, budget);
      return { report: toReport(output, catalog, context.report), usage: ledger.summary('enriched') };
    } catch (error) {
      const failure = asLlmStageError(error);
      failure.usage = ledger.summary('failed', failure.userMessage);
      throw failure;
    } finally {
      budget.dispose();
    }
  };
}
