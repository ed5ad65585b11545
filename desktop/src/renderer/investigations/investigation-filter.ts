import type { Investigation, InvestigationStatus, Severity } from '@opsworker/shared';

/** What the list shows: the same filters the API applies, so live updates follow them too. */
export interface ListFilter {
  status?: InvestigationStatus;
  severity?: Severity;
  cluster?: string;
  namespace?: string;
  search?: string;
}

/** The API's rules: exact status, severity, cluster and namespace; search in title and resource name. */
export function matchesFilter(investigation: Investigation, filter: ListFilter): boolean {
  const search = filter.search?.trim().toLowerCase();
  return (
    (!filter.status || investigation.status === filter.status) &&
    (!filter.severity || investigation.severity === filter.severity) &&
    (!filter.cluster || investigation.scope.cluster === filter.cluster) &&
    (!filter.namespace || investigation.scope.namespace === filter.namespace) &&
    (!search ||
      investigation.title.toLowerCase().includes(search) ||
      (investigation.scope.name?.toLowerCase().includes(search) ?? false))
  );
}

/**
 * The list after a live change: updated in place, added at its place (newest first), or removed
 * when it no longer matches the filter (a status filter, say). Returns the same array when
 * nothing the list shows changed.
 */
export function applyLiveChange(
  items: readonly Investigation[],
  changed: Investigation,
  filter: ListFilter,
): readonly Investigation[] {
  const index = items.findIndex((item) => item.id === changed.id);
  const matches = matchesFilter(changed, filter);
  if (index === -1) {
    if (!matches) return items;
    let at = 0;
    while (at < items.length && items[at]!.createdAt > changed.createdAt) at++;
    return [...items.slice(0, at), changed, ...items.slice(at)];
  }
  if (!matches) return [...items.slice(0, index), ...items.slice(index + 1)];
  const next = [...items];
  next[index] = changed;
  return next;
}

export function isFiltered(filter: ListFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '');
}
