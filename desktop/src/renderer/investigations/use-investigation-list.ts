import type { Investigation } from '@opsworker/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { useSession } from '../connection/ConnectionContext.tsx';
import { applyLiveChange, type ListFilter } from './investigation-filter.ts';

/** A small first page paints rows sooner; then the API's largest pages, in the background, up to MAX_ROWS. */
const FIRST_PAGE_SIZE = 100;
const PAGE_SIZE = 500;
export const MAX_ROWS = 10_000;

export interface InvestigationList {
  items: readonly Investigation[];
  /** The first page is on its way (nothing to show yet). */
  loading: boolean;
  /** Later pages are still arriving. */
  loadingMore: boolean;
  /** More exist than the list keeps: narrow the filters to see older ones. */
  truncated: boolean;
  error: string | undefined;
  reload: () => void;
}

/**
 * Investigations matching the filter, newest first: the first page as soon as it arrives, the
 * rest loaded behind it; then live, from the organization's event stream, without reloading.
 * After the stream reconnects the list is loaded again, as events may have been missed.
 */
export function useInvestigationList(filter: ListFilter): InvestigationList {
  const { api, orgEvents } = useSession();
  const [items, setItems] = useState<readonly Investigation[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  // Live changes seen while pages load: each page replaces the list, these are applied on top.
  const liveDuringLoad = useRef(new Map<string, Investigation>());
  const { status, severity, cluster, namespace, search } = filter;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` forces a reload.
  useEffect(() => {
    let cancelled = false;
    const query = { status, severity, cluster, namespace, search: search?.trim() || undefined };
    setLoading(true);
    setError(undefined);
    liveDuringLoad.current = new Map();
    const withLive = (loaded: readonly Investigation[]) => {
      let list = loaded;
      for (const changed of liveDuringLoad.current.values())
        list = applyLiveChange(list, changed, filterRef.current);
      return list;
    };
    (async () => {
      let loaded: Investigation[] = [];
      let cursor: string | undefined;
      do {
        const limit = loaded.length === 0 ? FIRST_PAGE_SIZE : PAGE_SIZE;
        const page = await api.listInvestigations({ ...query, limit, cursor });
        if (cancelled) return;
        loaded = loaded.concat(page.items);
        cursor = page.nextCursor;
        setItems(withLive(loaded.slice(0, MAX_ROWS)));
        setLoading(false);
        setLoadingMore(Boolean(cursor) && loaded.length < MAX_ROWS);
      } while (cursor && loaded.length < MAX_ROWS);
      setTruncated(Boolean(cursor) || loaded.length > MAX_ROWS);
    })().catch((failure: unknown) => {
      if (cancelled) return;
      setError(errorMessage(failure));
      setLoading(false);
      setLoadingMore(false);
    });
    return () => {
      cancelled = true;
    };
  }, [api, status, severity, cluster, namespace, search, attempt]);

  useEffect(() => {
    const unsubscribe = orgEvents.subscribe((event) => {
      if (event.type !== 'investigation') return;
      liveDuringLoad.current.set(event.investigation.id, event.investigation);
      setItems((current) => applyLiveChange(current, event.investigation, filterRef.current));
    });
    const unsubscribeReconnect = orgEvents.onReconnected(() => setAttempt((n) => n + 1));
    return () => {
      unsubscribe();
      unsubscribeReconnect();
    };
  }, [orgEvents]);

  return { items, loading, loadingMore, truncated, error, reload: () => setAttempt((n) => n + 1) };
}
