import type { Report } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';
import { runAnalyzers } from '../analyzers/index.ts';
import { type Correlation, correlate } from '../correlate/correlate.ts';
import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';
import { buildReport } from '../report/build-report.ts';

/** The deterministic engine's answer for one bundle. */
export interface Diagnosis {
  findings: Finding[];
  correlation: Correlation;
  report: Report;
  /** Analyzers that threw: their findings are missing, the others stand. */
  analyzerErrors: Array<{ analyzer: string; error: unknown }>;
}

/** Analyzers → correlation → report: pure, no I/O, well under a second. */
export function diagnose(bundle: EvidenceBundle, links: Report['links']): Diagnosis {
  const { findings, errors } = runAnalyzers(bundle);
  const correlation = correlate(findings, bundle);
  return {
    findings,
    correlation,
    report: buildReport(correlation, bundle, { links }),
    analyzerErrors: errors,
  };
}
