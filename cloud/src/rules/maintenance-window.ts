import type { MaintenanceWindow, WeeklyWindow } from '@opsworker/shared';
import { formatInstant } from './format-instant.ts';
import { compileWeeklyWindow } from './weekly-window.ts';

/** A maintenance window ready to test against instants. */
export interface CompiledMaintenanceWindow {
  contains(now: Date): boolean;
  /** Names the window and when the current occurrence ends, for a reason a user reads. */
  describeUntilEnd(now: Date): string;
}

function label(name: string | undefined, what: string): string {
  return name ? `maintenance window "${name}" (${what})` : `the maintenance window ${what}`;
}

/** Compiles once; throws for an unknown time zone or unparsable instants. */
export function compileMaintenanceWindow(window: MaintenanceWindow): CompiledMaintenanceWindow {
  if (window.type === 'weekly') {
    const weekly = compileWeeklyWindow(window);
    const named = label(window.name, weekly.description);
    return {
      contains: weekly.contains,
      describeUntilEnd: (now) => `${named}, which ends ${weekly.endsAt(now)}`,
    };
  }
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new RangeError('maintenance window start or end is not a date');
  const named = label(window.name, `${formatInstant(start)} to ${formatInstant(end)}`);
  return {
    contains: (now) => {
      const at = now.getTime();
      return at >= start && at < end;
    },
    describeUntilEnd: () => `${named}, which ends ${formatInstant(end)}`,
  };
}

/**
 * True when `now` falls inside the window: a one-off maintenance window (start inclusive, end
 * exclusive) or a weekly window (a maintenance one or business hours) evaluated in its time
 * zone. Compiles on every call: code on a hot path keeps a compiled window instead.
 */
export function isInWindow(window: MaintenanceWindow | WeeklyWindow, now: Date): boolean {
  if ('type' in window) return compileMaintenanceWindow(window).contains(now);
  return compileWeeklyWindow(window).contains(now);
}
