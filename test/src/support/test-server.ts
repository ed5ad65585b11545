import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalConfig } from '@opsworker/cloud/local/config.ts';
import {
  type LocalServer,
  type LocalServerOverrides,
  startLocalServer,
} from '@opsworker/cloud/local/local-server.ts';
import { createLogger } from '@opsworker/cloud/log/logger.ts';
import { opsWorkerClient } from './opsworker-client.ts';

export const TEST_WEBHOOK_TOKEN = 'owh_test-webhook-token-0123456789';
export const TEST_API_TOKEN = 'owa_test-api-token-0123456789abcd';

export interface TestServer extends LocalServer {
  dataDir: string;
  webhookToken: string;
  apiToken: string;
  /** fetch with the API token, relative to the server URL. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** POST a JSON webhook with the webhook token. */
  webhook(source: string, body: unknown, init?: RequestInit): Promise<Response>;
  /** Closes the server and deletes its data dir (unless it was given). */
  stop(): Promise<void>;
}

/**
 * A real local server on 127.0.0.1 with an OS-chosen port and a fresh data dir, with known
 * tokens. Logs go nowhere unless OPSWORKER_TEST_LOG is set.
 */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string>; overrides?: LocalServerOverrides } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'opsworker-test-'));
  const config = loadLocalConfig({
    OPSWORKER_PORT: '0',
    OPSWORKER_DATA_DIR: dataDir,
    OPSWORKER_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN,
    OPSWORKER_API_TOKEN: TEST_API_TOKEN,
    ...options.env,
  });
  const log = createLogger(
    'debug',
    process.env.OPSWORKER_TEST_LOG ? (line) => process.stderr.write(line) : () => {},
  );
  // Pipeline tests look at investigations as the rules opened them (queued); tests of the
  // engine pass `runInvestigations: true` with an agent for the simulated cluster.
  const server = await startLocalServer(config, { log, runInvestigations: false, ...options.overrides });
  const client = opsWorkerClient({
    url: server.url,
    apiToken: TEST_API_TOKEN,
    webhookToken: TEST_WEBHOOK_TOKEN,
  });
  return {
    ...server,
    dataDir,
    webhookToken: TEST_WEBHOOK_TOKEN,
    apiToken: TEST_API_TOKEN,
    api: client.api,
    webhook: client.webhook,
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
