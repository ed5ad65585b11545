import { describe, expect, it } from 'vitest';
import { formatMebibytes, formatMillicores, formatPercent, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  describe('when given Kubernetes quantities', () => {
    it.each([
      ['250m', 0.25],
      ['2', 2],
      ['1.5', 1.5],
      ['128Mi', 128 * 2 ** 20],
      ['1Gi', 2 ** 30],
      ['500M', 500e6],
      ['1e3', 1000],
      ['12345n', 12345e-9],
      ['3920m', 3.92],
      [4, 4],
    ])('%s is %d', (quantity, value) => {
      expect(parseQuantity(quantity)).toBeCloseTo(value, 9);
    });

    it.each(['abc', '1Zi', ''])('%j does not parse', (quantity) => {
      expect(parseQuantity(quantity)).toBeUndefined();
    });
  });
});

describe('formatting', () => {
  describe('when printing usage', () => {
    it('prints millicores, Mi and whole percentages', () => {
      expect(formatMillicores(0.2384)).toBe('238m');
      expect(formatMebibytes(301 * 2 ** 20)).toBe('301Mi');
      expect(formatPercent(1.96, 3.92)).toBe('50%');
      expect(formatPercent(1, undefined)).toBe('<unknown>');
    });
  });
});
