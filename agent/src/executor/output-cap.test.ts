import { describe, expect, it } from 'vitest';
import { OutputTooLargeError } from '../errors.ts';
import { capOutput } from './output-cap.ts';

describe('capOutput', () => {
  describe('when the result fits', () => {
    it('returns it whole with its JSON size', () => {
      const capped = capOutput({ a: 'é' }, 100, 'head');
      expect(capped).toMatchObject({
        result: { a: 'é' },
        truncated: false,
        bytes: Buffer.byteLength('{"a":"é"}'),
      });
    });
  });

  describe('when text is too long', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line-${i}`).join('\n');

    it.each([
      ['head', 'line-0', 'line-99'],
      ['tail', 'line-99', 'line-0'],
    ] as const)('keeps the %s on whole lines', (keep, kept, dropped) => {
      const capped = capOutput(text, 200, keep);
      const lines = (capped.result as string).split('\n').filter(Boolean);
      expect(capped.truncated).toBe(true);
      expect(capped.bytes).toBeLessThanOrEqual(200);
      expect(lines).toContain(kept);
      expect(lines).not.toContain(dropped);
      for (const line of lines) expect(line).toMatch(/^line-\d+$/);
    });

    it('never splits a multi-byte character', () => {
      const capped = capOutput('€'.repeat(1_000), 101, 'head');
      expect(capped.result as string).toMatch(/^€+$/);
    });
  });

  describe('when a list is too long', () => {
    it('keeps the first items and the rest of the list', () => {
      const list = { items: Array.from({ length: 50 }, (_, i) => ({ name: `item-${i}` })), continue: 'abc' };
      const capped = capOutput(list, 300, 'head');
      const result = capped.result as typeof list;
      expect(capped.truncated).toBe(true);
      expect(capped.bytes).toBeLessThanOrEqual(300);
      expect(result.continue).toBe('abc');
      expect(result.items[0]).toEqual({ name: 'item-0' });
    });
  });

  describe('when an array of events is too long', () => {
    it('keeps the newest (last) entries when asked for the tail', () => {
      const events = Array.from({ length: 50 }, (_, i) => ({ n: i }));
      const kept = capOutput(events, 100, 'tail').result as Array<{ n: number }>;
      expect(kept.at(-1)).toEqual({ n: 49 });
      expect(kept[0]?.n).toBeGreaterThan(0);
    });
  });

  describe('when a single object is too large', () => {
    it('throws OutputTooLargeError', () => {
      expect(() => capOutput({ big: 'x'.repeat(500) }, 100, 'head')).toThrow(OutputTooLargeError);
    });
  });
});
