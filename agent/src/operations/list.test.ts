import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { type ListResult, runList } from './list.ts';

describe('runList', () => {
  describe('when a list is read in pages', () => {
    it('follows the continue token to the end, every object once', async () => {
      const context = shopContext();
      const everything = (await runList({ op: 'list', kind: 'pods', namespace: 'shop' }, context))
        .result as ListResult;
      expect(everything.items.length).toBeGreaterThan(1);

      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (
          await runList(
            {
              op: 'list',
              kind: 'pods',
              namespace: 'shop',
              limit: 1,
              ...(cursor ? { continue: cursor } : {}),
            },
            context,
          )
        ).result as ListResult;
        names.push(...page.items.map((pod) => pod.metadata?.name ?? ''));
        cursor = page.continue;
      } while (cursor);
      expect(names).toEqual(everything.items.map((pod) => pod.metadata?.name));
    });
  });
});
