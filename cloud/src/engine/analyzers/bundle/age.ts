/** How recent "recent" is: a failure older than this is history, not the incident. */
export const RECENT_SECONDS = 3600;

/** Seconds from a Kubernetes timestamp to `now` (epoch ms); undefined when there is no usable time. */
export function secondsSince(timestamp: string | null | undefined, now: number): number | undefined {
  if (!timestamp) return undefined;
  const at = Date.parse(timestamp);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((now - at) / 1000));
}

/** True when the timestamp lies within the last `window` seconds before `now`. */
export function isRecent(
  timestamp: string | null | undefined,
  now: number,
  window = RECENT_SECONDS,
): boolean {
  const age = secondsSince(timestamp, now);
  return age !== undefined && age <= window;
}

/** An age the way kubectl prints it: `45s`, `38m`, `2h5m`, `3d`. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 && days < 3 ? `${days}d${hours % 24}h` : `${days}d`;
}

/** `38m ago`, or `a while ago` when the time is unknown. */
export function ago(timestamp: string | null | undefined, now: number): string {
  const age = secondsSince(timestamp, now);
  return age === undefined ? 'a while ago' : `${formatAge(age)} ago`;
}
