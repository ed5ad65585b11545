import { type RefObject, useEffect, useState } from 'react';
import { INVESTIGATION_STATUSES, SEVERITY_OPTIONS } from '../common/options.ts';
import type { ListFilter } from './investigation-filter.ts';

const TYPING_PAUSE_MS = 250;

/**
 * Search and filters above the list. Text is applied once typing pauses, so the server is not
 * asked for every keystroke; selects apply at once.
 */
export function ListFilters(props: {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { filter, onChange } = props;
  const [text, setText] = useState({
    search: filter.search ?? '',
    cluster: filter.cluster ?? '',
    namespace: filter.namespace ?? '',
  });

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = {
        ...filter,
        search: text.search || undefined,
        cluster: text.cluster || undefined,
        namespace: text.namespace || undefined,
      };
      if (
        next.search !== filter.search ||
        next.cluster !== filter.cluster ||
        next.namespace !== filter.namespace
      )
        onChange(next);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  return (
    <div className="filters">
      <input
        ref={props.searchRef}
        type="search"
        className="search"
        placeholder="Search alerts and resources  ( / )"
        aria-label="Search investigations"
        value={text.search}
        onChange={(event) => setText({ ...text, search: event.target.value })}
      />
      <div className="filter-row">
        <select
          aria-label="Status"
          value={filter.status ?? ''}
          onChange={(event) =>
            onChange({ ...filter, status: (event.target.value || undefined) as ListFilter['status'] })
          }
        >
          <option value="">Any status</option>
          {INVESTIGATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <select
          aria-label="Severity"
          value={filter.severity ?? ''}
          onChange={(event) =>
            onChange({ ...filter, severity: (event.target.value || undefined) as ListFilter['severity'] })
          }
        >
          <option value="">Any severity</option>
          {SEVERITY_OPTIONS.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <input
          aria-label="Cluster"
          placeholder="cluster"
          value={text.cluster}
          onChange={(event) => setText({ ...text, cluster: event.target.value })}
        />
        <input
          aria-label="Namespace"
          placeholder="namespace"
          value={text.namespace}
          onChange={(event) => setText({ ...text, namespace: event.target.value })}
        />
      </div>
    </div>
  );
}
