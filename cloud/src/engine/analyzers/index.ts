import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';
import { badRollout } from './bad-rollout.ts';
import { crashLoop } from './crash-loop.ts';
import { dnsResolution } from './dns-resolution.ts';
import type { Analyzer, Finding } from './finding.ts';
import { hpaAtMax } from './hpa-at-max.ts';
import { imagePull } from './image-pull.ts';
import { initContainer } from './init-container.ts';
import { jobFailed } from './job-failed.ts';
import { livenessProbe } from './liveness-probe.ts';
import { missingConfigReference } from './missing-config-reference.ts';
import { networkError } from './network-error.ts';
import { noProblem } from './no-problem.ts';
import { nodeCondition } from './node-condition.ts';
import { oomKilled } from './oom-killed.ts';
import { pvcPending } from './pvc-pending.ts';
import { quotaExceeded } from './quota-exceeded.ts';
import { readinessProbe } from './readiness-probe.ts';
import { serviceNoEndpoints } from './service-no-endpoints.ts';
import { unschedulable } from './unschedulable.ts';

export type { Analyzer, Finding, FindingEvidence } from './finding.ts';

/** Every deterministic analyzer, in one plain list: adding one means adding a line here. */
export const ANALYZERS: readonly Analyzer[] = [
  oomKilled,
  crashLoop,
  imagePull,
  missingConfigReference,
  unschedulable,
  pvcPending,
  readinessProbe,
  livenessProbe,
  nodeCondition,
  jobFailed,
  badRollout,
  serviceNoEndpoints,
  hpaAtMax,
  quotaExceeded,
  initContainer,
  dnsResolution,
  networkError,
  noProblem,
];

/** What the analyzers concluded, and which of them threw (so the caller can log it). */
export interface AnalyzerRun {
  findings: Finding[];
  errors: Array<{ analyzer: string; error: unknown }>;
}

/** Runs every analyzer over the bundle; one analyzer failing on odd input costs only its own findings. */
export function runAnalyzers(
  bundle: EvidenceBundle,
  analyzers: readonly Analyzer[] = ANALYZERS,
): AnalyzerRun {
  const run: AnalyzerRun = { findings: [], errors: [] };
  for (const analyzer of analyzers) {
    try {
      run.findings.push(...analyzer.analyze(bundle));
    } catch (error) {
      run.errors.push({ analyzer: analyzer.name, error });
    }
  }
  return run;
}
