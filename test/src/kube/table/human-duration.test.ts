import { describe, expect, it } from 'vitest';
import { humanDuration } from './human-duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  describe('when formatting ages as kubectl prints them', () => {
    it.each([
      [0, '0s'],
      [-1 * s, '0s'],
      [-2 * s, '<invalid>'],
      [119 * s, '119s'],
      [2 * m, '2m'],
      [3 * m + 41 * s, '3m41s'],
      [9 * m + 59 * s, '9m59s'],
      [10 * m + 30 * s, '10m'],
      [179 * m, '179m'],
      [3 * h, '3h'],
      [3 * h + 10 * m, '3h10m'],
      [7 * h + 59 * m, '7h59m'],
      [8 * h + 30 * m, '8h'],
      [47 * h, '47h'],
      [48 * h, '2d'],
      [4 * d + 4 * h, '4d4h'],
      [8 * d + 5 * h, '8d'],
      [94 * d, '94d'],
      [730 * d, '2y'],
      [731 * d, '2y1d'],
      [8 * 365 * d, '8y'],
    ])('%i ms reads %s', (ms, expected) => {
      expect(humanDuration(ms)).toBe(expected);
    });
  });
});
