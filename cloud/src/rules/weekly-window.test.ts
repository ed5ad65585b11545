import { WeeklyWindow } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { compileWeeklyWindow } from './weekly-window.ts';

const businessHours = (timeZone: string) =>
  compileWeeklyWindow(WeeklyWindow.parse({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone }));

describe('compileWeeklyWindow', () => {
  describe('when evaluating business hours across the US change to summer time', () => {
    // America/New_York is UTC-5 until Sunday 2026-03-08, UTC-4 after: 13:30Z moves from 08:30 to 09:30.
    const hours = businessHours('America/New_York');
    it.each([
      ['Friday 08:30 EST', '2026-03-06T13:30:00Z', false],
      ['Friday 09:00 EST', '2026-03-06T14:00:00Z', true],
      ['Saturday midday', '2026-03-07T17:00:00Z', false],
      ['Monday 09:30 EDT, the same UTC time as Friday 08:30', '2026-03-09T13:30:00Z', true],
      ['Monday 16:59 EDT', '2026-03-09T20:59:00Z', true],
      ['Monday 17:00 EDT (end exclusive)', '2026-03-09T21:00:00Z', false],
    ])('%s', (_, now, expected) => {
      expect(hours.contains(new Date(now))).toBe(expected);
    });
  });

  describe('when two zones are asked about the same instant', () => {
    it('answers each in its own local time', () => {
      const now = new Date('2026-03-09T08:30:00Z');
      expect(businessHours('Europe/Berlin').contains(now)).toBe(true);
      expect(businessHours('America/New_York').contains(now)).toBe(false);
      expect(businessHours('Asia/Tokyo').contains(now)).toBe(false);
    });
  });

  describe('when describing a window to a user', () => {
    it('lists the days in week order once each', () => {
      const window = compileWeeklyWindow(
        WeeklyWindow.parse({ days: [5, 1, 1], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' }),
      );
      expect(window.description).toBe('Mon, Fri 09:00–17:00 Europe/Berlin time');
    });

    it('says when a full-day window ends', () => {
      const window = compileWeeklyWindow(WeeklyWindow.parse({ days: [6], start: '00:00', end: '00:00' }));
      expect(window.description).toBe('Sat 24 hours from 00:00 UTC time');
      expect(window.endsAt(new Date('2026-03-07T12:00:00Z'))).toBe('Sunday at 00:00 UTC time');
    });
  });

  describe('when the time zone is unknown to the runtime', () => {
    it('refuses to compile', () => {
      expect(() =>
        compileWeeklyWindow({ days: [1], start: '09:00', end: '17:00', timeZone: 'Mars/Olympus' }),
      ).toThrow(RangeError);
    });
  });
});
