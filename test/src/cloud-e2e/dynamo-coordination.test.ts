import { DynamoCounter } from '@opsworker/cloud/lambda/coordination/dynamo-counter.ts';
import { DynamoLease, LeaseBusyError } from '@opsworker/cloud/lambda/coordination/dynamo-lease.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAws, startLocalAws } from '../support/local-aws.ts';

/** The counters and leases many Lambda containers share, on dynalite with the real DynamoDB client. */
describe('DynamoDB coordination', () => {
  let aws: LocalAws;
  let table: string;

  beforeAll(async () => {
    aws = await startLocalAws();
    table = await aws.createTable();
  });
  afterAll(async () => {
    await aws?.close();
  });

  describe('DynamoCounter', () => {
    it('hands 50 concurrent callers 50 different numbers, 1 to 50', async () => {
      const counter = new DynamoCounter(aws.dynamodb, table);
      const numbers = await Promise.all(Array.from({ length: 50 }, () => counter.next('acme', 'TL#inv-1')));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('keeps each organization’s counter apart', async () => {
      const counter = new DynamoCounter(aws.dynamodb, table);
      expect(await counter.next('globex', 'TL#inv-1')).toBe(1);
    });
  });

  describe('DynamoLease', () => {
    it('lets one of many concurrent takers have it', async () => {
      const lease = new DynamoLease(aws.dynamodb, table);
      const taken = await Promise.all(
        Array.from({ length: 10 }, () => lease.tryAcquire('acme', 'JOB#inv-1', { ttlMs: 60_000 })),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
    });

    it('can be taken again once released, and released twice without harm', async () => {
      const lease = new DynamoLease(aws.dynamodb, table);
      const first = await lease.tryAcquire('acme', 'JOB#inv-2', { ttlMs: 60_000 });
      await first?.release();
      await first?.release();
      expect(await lease.tryAcquire('acme', 'JOB#inv-2', { ttlMs: 60_000 })).toBeDefined();
    });

    it('is taken over once its holder let it lapse (a crashed Lambda)', async () => {
      let now = Date.parse('2026-11-24T10:00:00Z');
      const lease = new DynamoLease(aws.dynamodb, table, () => now);
      const crashed = await lease.tryAcquire('acme', 'JOB#inv-3', { ttlMs: 30_000 });
      expect(await lease.tryAcquire('acme', 'JOB#inv-3', { ttlMs: 30_000 })).toBeUndefined();
      now += 31_000;
      const successor = await lease.tryAcquire('acme', 'JOB#inv-3', { ttlMs: 30_000 });
      expect(successor).toBeDefined();
      // The crashed holder's late release must not free the successor's lease.
      await crashed?.release();
      expect(await lease.tryAcquire('acme', 'JOB#inv-3', { ttlMs: 30_000 })).toBeUndefined();
    });

    it('runs waiting work one at a time, and gives up with LeaseBusyError after its wait', async () => {
      const lease = new DynamoLease(aws.dynamodb, table);
      let inside = 0;
      let most = 0;
      const work = async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside--;
      };
      await Promise.all(
        Array.from({ length: 5 }, () =>
          lease.withLease('acme', 'INGEST', { ttlMs: 10_000, waitMs: 10_000 }, work),
        ),
      );
      expect(most).toBe(1);

      const held = await lease.tryAcquire('acme', 'INGEST', { ttlMs: 10_000 });
      await expect(lease.withLease('acme', 'INGEST', { ttlMs: 10_000, waitMs: 50 }, work)).rejects.toThrow(
        LeaseBusyError,
      );
      await held?.release();
    });
  });
});
