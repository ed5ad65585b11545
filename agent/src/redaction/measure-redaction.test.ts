import { describe, expect, it } from 'vitest';
import { measureRedaction } from './measure-redaction.ts';

describe('measureRedaction', () => {
  describe('when run over the bundled corpora', () => {
    it('reports every planted secret redacted and no ordinary line changed', () => {
      const measurement = measureRedaction();
      expect(measurement.planted.missed).toEqual([]);
      expect(measurement.planted.rate).toBe(1);
      expect(measurement.planted.total).toBeGreaterThanOrEqual(80);
      expect(measurement.ordinary.lines).toBeGreaterThanOrEqual(200);
      expect(measurement.ordinary.rate).toBe(0);
      expect(measurement.throughputMBps).toBeGreaterThan(0);
    });
  });
});
