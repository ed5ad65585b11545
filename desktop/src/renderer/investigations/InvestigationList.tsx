import type { Investigation } from '@opsworker/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useNow } from '../common/use-now.ts';
import { InvestigationRow } from './InvestigationRow.tsx';

export const ROW_HEIGHT = 68;

/**
 * The investigations as a virtualized list box: only the rows in view (and a few around) are in
 * the page, so 10,000 stay as smooth as 10. `selectedIndex` is the keyboard's cursor,
 * `activeId` the investigation open on the right.
 */
export function InvestigationList(props: {
  items: readonly Investigation[];
  selectedIndex: number;
  activeId: string | undefined;
  onOpen: (id: string) => void;
  onSelect: (index: number) => void;
}) {
  const { items, selectedIndex, activeId, onOpen, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? index,
  });

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < items.length) virtualizer.scrollToIndex(selectedIndex);
  }, [selectedIndex, items.length, virtualizer]);

  const selected = items[selectedIndex];
  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      role="listbox"
      aria-label="Investigations"
      aria-activedescendant={selected ? `row-${selected.id}` : undefined}
      tabIndex={0}
    >
      {/* Styles set from script go through the CSSOM, which a strict CSP allows. */}
      <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const investigation = items[row.index]!;
          return (
            <div
              key={row.key}
              id={`row-${investigation.id}`}
              role="option"
              aria-selected={row.index === selectedIndex}
              tabIndex={-1}
              className="list-item"
              style={{ transform: `translateY(${row.start}px)` }}
              onClick={() => {
                onSelect(row.index);
                onOpen(investigation.id);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onOpen(investigation.id);
              }}
            >
              <InvestigationRow
                investigation={investigation}
                selected={row.index === selectedIndex}
                active={investigation.id === activeId}
                now={now}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
