import type { Confidence, NextStep } from '@opsworker/shared';
import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';

/** An excerpt of evidence that supports a finding: what a human reads, and where it came from. */
export interface FindingEvidence {
  evidenceId: string;
  excerpt: string;
}

/**
 * What one analyzer concluded. `category` uses the shared vocabulary (oom_killed,
 * crash_loop_dependency, bad_rollout, ..., see ROOT_CAUSE_CATEGORIES).
 */
export interface Finding {
  analyzer: string;
  category: string;
  /** One sentence, conclusion first, with the real names and numbers. */
  statement: string;
  /** High only on direct evidence (a terminated state, an event, a log line that says so). */
  confidence: Confidence;
  /** `deployment/checkout`: the object where the cause lives (kubectl style, lower-case kind). */
  resource: string;
  namespace?: string;
  evidence: FindingEvidence[];
  /** Short facts a correct report mentions ("exit code 137", "limit 256Mi"). */
  facts: string[];
  /** For a human to run; OpsWorker never runs them. */
  nextSteps: NextStep[];
  /**
   * A symptom points at its cause: a readiness failure caused by a database that is down says
   * `causedBy: 'statefulset/cart-db'`; correlation then prefers the finding about that resource.
   */
  causedBy?: string;
  /**
   * The other side of `causedBy`, for a cause that knows what it breaks: a NetworkPolicy that
   * blocks egress says `affects: ['job/sync-123']`, a node under pressure names the workloads
   * whose pods it evicted. Correlation treats findings about these resources as its symptoms.
   */
  affects?: string[];
  /** What is affected, in words ("3 of 3 replicas of checkout are not ready"). */
  impact?: string;
}

/** A pure function over the evidence: no I/O, no clock (use `bundle.collectedAt`). */
export interface Analyzer {
  name: string;
  analyze(bundle: EvidenceBundle): Finding[];
}
