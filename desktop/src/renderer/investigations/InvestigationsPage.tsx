import { useCallback, useEffect, useRef, useState } from 'react';
import { navigate, routePath } from '../app/router.ts';
import { EmptyState, ErrorState, Loading } from '../common/States.tsx';
import { InvestigationView } from '../investigation/InvestigationView.tsx';
import { InvestigationList } from './InvestigationList.tsx';
import { isFiltered, type ListFilter } from './investigation-filter.ts';
import { ListFilters } from './ListFilters.tsx';
import { useInvestigationList } from './use-investigation-list.ts';
import { useListKeyboard } from './use-list-keyboard.ts';

/** The cockpit: the live list on the left, the open investigation (and its conversation) beside it. */
export function InvestigationsPage(props: { openId: string | undefined }) {
  const [filter, setFilter] = useState<ListFilter>({});
  const list = useInvestigationList(filter);
  const [selectedIndex, setSelectedIndex] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const open = useCallback((id: string) => navigate(routePath({ page: 'investigations', id })), []);

  // Keep the keyboard cursor on the open investigation when it is in the list.
  useEffect(() => {
    if (!props.openId) return;
    const index = list.items.findIndex((item) => item.id === props.openId);
    if (index >= 0) setSelectedIndex(index);
  }, [props.openId, list.items]);

  useListKeyboard({
    count: list.items.length,
    selectedIndex,
    select: setSelectedIndex,
    open: (index) => {
      const item = list.items[index];
      if (item) open(item.id);
    },
    back: () => navigate(routePath({ page: 'investigations' })),
    searchRef,
  });

  return (
    <div className="investigations-page">
      <section className="list-pane" aria-label="Investigation list">
        <ListFilters filter={filter} onChange={setFilter} searchRef={searchRef} />
        <div className="list-count" aria-live="polite">
          {list.loading
            ? ''
            : `${list.items.length.toLocaleString('en-US')} investigation${list.items.length === 1 ? '' : 's'}${
                list.loadingMore
                  ? ' (loading more…)'
                  : list.truncated
                    ? ' (newest shown; narrow the filters)'
                    : ''
              }`}
        </div>
        {list.error ? (
          <ErrorState title="The list could not be loaded" message={list.error} onRetry={list.reload} />
        ) : list.loading ? (
          <Loading what="investigations" />
        ) : list.items.length === 0 ? (
          isFiltered(filter) ? (
            <EmptyState title="No investigation matches these filters">
              Clear a filter or the search.
            </EmptyState>
          ) : (
            <EmptyState title="No investigations yet">
              They appear here live when an alert is investigated. Send alerts to the webhook, or start one
              from <a href="#/investigate">Investigate</a>.
            </EmptyState>
          )
        ) : (
          <InvestigationList
            items={list.items}
            selectedIndex={selectedIndex}
            activeId={props.openId}
            onOpen={open}
            onSelect={setSelectedIndex}
          />
        )}
      </section>
      {props.openId ? (
        <InvestigationView key={props.openId} id={props.openId} />
      ) : (
        <section className="detail-pane">
          <EmptyState title="Select an investigation">
            <kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>Enter</kbd> to open, <kbd>/</kbd> to search,{' '}
            <kbd>Esc</kbd> to come back.
          </EmptyState>
        </section>
      )}
    </div>
  );
}
