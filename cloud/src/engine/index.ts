/**
 * The investigation engine: from an investigation's scope to a report. Evidence is collected
 * through the agent (`collect/`), diagnosed by the deterministic analyzers, correlation and
 * report builder, optionally enriched by the LLM stage, and run off the queue by the worker
 * (`worker/`).
 */

export type { Finding } from './analyzers/finding.ts';
export { ClusterUnreachableError } from './collect/collect-errors.ts';
export {
  type CollectEvidenceInput,
  type CollectedEvidence,
  type CollectionReporter,
  collectEvidence,
} from './collect/collect-evidence.ts';
export { type CollectionBudget, DEFAULT_COLLECTION_BUDGET } from './collect/collection-budget.ts';
export type { CollectionStats } from './collect/evidence-session.ts';
export type {
  CollectedLog,
  CollectedObject,
  EvidenceBundle,
  EvidenceRecord,
} from './evidence/evidence-bundle.ts';
export { type Diagnosis, diagnose } from './worker/diagnose.ts';
export type { Enrich, EnrichContext, EnrichResult } from './worker/enrich.ts';
export { InvestigationWorker, type InvestigationWorkerDeps } from './worker/investigation-worker.ts';
export {
  createKubeconfigAgent,
  KUBECONFIG_HINT,
  type KubeconfigAgent,
  NoClusterError,
} from './worker/kubeconfig-agent.ts';
export { type InvestigationOutcome, outcomeOf } from './worker/outcome.ts';
