import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { AgentOperation, Scope } from '@opsworker/shared';

/** One read-only operation the engine ran through the agent, kept as evidence (raw result in the blob store). */
export interface EvidenceRecord {
  /** `ev_...`: how findings and reports point at it. */
  id: string;
  /** What a human calls it: `Pod shop/checkout-7d9f8b6c5d-x2x9k`, `Previous logs of checkout/app`. */
  title: string;
  operation: AgentOperation;
  ok: boolean;
  /** Why it failed (not found, forbidden, timeout), in words. */
  error?: string;
  truncated: boolean;
  bytes: number;
}

/** A Kubernetes object (redacted, as the agent returned it) and the evidence it came from. */
export interface CollectedObject {
  object: KubeObject;
  evidenceId: string;
}

/** Logs of one container instance. */
export interface CollectedLog {
  namespace: string;
  pod: string;
  container: string;
  /** True for the last terminated instance (`kubectl logs --previous`). */
  previous: boolean;
  text: string;
  evidenceId: string;
}

/**
 * Everything collected for one investigation, in the shape analyzers read. The collector fills
 * it through the agent; tests fill it from scenario folders. Objects are deduplicated by
 * kind/namespace/name; `kind` is the API kind (`Pod`, `Deployment`, `Event`, ...).
 */
export interface EvidenceBundle {
  /** What the alert or the user pointed at. */
  scope: Scope;
  /** The object the investigation settled on (e.g. the Deployment owning the alerted pod). */
  target?: { kind: string; namespace?: string; name: string };
  question?: string;
  objects: CollectedObject[];
  /** Core v1 Events about the target and the objects around it, oldest first. */
  events: CollectedObject[];
  logs: CollectedLog[];
  evidence: EvidenceRecord[];
  /** When collection ran: analyzers judge ages ("restarted 7 times in 20 min") against it. */
  collectedAt: string;
}
