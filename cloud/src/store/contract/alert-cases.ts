import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { collectPages } from './collect-pages.ts';
import type { MakeStore } from './store-contract.ts';
import { storeRecords } from './store-records.ts';

export function alertCases(makeStore: MakeStore): void {
  describe('alerts', () => {
    it('finds an alert by id and by fingerprint, and sees its updates', async () => {
      const store = await makeStore();
      const alert = storeRecords('acme').alert({ fingerprint: 'am:checkout' });
      await store.apply({ alerts: [alert] });
      const updated = { ...alert, receivedCount: 2, lastReceipt: 2, lastSeenAt: new Date().toISOString() };
      await store.apply({ alerts: [updated] });

      expect(await store.getAlert('acme', alert.id)).toEqual(updated);
      expect(await store.getAlertByFingerprint('acme', 'am:checkout')).toEqual(updated);
      expect(await store.getAlert('acme', 'alert_missing')).toBeUndefined();
      expect(await store.getAlertByFingerprint('acme', 'am:missing')).toBeUndefined();
    });

    it('lists newest first in pages that together hold every alert once', async () => {
      const store = await makeStore();
      const records = storeRecords('acme');
      const alerts = Array.from({ length: 7 }, () => records.alert());
      await store.apply({ alerts });

      const pages = await collectPages((cursor) => store.listAlerts('acme', { limit: 3, cursor }));
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat().map((alert) => alert.id)).toEqual(alerts.map((alert) => alert.id).reverse());
    });

    it('gives no next cursor when the page holds exactly the rest', async () => {
      const store = await makeStore();
      const records = storeRecords('acme');
      await store.apply({ alerts: [records.alert(), records.alert()] });
      const page = await store.listAlerts('acme', { limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeUndefined();
    });

    it('filters by status and source across pages', async () => {
      const store = await makeStore();
      const records = storeRecords('acme');
      const alerts = Array.from({ length: 9 }, (_, i) =>
        records.alert({
          status: i % 3 === 0 ? 'resolved' : 'firing',
          source: i % 2 === 0 ? 'grafana' : 'alertmanager',
        }),
      );
      await store.apply({ alerts });

      const resolved = (
        await collectPages((cursor) => store.listAlerts('acme', { limit: 2, status: 'resolved', cursor }))
      ).flat();
      expect(resolved.map((a) => a.id)).toEqual(
        alerts
          .filter((a) => a.status === 'resolved')
          .map((a) => a.id)
          .reverse(),
      );
      const firingGrafana = await store.listAlerts('acme', {
        limit: 10,
        status: 'firing',
        source: 'grafana',
      });
      expect(firingGrafana.items.map((a) => a.id)).toEqual(
        alerts
          .filter((a) => a.status === 'firing' && a.source === 'grafana')
          .map((a) => a.id)
          .reverse(),
      );
    });

    it.each([
      ['not base64 at all', 'not a cursor!'],
      ['empty-looking', '====='],
      ['a valid cursor with a character changed', 'tampered'],
    ])('rejects a cursor that is %s with a ValidationError (HTTP 400)', async (_case, cursor) => {
      const store = await makeStore();
      const records = storeRecords('acme');
      await store.apply({ alerts: [records.alert(), records.alert(), records.alert()] });
      let bad = cursor;
      if (cursor === 'tampered') {
        const real = (await store.listAlerts('acme', { limit: 1 })).nextCursor ?? '';
        bad = `${real.slice(0, 4)}${real[4] === 'A' ? 'B' : 'A'}${real.slice(5)}`;
      }
      await expect(store.listAlerts('acme', { limit: 1, cursor: bad })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });

  describe('rule decisions', () => {
    it('lists decisions newest first, all or for one alert, up to the limit', async () => {
      const store = await makeStore();
      const records = storeRecords('acme');
      const first = records.decision('alert_a');
      const second = records.decision('alert_b');
      const third = records.decision('alert_a');
      await store.apply({ decisions: [first, second, third] });

      expect((await store.listDecisions('acme', { limit: 10 })).map((d) => d.id)).toEqual([
        third.id,
        second.id,
        first.id,
      ]);
      expect((await store.listDecisions('acme', { limit: 2 })).map((d) => d.id)).toEqual([
        third.id,
        second.id,
      ]);
      expect((await store.listDecisions('acme', { alertId: 'alert_a', limit: 10 })).map((d) => d.id)).toEqual(
        [third.id, first.id],
      );
    });
  });
}
