/** "42s", "5m", "3h", "2d": how long ago, compact enough for a list column. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** A duration in milliseconds for people: "850 ms", "4.2 s", "3 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** "shop/deployments/checkout" with the cluster in front when known. */
export function formatResource(scope: {
  cluster?: string;
  namespace?: string;
  kind?: string;
  name?: string;
}): string {
  const object = [scope.kind, scope.name].filter(Boolean).join('/');
  return [scope.namespace, object].filter(Boolean).join(' · ') || 'whole cluster';
}
