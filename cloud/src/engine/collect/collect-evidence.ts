import type { AgentTransport, Scope } from '@opsworker/shared';
import type { BlobStore } from '../../store/store.ts';
import type { EvidenceBundle, EvidenceRecord } from '../evidence/evidence-bundle.ts';
import { ClusterUnreachableError } from './collect-errors.ts';
import { collectNamespaceContext } from './collect-namespace-context.ts';
import { collectPodDetails, TARGET_POD_LIMITS } from './collect-pod-details.ts';
import { Collection } from './collection.ts';
import type { CollectionBudget } from './collection-budget.ts';
import { type CollectionStats, EvidenceSession } from './evidence-session.ts';
import { followDependencies } from './follow-dependencies.ts';
import { resolveScope } from './scope/resolve-scope.ts';

/** Where a collection tells what it is doing, as it does it. */
export interface CollectionReporter {
  step(message: string): void;
  /** The evidence gathered since the last call, after each phase. */
  evidence(records: EvidenceRecord[]): void;
}

export interface CollectEvidenceInput {
  scope: Scope;
  question?: string;
  transport: AgentTransport;
  blobs: BlobStore;
  orgId: string;
  investigationId: string;
  /** Who asked, for the agent's audit log. */
  user?: string;
  budget?: Partial<CollectionBudget>;
  reporter?: CollectionReporter;
  /** Said after "could not reach the cluster": how to point OpsWorker at one. */
  unreachableHint?: string;
  now?: () => Date;
}

export interface CollectedEvidence {
  bundle: EvidenceBundle;
  stats: CollectionStats;
  /** What the scope named but the cluster did not have, in words. */
  missing: string[];
  /** Services followed from the failing pods, as `namespace/name`. */
  dependencies: string[];
}

const DEFAULT_HINT =
  'Check that the cluster is up and that OpsWorker is pointed at it, then re-run the investigation.';

/**
 * Collects the evidence for one investigation through the agent: resolves the scope to a
 * target, reads the target's events, pods, logs, claims, nodes and namespace, then follows the
 * trail to the Services the failing pods depend on. Failed reads are evidence, not errors; only
 * a cluster that answers nothing at all fails the collection.
 */
export async function collectEvidence(input: CollectEvidenceInput): Promise<CollectedEvidence> {
  const session = new EvidenceSession({
    transport: input.transport,
    blobs: input.blobs,
    orgId: input.orgId,
    investigationId: input.investigationId,
    ...(input.user ? { user: input.user } : {}),
    ...(input.budget ? { budget: input.budget } : {}),
  });
  let reported = 0;
  const reportEvidence = () => {
    const fresh = session.records.slice(reported);
    reported = session.records.length;
    if (fresh.length > 0) input.reporter?.evidence(fresh);
  };
  const c = new Collection(session, (message) => input.reporter?.step(message));
  try {
    const focus = await resolveScope(c, input.scope);
    if (session.stats().operations > 0 && !session.clusterAnswered)
      throw new ClusterUnreachableError(session.lastFailure, input.unreachableHint ?? DEFAULT_HINT);
    reportEvidence();
    if (focus.target || focus.pods.length > 0)
      c.step('Reading events, container logs, volumes, nodes and the namespace around them');
    const [services] = await Promise.all([
      focus.namespace ? collectNamespaceContext(c, focus.namespace) : Promise.resolve([]),
      ...focus.subjects.map((subject) => c.events(subject)),
      collectPodDetails(c, focus.pods, TARGET_POD_LIMITS, focus.alertedPod),
    ]);
    reportEvidence();
    const dependencies = await followDependencies(c, focus, services);
    reportEvidence();
    await session.close();
    const bundle = c.bundle.build({
      scope: input.scope,
      target: focus.target,
      question: input.question,
      evidence: session.records,
      collectedAt: (input.now ?? (() => new Date()))(),
    });
    return { bundle, stats: session.stats(), missing: focus.missing, dependencies };
  } catch (error) {
    await session.close().catch(() => {});
    throw error;
  }
}
