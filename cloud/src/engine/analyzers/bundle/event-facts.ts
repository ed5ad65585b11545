import type { KubeEvent } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../../evidence/evidence-bundle.ts';
import { ago, isRecent, RECENT_SECONDS } from './age.ts';
import type { BundleIndex } from './bundle-index.ts';

/** An event with the fields analyzers read, and the evidence it came from. */
export interface EventFact {
  event: KubeEvent;
  evidenceId: string;
  reason: string;
  message: string;
  type: string;
  count: number;
  lastSeen: string | undefined;
}

/** When an event was last seen, whichever of the API's several time fields is set. */
export function lastSeen(event: KubeEvent): string | undefined {
  return (
    event.series?.lastObservedTime ??
    event.lastTimestamp ??
    event.eventTime ??
    event.firstTimestamp ??
    undefined
  );
}

function toFact(collected: CollectedObject): EventFact {
  const event = collected.object as KubeEvent;
  return {
    event,
    evidenceId: collected.evidenceId,
    reason: event.reason ?? '',
    message: (event.message ?? '').trim(),
    type: event.type ?? 'Normal',
    count: event.series?.count ?? event.count ?? 1,
    lastSeen: lastSeen(event),
  };
}

/**
 * Events about one object seen within the recent window, optionally only those whose reason is
 * in `reasons`. Old events describe the past, not the incident.
 */
export function recentEvents(
  index: BundleIndex,
  subject: { kind: string; namespace: string | undefined; name: string },
  reasons?: readonly string[],
  window = RECENT_SECONDS,
): EventFact[] {
  return index
    .eventsAbout(subject.kind, subject.namespace, subject.name)
    .map(toFact)
    .filter(
      (fact) => (!reasons || reasons.includes(fact.reason)) && isRecent(fact.lastSeen, index.now, window),
    );
}

/** `Warning FailedScheduling (x12, last 1m ago): 0/3 nodes are available: ...` */
export function describeEvent(fact: EventFact, now: number): string {
  const times = fact.count > 1 ? `x${fact.count}, ` : '';
  return `${fact.type} ${fact.reason} (${times}last ${ago(fact.lastSeen, now)}): ${fact.message}`;
}
