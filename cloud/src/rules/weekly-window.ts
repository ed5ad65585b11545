import type { WeeklyWindow } from '@opsworker/shared';
import { assertKnownTimeZone, localTime } from './local-time.ts';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * A WeeklyWindow ready to test against instants. `days` are the days the window starts on:
 * when `end` is before `start` the window runs past midnight into the next day, and when they
 * are equal it lasts a full 24 hours from `start`.
 */
export interface CompiledWeeklyWindow {
  contains(now: Date): boolean;
  /** When the occurrence containing `now` ends, in local time: `Sunday at 03:00 Europe/Berlin time`. */
  endsAt(now: Date): string;
  /** `Mon, Tue 09:00–17:00 Europe/Berlin time`. */
  readonly description: string;
}

function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Compiles once; throws a RangeError for a time zone the runtime does not know. */
export function compileWeeklyWindow(window: WeeklyWindow): CompiledWeeklyWindow {
  assertKnownTimeZone(window.timeZone);
  const start = clockMinutes(window.start);
  const end = clockMinutes(window.end);
  const startsOn = new Array<boolean>(7).fill(false);
  for (const day of window.days) startsOn[day] = true;
  const { timeZone } = window;
  const wraps = end <= start;

  const contains = (now: Date): boolean => {
    const { weekday, minuteOfDay } = localTime(now, timeZone);
    if (!wraps) return startsOn[weekday] === true && minuteOfDay >= start && minuteOfDay < end;
    if (minuteOfDay >= start) return startsOn[weekday] === true;
    return minuteOfDay < end && startsOn[(weekday + 6) % 7] === true;
  };

  const endsAt = (now: Date): string => {
    const { weekday, minuteOfDay } = localTime(now, timeZone);
    const endDay = wraps && minuteOfDay >= start ? (weekday + 1) % 7 : weekday;
    return `${DAY_NAMES[endDay]} at ${window.end} ${timeZone} time`;
  };

  const days = [...new Set(window.days)].sort((a, b) => a - b).map((day) => DAY_NAMES[day]?.slice(0, 3));
  const hours = start === end ? `24 hours from ${window.start}` : `${window.start}–${window.end}`;
  return { contains, endsAt, description: `${days.join(', ')} ${hours} ${timeZone} time` };
}
