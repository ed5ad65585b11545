import type { Alert, Investigation, InvestigationStatus } from '@opsworker/shared';
import type { AlertQuery, InvestigationQuery } from './store.ts';

/** Whether an alert passes a list query's filters. */
export function alertMatches(query: AlertQuery): (alert: Alert) => boolean {
  return (alert) =>
    (!query.status || alert.status === query.status) && (!query.source || alert.source === query.source);
}

/** Whether an investigation passes a list query's filters; search is case-insensitive over title and name. */
export function investigationMatches(query: InvestigationQuery): (inv: Investigation) => boolean {
  const search = query.search?.toLowerCase();
  return (inv) =>
    (!query.status || inv.status === query.status) &&
    (!query.severity || inv.severity === query.severity) &&
    (!query.cluster || inv.scope.cluster === query.cluster) &&
    (!query.namespace || inv.scope.namespace === query.namespace) &&
    (!search ||
      inv.title.toLowerCase().includes(search) ||
      (inv.scope.name?.toLowerCase().includes(search) ?? false));
}

export type InvestigationCount = { status: InvestigationStatus; outcome?: string; count: number };

/** Investigations counted per status and outcome (metrics, the digest). */
export function countByStatusAndOutcome(
  investigations: Iterable<Pick<Investigation, 'status' | 'outcome'>>,
): InvestigationCount[] {
  const counts = new Map<string, InvestigationCount>();
  for (const { status, outcome } of investigations) {
    const key = `${status}|${outcome ?? ''}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { status, ...(outcome ? { outcome } : {}), count: 1 });
  }
  return [...counts.values()];
}
