import { describe, expect, it } from 'vitest';
import type { MakeStore } from './store-contract.ts';
import { storeRecords } from './store-records.ts';

export function ruleCases(makeStore: MakeStore): void {
  describe('rules', () => {
    it('creates, replaces, lists and deletes rules', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const first = r.rule();
      const second = r.rule({ name: 'ignore watchdog', action: 'ignore' });
      await store.putRule(first);
      await store.putRule(second);
      const renamed = { ...first, name: 'investigate everything critical', priority: 5 };
      await store.putRule(renamed);

      expect(await store.getRule('acme', first.id)).toEqual(renamed);
      const listed = await store.listRules('acme');
      expect(listed).toHaveLength(2);
      expect(listed).toEqual(expect.arrayContaining([renamed, second]));

      expect(await store.deleteRule('acme', first.id)).toBe(true);
      expect(await store.deleteRule('acme', first.id)).toBe(false);
      expect(await store.getRule('acme', first.id)).toBeUndefined();
      expect(await store.listRules('acme')).toEqual([second]);
    });
  });
}
