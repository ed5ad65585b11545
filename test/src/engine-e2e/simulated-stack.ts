import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectionBudget } from '@opsworker/cloud/engine/collect/collection-budget.ts';
import type { Enrich } from '@opsworker/cloud/engine/worker/enrich.ts';
import { loadLocalConfig } from '@opsworker/cloud/local/config.ts';
import { type LocalServer, startLocalServer } from '@opsworker/cloud/local/local-server.ts';
import { createLogger, type LogLevel } from '@opsworker/cloud/log/logger.ts';
import { type FakeCluster, type FakeClusterOptions, startFakeCluster } from '../kube/fake-cluster.ts';
import { type OpsWorkerClient, opsWorkerClient } from '../support/opsworker-client.ts';

/** The simulated cluster and a real local server investigating it through the real agent. */
export interface SimulatedStack {
  cluster: FakeCluster;
  server: LocalServer;
  client: OpsWorkerClient;
  webhookToken: string;
  apiToken: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface SimulatedStackOptions extends FakeClusterOptions {
  /** Server log level; `error` keeps a script's output to what it prints itself. */
  logLevel?: LogLevel;
  enrich?: Enrich;
  budget?: Partial<CollectionBudget>;
  /** More environment for the local server (its own variables win). */
  env?: Record<string, string>;
}

/**
 * Starts the fake API server with the given scenarios and the local server on a fresh data dir,
 * pointed at the fake cluster's kubeconfig exactly as a user points it at theirs
 * (OPSWORKER_KUBECONFIG). Tokens are random; the data dir is removed at `stop`.
 */
export async function startSimulatedStack(options: SimulatedStackOptions = {}): Promise<SimulatedStack> {
  const { logLevel = 'error', enrich, budget, env, ...clusterOptions } = options;
  const cluster = await startFakeCluster(clusterOptions);
  const dataDir = mkdtempSync(join(tmpdir(), 'opsworker-sim-'));
  const webhookToken = `owh_${randomBytes(18).toString('base64url')}`;
  const apiToken = `owa_${randomBytes(18).toString('base64url')}`;
  try {
    const config = loadLocalConfig({
      ...env,
      OPSWORKER_PORT: '0',
      OPSWORKER_DATA_DIR: dataDir,
      OPSWORKER_WEBHOOK_TOKEN: webhookToken,
      OPSWORKER_API_TOKEN: apiToken,
      OPSWORKER_KUBECONFIG: cluster.kubeconfigPath,
      OPSWORKER_LOG_LEVEL: logLevel,
    });
    const server = await startLocalServer(config, {
      log: createLogger(logLevel),
      ...(enrich ? { enrich } : {}),
      ...(budget ? { collectionBudget: budget } : {}),
    });
    return {
      cluster,
      server,
      client: opsWorkerClient({ url: server.url, apiToken, webhookToken }),
      webhookToken,
      apiToken,
      dataDir,
      async stop() {
        await server.close();
        await cluster.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Adds a rule that investigates every firing alert (heartbeats stay ignored by the default
 * rule before it), so scenarios whose alert is only `info` are investigated too.
 */
export async function investigateEveryAlert(client: OpsWorkerClient): Promise<void> {
  const response = await client.api('/api/rules', {
    method: 'POST',
    body: JSON.stringify({
      name: 'Investigate every firing alert (evaluation)',
      description: 'Added by the evaluation: every scenario is investigated, whatever its severity.',
      priority: 50,
      action: 'investigate',
      match: { combine: 'and' },
    }),
  });
  if (!response.ok)
    throw new Error(`adding the evaluation rule failed: ${response.status} ${await response.text()}`);
}
