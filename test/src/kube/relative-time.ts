const RELATIVE = /^([-+])((?:\d+[smhd])+)$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** JSON keys that hold timestamps in the Kubernetes API (creationTimestamp, startedAt, lastTransitionTime, timeAdded, ...). */
const TIME_KEY = /(Timestamp|Time|At)$|^timestamp$|^timeAdded$/;

/**
 * Turns a relative time such as "-5m", "-2h30m" or "-3d" into an RFC 3339 timestamp counted
 * from `now`; "now" is `now`. Anything else is not a relative time and gives undefined.
 */
export function resolveRelativeTime(value: string, now: Date): string | undefined {
  const offset = relativeSeconds(value);
  return offset === undefined ? undefined : formatKubeTime(new Date(now.getTime() + offset * 1000));
}

/** The signed offset in seconds of a relative time ("-5m" is -300, "now" is 0), undefined for anything else. */
export function relativeSeconds(value: string): number | undefined {
  if (value === 'now') return 0;
  const match = RELATIVE.exec(value);
  if (!match) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of (match[2] ?? '').matchAll(/(\d+)([smhd])/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
  }
  return match[1] === '-' ? -seconds : seconds;
}

/** RFC 3339 with whole seconds, the way the API serializes `metav1.Time`. */
export function formatKubeTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Replaces, in place, every relative time found under a timestamp-like key of a JSON value, so
 * that scenario ages look live whenever they are loaded.
 */
export function resolveRelativeTimes(value: unknown, now: Date): void {
  if (Array.isArray(value)) {
    for (const item of value) resolveRelativeTimes(item, now);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if (typeof child === 'string' && TIME_KEY.test(key)) {
      const resolved = resolveRelativeTime(child, now);
      if (resolved) record[key] = resolved;
    } else {
      resolveRelativeTimes(child, now);
    }
  }
}
