import type { Investigation } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { collectPages } from './collect-pages.ts';
import type { MakeStore } from './store-contract.ts';
import { storeRecords } from './store-records.ts';

const ids = (list: Investigation[]) => list.map((inv) => inv.id);

export function investigationCases(makeStore: MakeStore): void {
  describe('investigations', () => {
    it('keeps the latest version of an investigation', async () => {
      const store = await makeStore();
      const inv = storeRecords('acme').investigation();
      await store.putInvestigation(inv);
      const done = { ...inv, status: 'completed' as const, outcome: 'root_cause_found' as const };
      await store.apply({ investigations: [done] });

      expect(await store.getInvestigation('acme', inv.id)).toEqual(done);
      expect(await store.getInvestigation('acme', 'inv_missing')).toBeUndefined();
      expect((await store.listInvestigations('acme', { limit: 10 })).items).toEqual([done]);
    });

    it('filters by status, severity, cluster, namespace and a case-insensitive search, across pages', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const payments = r.investigation({
        title: 'Payments API errors',
        severity: 'critical',
        scope: { cluster: 'prod', namespace: 'payments', kind: 'deployments', name: 'payments-api' },
      });
      const cartDb = r.investigation({
        status: 'completed',
        scope: { cluster: 'staging', namespace: 'shop', kind: 'statefulsets', name: 'Cart-DB' },
      });
      const checkout = r.investigation({ status: 'running' });
      const others = Array.from({ length: 4 }, () => r.investigation({ status: 'completed' }));
      await store.apply({ investigations: [payments, cartDb, checkout, ...others] });
      const list = async (query: Omit<Parameters<typeof store.listInvestigations>[1], 'limit' | 'cursor'>) =>
        (
          await collectPages((cursor) => store.listInvestigations('acme', { ...query, limit: 2, cursor }))
        ).flat();

      expect(ids(await list({ status: 'completed' }))).toEqual(ids([...others].reverse().concat(cartDb)));
      expect(ids(await list({ severity: 'critical' }))).toEqual([payments.id]);
      expect(ids(await list({ cluster: 'staging' }))).toEqual([cartDb.id]);
      expect(ids(await list({ namespace: 'payments' }))).toEqual([payments.id]);
      expect(ids(await list({ search: 'PAYMENTS api' }))).toEqual([payments.id]);
      expect(ids(await list({ search: 'cart-db' }))).toEqual([cartDb.id]);
      expect(ids(await list({ status: 'running', namespace: 'shop' }))).toEqual([checkout.id]);
      expect(await list({ search: 'nothing like this' })).toEqual([]);
    });

    it('lists unfinished investigations: queued and running, not completed or failed', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const queued = r.investigation({ status: 'queued' });
      const running = r.investigation({ status: 'running' });
      const finished = r.investigation({ status: 'completed' });
      await store.apply({
        investigations: [queued, running, finished, r.investigation({ status: 'failed' })],
      });
      await store.putInvestigation({ ...running, status: 'completed' });

      expect(ids(await store.listUnfinishedInvestigations('acme'))).toEqual([queued.id]);
    });

    it('counts investigations per status and outcome', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      await store.apply({
        investigations: [
          r.investigation({ status: 'queued' }),
          r.investigation({ status: 'completed', outcome: 'root_cause_found' }),
          r.investigation({ status: 'completed', outcome: 'root_cause_found' }),
          r.investigation({ status: 'completed', outcome: 'inconclusive' }),
        ],
      });
      const counts = await store.countInvestigations('acme');
      expect(counts).toHaveLength(3);
      expect(counts).toEqual(
        expect.arrayContaining([
          { status: 'queued', count: 1 },
          { status: 'completed', outcome: 'root_cause_found', count: 2 },
          { status: 'completed', outcome: 'inconclusive', count: 1 },
        ]),
      );
    });

    it('finds investigations of a group created since a time, newest first', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const old = r.investigation({ groupKey: 'prod/shop/deployments/checkout' });
      const recent = r.investigation({ groupKey: 'prod/shop/deployments/checkout' });
      const other = r.investigation({ groupKey: 'prod/shop/deployments/cart' });
      const newest = r.investigation({ groupKey: 'prod/shop/deployments/checkout' });
      await store.apply({ investigations: [old, recent, other, newest] });

      const found = await store.findInvestigationsByGroupKey(
        'acme',
        'prod/shop/deployments/checkout',
        new Date(recent.createdAt),
      );
      expect(ids(found)).toEqual([newest.id, recent.id]);
    });
  });
}
