/** Wall-clock position inside a week, in some time zone. */
export interface LocalTime {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0 … 1439. */
  readonly minuteOfDay: number;
}

interface ZoneClock {
  readonly formatter: Intl.DateTimeFormat;
  /** The UTC minute `local` was computed for. */
  minute: number;
  local: LocalTime;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building an Intl.DateTimeFormat costs tens of microseconds and formatting one about a
// microsecond; rules are evaluated for every alert, so both are cached per zone.
const clocks = new Map<string, ZoneClock>();

function clockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clock = { formatter, minute: Number.NaN, local: { weekday: 0, minuteOfDay: 0 } };
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * Throws a RangeError when `timeZone` is not an IANA zone this runtime knows; compiling a rule
 * calls it so that a bad zone is refused once rather than failing on every alert.
 */
export function assertKnownTimeZone(timeZone: string): void {
  clockFor(timeZone);
}

/**
 * The local weekday and time of day of `now` in `timeZone`, daylight saving time included
 * (the runtime's time zone database decides the offset). Memoized per zone for the current
 * UTC minute: every UTC offset in use since 1972 is a whole number of minutes, so all
 * instants of one UTC minute share the local minute.
 */
export function localTime(now: Date, timeZone: string): LocalTime {
  const clock = clockFor(timeZone);
  const minute = Math.floor(now.getTime() / 60_000);
  if (clock.minute === minute) return clock.local;
  let weekday = 0;
  let hour = 0;
  let minutes = 0;
  for (const part of clock.formatter.formatToParts(now)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minutes = Number(part.value);
  }
  clock.minute = minute;
  clock.local = { weekday, minuteOfDay: hour * 60 + minutes };
  return clock.local;
}
