import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalConfig } from '../../cloud/src/local/config.ts';
import { startLocalServer } from '../../cloud/src/local/local-server.ts';
import { createLogger } from '../../cloud/src/log/logger.ts';

// The real local server on a fresh data dir, for benchmarks run against it from another process.
// A data dir made here is removed when the server stops: an ingest run leaves hundreds of
// megabytes of journal and payloads, and their write-back would slow the benchmarks after it.
const givenDataDir = process.env.OPSWORKER_DATA_DIR;
const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'opsworker-bench-'));
const config = loadLocalConfig({
  OPSWORKER_PORT: '0',
  OPSWORKER_DATA_DIR: dataDir,
  OPSWORKER_WEBHOOK_TOKEN: process.env.OPSWORKER_WEBHOOK_TOKEN ?? 'owh_bench-webhook-token-000000',
  OPSWORKER_API_TOKEN: process.env.OPSWORKER_API_TOKEN ?? 'owa_bench-api-token-00000000000',
});
const server = await startLocalServer(config, { log: createLogger('error') });
console.log(`listening on ${server.url}`);
process.on('SIGTERM', () => {
  void server.close().then(() => {
    if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
