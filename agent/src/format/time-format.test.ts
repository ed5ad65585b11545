import { describe, expect, it } from 'vitest';
import { age, humanDuration, rfc1123z } from './time-format.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  describe('when formatting ages like kubectl', () => {
    it.each([
      [-5 * s, '<invalid>'],
      [-500, '0s'],
      [0, '0s'],
      [59 * s, '59s'],
      [119 * s, '119s'],
      [2 * m, '2m'],
      [2 * m + 30 * s, '2m30s'],
      [10 * m + 30 * s, '10m'],
      [179 * m, '179m'],
      [3 * h, '3h'],
      [3 * h + 12 * m, '3h12m'],
      [8 * h + 12 * m, '8h'],
      [47 * h, '47h'],
      [2 * d, '2d'],
      [5 * d + 2 * h, '5d2h'],
      [8 * d + 2 * h, '8d'],
      [729 * d, '729d'],
      [3 * 365 * d + 10 * d, '3y10d'],
      [9 * 365 * d, '9y'],
    ])('%i ms is %s', (ms, text) => {
      expect(humanDuration(ms)).toBe(text);
    });
  });
});

describe('age', () => {
  describe('when the timestamp is missing or invalid', () => {
    it.each([undefined, null, '', 'yesterday'])('%j is <unknown>', (timestamp) => {
      expect(age(timestamp, Date.now())).toBe('<unknown>');
    });
  });
});

describe('rfc1123z', () => {
  describe('when given an ISO timestamp', () => {
    it('prints it as kubectl describe does, in UTC', () => {
      expect(rfc1123z('2025-11-24T09:05:03Z')).toBe('Mon, 24 Nov 2025 09:05:03 +0000');
      expect(rfc1123z('2025-11-24T10:05:03+01:00')).toBe('Mon, 24 Nov 2025 09:05:03 +0000');
    });
  });
});
