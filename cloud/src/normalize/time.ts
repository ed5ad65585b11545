import { ValidationError } from '@opsworker/shared';

/** 9999-12-31T23:59:59.999Z: later times have no ISO-8601 form the Alert contract accepts. */
const MAX_DATE_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Epoch numbers below this are seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_BELOW = 1e11;
/**
 * RFC 3339 as monitoring tools write it, nanoseconds and `+0000` offsets included. Parsed by
 * hand because Date.parse takes its slow legacy path on nanosecond fractions, and alert
 * timestamps are on the hot path of ingest.
 */
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([Zz])|([+-])(\d\d):?(\d\d))$/;

/** How Go (Alertmanager, Grafana) writes "no time", on every firing alert's endsAt. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
const NOT_SET = '';
const RECENT_LIMIT = 1024;
/** Recently parsed texts and their ISO form (NOT_SET for "absent"); cleared when full. */
const recent = new Map<string, string>();

function remember(text: string, iso: string): void {
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(text, iso);
}

/**
 * A timestamp from a payload as an ISO-8601 UTC string, or undefined when absent or zero.
 * Accepts RFC 3339 (with nanoseconds), `+0000`-style offsets and epoch seconds or
 * milliseconds. Go's zero time (`0001-01-01T00:00:00Z`) is how Alertmanager and Grafana say
 * "not set", so any date before the Unix epoch counts as absent. Unparseable text is the
 * sender's mistake: it throws a ValidationError naming `field` (worded like `parseWith`'s).
 */
export function toIsoTime(
  value: string | number | undefined,
  field: string,
  what = 'input',
): string | undefined {
  if (value === undefined || value === '' || value === GO_ZERO_TIME) return undefined;
  // A storm re-sends the same alerts, with the same timestamps: each distinct text is parsed once.
  const known = typeof value === 'string' ? recent.get(value) : undefined;
  if (known !== undefined) return known === NOT_SET ? undefined : known;
  const iso = parseIsoTime(value, field, what);
  if (typeof value === 'string') remember(value, iso ?? NOT_SET);
  return iso;
}

function parseIsoTime(value: string | number, field: string, what: string): string | undefined {
  const millis = toMillis(value);
  if (millis === undefined || !Number.isFinite(millis) || millis > MAX_DATE_MILLIS) {
    throw new ValidationError(`${what}: ${field}: is not a valid time`, { field });
  }
  if (millis < 0) return undefined;
  return formatIso(millis);
}

/** The last time formatted: in a storm, many deliveries are received within the same millisecond. */
let lastMillis = Number.NaN;
let lastIso = '';

/**
 * `Date#toISOString` for dates between 1970 and 9999, built by hand: V8's takes about a
 * microsecond, four times this, and every alert and every delivery has a timestamp.
 */
export function formatIso(millis: number): string {
  if (millis === lastMillis) return lastIso;
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  lastIso = `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(
    date.getUTCMinutes(),
  )}:${two(date.getUTCSeconds())}.${three(date.getUTCMilliseconds())}Z`;
  lastMillis = millis;
  return lastIso;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

function three(value: number): string {
  return value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`;
}

function toMillis(value: string | number): number | undefined {
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    const epoch = Number(value);
    return epoch < SECONDS_BELOW ? epoch * 1000 : epoch;
  }
  const match = RFC3339.exec(value);
  if (!match) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  // Date.UTC reads years 0-99 as 1900-1999: Go's zero time must not become 1901.
  if (Number(year) < 1970) return -1;
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0,
  );
  // Date.UTC rolls impossible dates over (February 30th becomes March 2nd): refuse them instead.
  const check = new Date(utc);
  if (
    check.getUTCDate() !== Number(day) ||
    check.getUTCMonth() !== Number(month) - 1 ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 60
  ) {
    return undefined;
  }
  if (zulu) return utc;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return sign === '+' ? utc - offset : utc + offset;
}
