import type { EvidenceBundle } from '@opsworker/cloud/engine/evidence/evidence-bundle.ts';
import { type Diagnosis, diagnose } from '@opsworker/cloud/engine/worker/diagnose.ts';
import type { Report } from '@opsworker/shared';

/**
 * The worker's deterministic diagnosis, strict for tests: an analyzer that throws on a corpus
 * bundle is a bug to see, not a finding to lose quietly.
 */
export function runDeterministicEngine(bundle: EvidenceBundle, links: Report['links'] = []): Diagnosis {
  const diagnosis = diagnose(bundle, links);
  const failed = diagnosis.analyzerErrors;
  if (failed.length) {
    throw new AggregateError(
      failed.map((e) => e.error),
      `analyzers failed: ${failed.map((e) => e.analyzer).join(', ')}`,
    );
  }
  return diagnosis;
}

/** All the text of a report a human reads, for checking that facts appear in it. */
export function reportText(report: Report): string {
  return [
    report.summary,
    report.rootCause.statement,
    report.impact ?? '',
    ...report.evidence.map((e) => `${e.title} ${e.excerpt}`),
    ...report.nextSteps.map((s) => `${s.description} ${s.command ?? ''}`),
    ...report.contributingFactors,
  ].join('\n');
}
