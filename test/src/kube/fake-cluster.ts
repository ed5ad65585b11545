import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKubeconfig } from './kubeconfig.ts';
import { LogStore } from './log-store.ts';
import { ObjectStore } from './object-store.ts';
import { createRequestHandler, createUpgradeHandler } from './request-handler.ts';
import { listScenarioNames, loadBaseCluster, loadScenario, SCENARIOS_DIR } from './scenario-loader.ts';
import type { ScenarioManifest } from './scenario-manifest.ts';
import { createServingCertificate } from './tls.ts';
import type { KubeObject, PodLog, RecordedRequest } from './types.ts';

/** The identity the fake's token stands for: the agent's service account. */
export const FAKE_CLUSTER_USER = 'system:serviceaccount:opsworker:opsworker-agent';

export interface FakeClusterOptions {
  /** Scenario folders to load from the corpus, or 'all'. */
  scenarios?: string[] | 'all';
  /** Extra objects, added after the scenarios; relative times ("-5m") are allowed. */
  objects?: KubeObject[];
  logs?: PodLog[];
  clusterName?: string;
  /** The bearer token to accept; a random one by default. */
  token?: string;
  /** Start from the `_cluster` base objects (nodes, kube-system, storage classes). Default true. */
  baseCluster?: boolean;
  scenariosDir?: string;
  /** The clock ages and relative times are computed from. */
  now?: () => Date;
}

/** A running fake Kubernetes API server on https://127.0.0.1 with a kubeconfig pointing at it. */
export interface FakeCluster {
  url: string;
  kubeconfigPath: string;
  kubeconfigYaml: string;
  token: string;
  caPem: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The requests answered 403 by policy: writes, exec/attach/port-forward/proxy, secrets. */
  refused: RecordedRequest[];
  /** The manifests of the loaded scenarios. */
  scenarios: ScenarioManifest[];
  addObjects(objects: readonly KubeObject[]): void;
  setLogs(...logs: PodLog[]): void;
  close(): Promise<void>;
}

/**
 * Starts the simulated cluster: loads the base objects and the chosen scenarios, serves them
 * read-only over HTTPS with a fresh CA, and writes a kubeconfig to a temp directory.
 */
export async function startFakeCluster(options: FakeClusterOptions = {}): Promise<FakeCluster> {
  const now = options.now ?? (() => new Date());
  const dir = options.scenariosDir ?? SCENARIOS_DIR;
  const store = new ObjectStore();
  const logs = new LogStore();
  const names = options.scenarios === 'all' ? await listScenarioNames(dir) : (options.scenarios ?? []);
  const loaded = await Promise.all(names.map((name) => loadScenario(name, dir)));
  const base = options.baseCluster === false ? [] : await loadBaseCluster(dir);
  store.add([...base, ...loaded.flatMap((s) => s.objects), ...(options.objects ?? [])], now());
  for (const log of [...loaded.flatMap((s) => s.logs), ...(options.logs ?? [])]) logs.set(log);

  const token = options.token ?? randomBytes(24).toString('base64url');
  const certificate = await createServingCertificate();
  const requests: RecordedRequest[] = [];
  const refused: RecordedRequest[] = [];
  let address = '';
  const context = {
    store,
    logs,
    token,
    user: FAKE_CLUSTER_USER,
    now,
    serverAddress: () => address,
    record(request: RecordedRequest, wasRefused: boolean) {
      requests.push(request);
      if (wasRefused) refused.push(request);
    },
  };
  const server = createServer(
    { key: certificate.keyPem, cert: certificate.certPem },
    createRequestHandler(context),
  );
  server.on('upgrade', createUpgradeHandler(context));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `https://${address}`;
  const clusterName = options.clusterName ?? 'fake-cluster';
  const kubeconfigYaml = buildKubeconfig({ clusterName, server: url, caPem: certificate.caPem, token });
  const kubeconfigDir = await mkdtemp(join(tmpdir(), 'opsworker-fake-cluster-'));
  const kubeconfigPath = join(kubeconfigDir, 'kubeconfig');
  await writeFile(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });

  return {
    url,
    kubeconfigPath,
    kubeconfigYaml,
    token,
    caPem: certificate.caPem,
    requests,
    refused,
    scenarios: loaded.map((s) => s.manifest),
    addObjects: (objects) => store.add(objects, now()),
    setLogs: (...entries) => {
      for (const entry of entries) logs.set(entry);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(kubeconfigDir, { recursive: true, force: true });
    },
  };
}
