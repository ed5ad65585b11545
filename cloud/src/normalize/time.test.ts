import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { formatIso, toIsoTime } from './time.ts';

describe('toIsoTime', () => {
  it.each([
    ['2018-03-07T06:33:21.873077559-05:00', '2018-03-07T11:33:21.873Z'],
    ['2015-06-03T17:43:27.123+0000', '2015-06-03T17:43:27.123Z'],
    ['1733929712000', '2024-12-11T15:08:32.000Z'],
    ['1733929712', '2024-12-11T15:08:32.000Z'],
    [1591216985000, '2020-06-03T20:43:05.000Z'],
  ])('reads %s', (value, expected) => {
    expect(toIsoTime(value, 'startsAt')).toBe(expected);
  });

  it.each([['0001-01-01T00:00:00Z'], [''], [undefined]])('treats %s as not set', (value) => {
    expect(toIsoTime(value, 'endsAt')).toBeUndefined();
  });

  it.each([['yesterday'], ['99999999999999999999']])('refuses %s, naming the field', (value) => {
    expect(() => toIsoTime(value, 'alerts.0.startsAt', 'alertmanager payload')).toThrow(ValidationError);
    expect(() => toIsoTime(value, 'alerts.0.startsAt', 'alertmanager payload')).toThrow(
      'alertmanager payload: alerts.0.startsAt: is not a valid time',
    );
  });

  it('answers a text it has seen before the same way, and names the field each time it refuses one', () => {
    for (let i = 0; i < 3; i++) {
      expect(toIsoTime('2026-11-24T05:00:00.123456789+01:00', 'startsAt')).toBe('2026-11-24T04:00:00.123Z');
      expect(toIsoTime('1969-07-20T20:17:40Z', 'endsAt')).toBeUndefined();
      expect(() => toIsoTime('2026-02-30T00:00:00Z', `alerts.${i}.startsAt`)).toThrow(
        `input: alerts.${i}.startsAt: is not a valid time`,
      );
    }
  });

  it('keeps answering correctly after more distinct texts than it remembers', () => {
    for (let second = 0; second < 3000; second++) {
      const text = `2026-11-24T05:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z`;
      expect(toIsoTime(text, 'startsAt')).toBe(new Date(text).toISOString());
    }
  });
});

describe('formatIso', () => {
  it.each([
    1,
    Date.UTC(2026, 10, 24, 6, 0, 0, 5),
    Date.UTC(2026, 0, 1, 23, 59, 59, 999),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
  ])('writes %s exactly as Date#toISOString does', (millis) => {
    expect(formatIso(millis)).toBe(new Date(millis).toISOString());
    // Asked again (it remembers the last one) and after another time.
    expect(formatIso(millis)).toBe(new Date(millis).toISOString());
    expect(formatIso(millis - 1)).toBe(new Date(millis - 1).toISOString());
  });
});
