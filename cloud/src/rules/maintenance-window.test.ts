import { MaintenanceWindow, WeeklyWindow } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { compileMaintenanceWindow, isInWindow } from './maintenance-window.ts';

const at = (iso: string) => new Date(iso);

describe('isInWindow', () => {
  describe('when the window happens once', () => {
    const window = MaintenanceWindow.parse({
      type: 'once',
      name: 'Database migration',
      start: '2026-03-07T01:00:00+01:00',
      end: '2026-03-07T03:00:00+01:00',
    });
    it.each([
      ['just before the start', '2026-03-06T23:59:59Z', false],
      ['at the start (inclusive, offset honoured)', '2026-03-07T00:00:00Z', true],
      ['inside', '2026-03-07T01:30:00Z', true],
      ['at the end (exclusive)', '2026-03-07T02:00:00Z', false],
    ])('%s', (_, now, expected) => {
      expect(isInWindow(window, at(now))).toBe(expected);
    });
  });

  describe('when a weekly window crosses midnight', () => {
    // Saturday 22:00 to Sunday 02:00; 2026-03-07 is a Saturday.
    const window = MaintenanceWindow.parse({ type: 'weekly', days: [6], start: '22:00', end: '02:00' });
    it.each([
      ['Saturday before the start', '2026-03-07T21:59:00Z', false],
      ['Saturday after the start', '2026-03-07T23:00:00Z', true],
      ['Sunday after midnight, continuing Saturday', '2026-03-08T01:30:00Z', true],
      ['Sunday at the end', '2026-03-08T02:00:00Z', false],
      ['Saturday after midnight: Friday started no window', '2026-03-07T01:00:00Z', false],
      ['Sunday evening: Sunday starts no window', '2026-03-08T23:00:00Z', false],
    ])('%s', (_, now, expected) => {
      expect(isInWindow(window, at(now))).toBe(expected);
    });
  });

  describe('when a weekly window starts and ends at the same time', () => {
    const window = WeeklyWindow.parse({ days: [6], start: '00:00', end: '00:00' });
    it.each([
      ['Friday 23:59', '2026-03-06T23:59:00Z', false],
      ['Saturday 00:00', '2026-03-07T00:00:00Z', true],
      ['Saturday 23:59', '2026-03-07T23:59:00Z', true],
      ['Sunday 00:00', '2026-03-08T00:00:00Z', false],
    ])('covers 24 hours: %s', (_, now, expected) => {
      expect(isInWindow(window, at(now))).toBe(expected);
    });
  });

  describe('when a weekly window is in a zone that changes to summer time inside it', () => {
    // Europe/Berlin moves from UTC+1 to UTC+2 at 01:00Z on Sunday 2026-03-29.
    const window = WeeklyWindow.parse({ days: [0], start: '01:00', end: '04:00', timeZone: 'Europe/Berlin' });
    it.each([
      ['a week earlier, 03:30 CET', '2026-03-22T02:30:00Z', true],
      ['01:30 CET, before the change', '2026-03-29T00:30:00Z', true],
      ['03:30 CEST, after the change', '2026-03-29T01:30:00Z', true],
      ['04:30 CEST: a fixed +1 offset would wrongly say 03:30', '2026-03-29T02:30:00Z', false],
      ['00:30 CET, before the start', '2026-03-28T23:30:00Z', false],
    ])('%s', (_, now, expected) => {
      expect(isInWindow(window, at(now))).toBe(expected);
    });
  });

  describe('when the zone has a half-hour offset and the window wraps', () => {
    // Asia/Kolkata is UTC+05:30; Friday 23:00 to Saturday 01:00 local.
    const window = WeeklyWindow.parse({ days: [5], start: '23:00', end: '01:00', timeZone: 'Asia/Kolkata' });
    it.each([
      ['Friday 22:59 IST', '2026-03-06T17:29:00Z', false],
      ['Friday 23:30 IST', '2026-03-06T18:00:00Z', true],
      ['Saturday 00:45 IST', '2026-03-06T19:15:00Z', true],
      ['Saturday 01:00 IST', '2026-03-06T19:30:00Z', false],
    ])('%s', (_, now, expected) => {
      expect(isInWindow(window, at(now))).toBe(expected);
    });
  });
});

describe('compileMaintenanceWindow', () => {
  describe('when telling a user when the window ends', () => {
    it.each([
      [
        'a named one-off window',
        {
          type: 'once',
          name: 'Database migration',
          start: '2026-03-07T01:00:00+01:00',
          end: '2026-03-07T03:00:00+01:00',
        },
        '2026-03-07T01:00:00Z',
        'maintenance window "Database migration" (2026-03-07 00:00 UTC to 2026-03-07 02:00 UTC), which ends 2026-03-07 02:00 UTC',
      ],
      [
        'a wrapping weekly window before midnight',
        {
          type: 'weekly',
          name: 'Backups',
          days: [6],
          start: '22:00',
          end: '02:00',
          timeZone: 'Europe/Berlin',
        },
        '2026-03-07T22:00:00Z',
        'maintenance window "Backups" (Sat 22:00–02:00 Europe/Berlin time), which ends Sunday at 02:00 Europe/Berlin time',
      ],
      [
        'a wrapping weekly window after midnight, unnamed',
        { type: 'weekly', days: [6], start: '22:00', end: '02:00', timeZone: 'Europe/Berlin' },
        '2026-03-08T00:30:00Z',
        'the maintenance window Sat 22:00–02:00 Europe/Berlin time, which ends Sunday at 02:00 Europe/Berlin time',
      ],
    ])('names %s and its end', (_, input, now, expected) => {
      const window = compileMaintenanceWindow(MaintenanceWindow.parse(input));
      expect(window.contains(at(now))).toBe(true);
      expect(window.describeUntilEnd(at(now))).toBe(expected);
    });
  });
});
