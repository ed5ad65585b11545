import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStoreContract } from '../contract/store-contract.ts';
import { LocalStore } from './local-store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Small segments so that pages and updates cross segment files.
describeStoreContract('LocalStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsworker-store-contract-'));
  dirs.push(dir);
  return new LocalStore(dir, { segmentSize: 3 });
});
