import type { Alert, Investigation, LlmUsage, Report } from '@opsworker/shared';
import { LlmUsage as LlmUsageSchema, OpsWorkerError } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';
import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';

/** What the optional enrichment stage (the LLM agents) is handed: the deterministic result. */
export interface EnrichContext {
  investigation: Investigation;
  bundle: EvidenceBundle;
  findings: Finding[];
  report: Report;
  alerts?: Alert[];
}

/** A better report, and what it cost. `undefined` keeps the deterministic report. */
export type EnrichResult = { report: Report; usage?: LlmUsage } | undefined;

/**
 * The worker's seam for the LLM stage. Throwing keeps the deterministic report; an error that
 * carries `usage` (what was spent before failing) has it recorded all the same.
 */
export type Enrich = (context: EnrichContext) => Promise<EnrichResult>;

/** How an enrichment went: the report to store, its usage, and, on failure, why in a user's words. */
export interface EnrichOutcome {
  report: Report;
  usage?: LlmUsage;
  failure?: string;
  error?: unknown;
}

/** Runs the enrichment; any failure falls back to the deterministic report. */
export async function runEnrich(enrich: Enrich, context: EnrichContext): Promise<EnrichOutcome> {
  try {
    const result = await enrich(context);
    if (!result) return { report: context.report };
    return { report: result.report, ...(result.usage ? { usage: result.usage } : {}) };
  } catch (error) {
    const usage = LlmUsageSchema.safeParse((error as { usage?: unknown } | null)?.usage);
    const failure =
      error instanceof OpsWorkerError
        ? error.userMessage
        : 'The AI analysis failed unexpectedly; the deterministic report stands.';
    return { report: context.report, ...(usage.success ? { usage: usage.data } : {}), failure, error };
  }
}
