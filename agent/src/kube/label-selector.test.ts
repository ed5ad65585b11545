import { describe, expect, it } from 'vitest';
import { labelSelectorString } from './label-selector.ts';

describe('labelSelectorString', () => {
  describe('when a workload selector is written for the API', () => {
    it('joins labels and expressions in the API syntax', () => {
      expect(
        labelSelectorString({
          matchLabels: { app: 'web' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['a', 'b'] },
            { key: 'env', operator: 'NotIn', values: ['dev'] },
            { key: 'canary', operator: 'Exists' },
            { key: 'legacy', operator: 'DoesNotExist' },
          ],
        }),
      ).toBe('app=web,tier in (a,b),env notin (dev),canary,!legacy');
    });

    it('is empty for no selector', () => {
      expect(labelSelectorString(undefined)).toBe('');
    });
  });
});
