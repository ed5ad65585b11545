import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoStore } from '@opsworker/cloud/store/aws/dynamo-store.ts';
import { describeStoreContract } from '@opsworker/cloud/store/contract/store-contract.ts';
import { storeRecords } from '@opsworker/cloud/store/contract/store-records.ts';
import { ValidationError } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAws, startLocalAws } from '../support/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(async () => {
  await aws?.close();
});

// A fresh table per test (dynalite creates one in a few milliseconds).
describeStoreContract(
  'DynamoStore on dynalite',
  async () => new DynamoStore({ client: aws.dynamodb, tableName: await aws.createTable() }),
);

describe('DynamoStore', () => {
  const makeStore = async (retentionDays?: ConstructorParameters<typeof DynamoStore>[0]['retentionDays']) => {
    const tableName = await aws.createTable();
    return { store: new DynamoStore({ client: aws.dynamodb, tableName, retentionDays }), tableName };
  };

  describe('when a delivery is redelivered late', () => {
    // Regression: an SQS redelivery of an older notification must not roll an alert back.
    it('keeps the alert written by the later delivery', async () => {
      const { store } = await makeStore();
      const alert = storeRecords('acme').alert({ lastReceipt: 5, receivedCount: 3 });
      await store.apply({ alerts: [alert] });
      await store.apply({ alerts: [{ ...alert, lastReceipt: 4, receivedCount: 2, status: 'resolved' }] });
      expect(await store.getAlert('acme', alert.id)).toEqual(alert);
    });

    it('keeps the first copy of an immutable timeline event', async () => {
      const { store } = await makeStore();
      const event = storeRecords('acme').event('inv_a', 1);
      await store.apply({ timeline: [event] });
      await store.apply({ timeline: [{ ...event, message: 'a second copy' }] });
      expect(await store.listTimeline('acme', 'inv_a')).toEqual([event]);
    });
  });

  describe('when records are past their retention', () => {
    it('sets the TTL attribute from the record time and retention days', async () => {
      const { store, tableName } = await makeStore({ alerts: 30 });
      const alert = storeRecords('acme').alert({ lastSeenAt: '2026-03-01T00:00:00.000Z' });
      await store.apply({ alerts: [alert] });
      const { Item } = await aws.dynamodb.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: 'ORG#acme' }, sk: { S: `ALERT#${alert.id}` } },
        }),
      );
      expect(Number(Item?.expiresAt?.N)).toBe(Date.parse('2026-03-31T00:00:00.000Z') / 1000);
    });

    // dynalite (like DynamoDB for up to days) keeps expired items: reads must skip them.
    it('hides expired records from every read although the table still holds them', async () => {
      const { store } = await makeStore({
        alerts: 1,
        investigations: 1,
        timeline: 1,
        messages: 1,
        decisions: 1,
      });
      const old = storeRecords('acme', new Date('2020-01-01T00:00:00.000Z'));
      const fresh = storeRecords('acme', new Date());
      const expiredAlert = old.alert();
      const expiredInv = old.investigation({ status: 'queued' });
      const liveInv = fresh.investigation({ status: 'queued' });
      await store.apply({
        alerts: [expiredAlert],
        decisions: [old.decision(expiredAlert.id)],
        investigations: [expiredInv, liveInv],
        timeline: [old.event(liveInv.id, 1), fresh.event(liveInv.id, 2)],
      });
      await store.putMessages([old.message(liveInv.id)]);

      expect(await store.getAlert('acme', expiredAlert.id)).toBeUndefined();
      expect(await store.getAlertByFingerprint('acme', expiredAlert.fingerprint)).toBeUndefined();
      expect((await store.listAlerts('acme', { limit: 10 })).items).toEqual([]);
      expect(await store.listDecisions('acme', { limit: 10 })).toEqual([]);
      expect(await store.getInvestigation('acme', expiredInv.id)).toBeUndefined();
      expect((await store.listInvestigations('acme', { limit: 10 })).items).toEqual([liveInv]);
      expect(await store.listUnfinishedInvestigations('acme')).toEqual([liveInv]);
      expect(await store.countInvestigations('acme')).toEqual([{ status: 'queued', count: 1 }]);
      expect((await store.listTimeline('acme', liveInv.id)).map((e) => e.seq)).toEqual([2]);
      expect(await store.listMessages('acme', liveInv.id)).toEqual([]);
    });

    it('never expires records when retention is 0 days', async () => {
      const { store } = await makeStore({ alerts: 0 });
      const alert = storeRecords('acme', new Date('2020-01-01T00:00:00.000Z')).alert();
      await store.apply({ alerts: [alert] });
      expect(await store.getAlert('acme', alert.id)).toEqual(alert);
    });
  });

  describe('when pages are large', () => {
    it('writes a batch of more than 25 records and pages through them', async () => {
      const { store } = await makeStore();
      const r = storeRecords('acme');
      const investigations = Array.from({ length: 60 }, () => r.investigation());
      await store.apply({ investigations });
      const first = await store.listInvestigations('acme', { limit: 50 });
      expect(first.items).toHaveLength(50);
      const second = await store.listInvestigations('acme', { limit: 50, cursor: first.nextCursor });
      expect([...first.items, ...second.items].map((inv) => inv.id)).toEqual(
        investigations.map((inv) => inv.id).reverse(),
      );
      expect(second.nextCursor).toBeUndefined();
    });
  });

  describe('cursors', () => {
    it('refuses a cursor from another organization with a ValidationError', async () => {
      const { store } = await makeStore();
      await store.apply({ alerts: [storeRecords('acme').alert(), storeRecords('acme').alert()] });
      const { nextCursor } = await store.listAlerts('acme', { limit: 1 });
      await expect(store.listAlerts('globex', { limit: 1, cursor: nextCursor })).rejects.toBeInstanceOf(
        ValidationError,
      );
      // …and one from another listing of the same organization.
      await expect(store.listInvestigations('acme', { limit: 1, cursor: nextCursor })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });
});
