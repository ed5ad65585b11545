/** Cell formats several printers share, each as the API server renders it. */

interface LabelSelectorShape {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface ContainerShape {
  name: string;
  image?: string;
}

/** `labels.FormatLabels`: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** `metav1.FormatLabelSelector`: `<none>` for an empty selector. */
export function formatLabelSelector(selector: LabelSelectorShape | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator.toLowerCase()} (${values})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** The Containers and Images cells of workload tables. */
export function containersAndImages(containers: ContainerShape[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** A count with the API's `<none>`-free integer rendering (absent counts are 0). */
export function count(value: number | undefined): number {
  return value ?? 0;
}

/** Shows at most `max` items, then ` + N more...`, as kubectl's list cells do. */
export function firstOf(items: string[], max: number, separator = ','): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)} + ${items.length - max} more...`;
}

/** Access modes abbreviated as in `kubectl get pv/pvc` (RWO, ROX, RWX, RWOP). */
export function accessModes(modes: string[] | undefined): string {
  const short: Record<string, string> = {
    ReadWriteOnce: 'RWO',
    ReadOnlyMany: 'ROX',
    ReadWriteMany: 'RWX',
    ReadWriteOncePod: 'RWOP',
  };
  return (modes ?? []).map((m) => short[m] ?? m).join(',');
}
