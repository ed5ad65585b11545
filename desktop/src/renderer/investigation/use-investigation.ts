import type { InvestigationDetail, TimelineEvent } from '@opsworker/shared';
import { useEffect } from 'react';
import { type AsyncState, useAsync } from '../common/use-async.ts';
import { useSession } from '../connection/ConnectionContext.tsx';

// Timeline events after which the record itself has changed (its report, status, alerts).
const CHANGES_RECORD = new Set<TimelineEvent['type']>([
  'alert_attached',
  'report',
  'completed',
  'failed',
  'resolved',
  'feedback',
]);

/**
 * One investigation with its grouped alerts, kept current: live record updates from the org
 * stream are merged in, and the alerts are fetched again when the timeline says one was attached.
 */
export function useInvestigation(
  id: string,
  timeline: readonly TimelineEvent[],
): AsyncState<InvestigationDetail> {
  const { api, orgEvents } = useSession();
  const refreshKey = timeline.filter((event) => CHANGES_RECORD.has(event.type)).length;
  const state = useAsync(() => api.getInvestigation(id), [api, id, refreshKey]);
  const { data, set } = state;

  useEffect(
    () =>
      orgEvents.subscribe((event) => {
        if (event.type !== 'investigation' || event.investigation.id !== id || !data) return;
        set({ ...data, ...event.investigation, alerts: data.alerts });
      }),
    [orgEvents, id, data, set],
  );
  return state;
}
