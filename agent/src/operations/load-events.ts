import type { ResourceKind } from '@opsworker/shared';
import type { KubeEvent } from '../kube/kube-types.ts';
import { objectPath, resourceInfo } from '../kube/resources.ts';
import type { OperationContext } from './operation-context.ts';

/** An event in the compact shape the agent returns: enough to explain, small enough to send. */
export type CompactEvent = {
  type: string;
  reason: string;
  message: string;
  /** `Kind/name` of the object the event is about. */
  object: string;
  namespace?: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  source?: string;
};

/** Events the agent reads at most per call before sorting: a busy namespace has thousands. */
const SCAN_LIMIT = 2000;

function lastSeen(event: KubeEvent): string | undefined {
  return (
    event.lastTimestamp ??
    event.series?.lastObservedTime ??
    event.eventTime ??
    event.firstTimestamp ??
    event.metadata?.creationTimestamp ??
    undefined
  );
}

function compact(event: KubeEvent): CompactEvent {
  const involved = event.involvedObject ?? {};
  const result: CompactEvent = {
    type: event.type ?? 'Normal',
    reason: event.reason ?? '',
    message: (event.message ?? '').trim(),
    object: `${involved.kind ?? ''}/${involved.name ?? ''}`,
    count: event.series?.count ?? event.count ?? 1,
  };
  const namespace = involved.namespace ?? event.metadata?.namespace;
  if (namespace) result.namespace = namespace;
  const first = event.firstTimestamp ?? event.eventTime ?? undefined;
  if (first) result.firstSeen = first;
  const last = lastSeen(event);
  if (last) result.lastSeen = last;
  const source = event.source?.component ?? event.reportingComponent;
  if (source) result.source = source;
  return result;
}

export type EventQuery = {
  namespace?: string;
  involvedObject?: { kind: ResourceKind; name: string };
  limit: number;
};

/** Events newest last, at most `limit` of them (the newest); `truncated` when older ones were dropped. */
export async function loadEvents(
  context: Pick<OperationContext, 'reader' | 'signal'>,
  query: EventQuery,
): Promise<{ events: CompactEvent[]; truncated: boolean }> {
  const about = query.involvedObject;
  // The name goes into a field selector: hold it to the same rules as a name in a path.
  if (about) objectPath(resourceInfo(about.kind), about.name, query.namespace);
  const fieldSelector = about
    ? `involvedObject.kind=${resourceInfo(about.kind).kind},involvedObject.name=${about.name}`
    : undefined;
  const list = await context.reader.list('events', {
    namespace: query.namespace,
    fieldSelector,
    limit: SCAN_LIMIT,
    signal: context.signal,
  });
  const sorted = (list.items as KubeEvent[])
    .map((event) => ({ event, at: Date.parse(lastSeen(event) ?? '') || 0 }))
    .sort((a, b) => a.at - b.at)
    .map(({ event }) => compact(event));
  const events = sorted.slice(-query.limit);
  return { events, truncated: events.length < sorted.length || Boolean(list.continue) };
}
