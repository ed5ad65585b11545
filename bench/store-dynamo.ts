import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoStore } from '@opsworker/cloud/store/aws/dynamo-store.ts';
import { storeRecords } from '@opsworker/cloud/store/contract/store-records.ts';
import { LocalStore } from '@opsworker/cloud/store/local/local-store.ts';
import type { Store } from '@opsworker/cloud/store/store.ts';
import { startLocalAws } from '@opsworker/test/support/local-aws.ts';
import type { BenchResult } from './support/bench-result.ts';
import { percentile, round } from './support/stats.ts';

const SEEDED = 1_000;
const ROUNDS = 200;
type Operation = 'put' | 'get' | 'list' | 'scan';

/**
 * put/get/list latency of the DynamoDB store (against dynalite on loopback) next to the local
 * store, in the same run and interleaved, with 1,000 investigations already stored. dynalite is
 * a LevelDB emulator, not DynamoDB: the figures show the adapter's own cost (requests per call,
 * marshalling, validation) rather than DynamoDB's service latency (single-digit ms in-region).
 */
export async function run(): Promise<BenchResult[]> {
  const aws = await startLocalAws();
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-dynamo-'));
  try {
    const stores: Record<'dynamo' | 'local', Store> = {
      dynamo: new DynamoStore({ client: aws.dynamodb, tableName: await aws.createTable() }),
      local: new LocalStore(dir),
    };
    const records = storeRecords('bench', new Date(Date.now() - 2 * SEEDED * 1000));
    const seeded = Array.from({ length: SEEDED }, (_, i) =>
      records.investigation({ status: i % 10 === 0 ? 'failed' : 'completed' }),
    );
    for (const store of Object.values(stores)) await store.apply({ investigations: seeded });

    const latencies = { dynamo: newSamples(), local: newSamples() };
    for (let i = 0; i < ROUNDS; i++) {
      const fresh = records.investigation({ status: 'running' });
      const existing = seeded[(i * 37) % seeded.length]!;
      for (const name of ['dynamo', 'local'] as const) {
        const store = stores[name];
        await time(latencies[name].put, () => store.putInvestigation(fresh));
        await time(latencies[name].get, () => store.getInvestigation('bench', existing.id));
        await time(latencies[name].list, () =>
          store.listInvestigations('bench', { limit: 20, status: 'completed' }),
        );
        // A search that matches nothing reads the whole collection: the worst case of filtering in code.
        await time(latencies[name].scan, () =>
          store.listInvestigations('bench', { limit: 20, search: 'no such' }),
        );
      }
    }
    return (['put', 'get', 'list', 'scan'] as const).map((op) =>
      figure(op, latencies.dynamo[op], latencies.local[op]),
    );
  } finally {
    await aws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function newSamples(): Record<Operation, number[]> {
  return { put: [], get: [], list: [], scan: [] };
}

async function time(samples: number[], action: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await action();
  samples.push(performance.now() - started);
}

function figure(op: Operation, dynamo: number[], local: number[]): BenchResult {
  const what = {
    put: 'putInvestigation',
    get: 'getInvestigation',
    list: 'listInvestigations (newest 20 completed)',
    scan: `listInvestigations (search matching none of ${SEEDED.toLocaleString('en-US')})`,
  }[op];
  return {
    name: `store-dynamo: ${what} p50 on dynalite`,
    value: round(percentile(dynamo, 50)),
    unit: 'ms',
    detail:
      `p99 ${round(percentile(dynamo, 99))} ms; local store in the same run: p50 ${round(percentile(local, 50))} ms, ` +
      `p99 ${round(percentile(local, 99))} ms; ${dynamo.length} calls each, ${SEEDED.toLocaleString('en-US')} stored`,
  };
}
