/**
 * The agent against the simulated cluster (`npm run bench -- agent`):
 * - resident memory idle and under 20 concurrent operations, for the kubeconfig path (loads
 *   @kubernetes/client-node) and the in-cluster path (service account only), each in its own process;
 * - latency of operations through the agent vs the same reads made directly with client-node;
 * - redaction rates on the planted-secrets and ordinary-log corpora.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { discardAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { measureRedaction } from '@opsworker/agent/redaction/measure-redaction.ts';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { AGENT_PROTOCOL_VERSION, type AgentOperation } from '@opsworker/shared';
import { startFakeCluster } from '../test/src/kube/fake-cluster.ts';
import type { BenchResult } from './support/bench-result.ts';
import { chartRuntime } from './support/chart-runtime.ts';

const child = fileURLToPath(new URL('./support/agent-footprint-child.ts', import.meta.url));
const rolldown = fileURLToPath(new URL('../node_modules/.bin/rolldown', import.meta.url));

/** Bundles the footprint child with rolldown when it is installed (it comes with vite). */
async function bundle(dir: string): Promise<string | undefined> {
  if (!existsSync(rolldown)) return undefined;
  await promisify(execFile)(rolldown, [
    child,
    '--platform',
    'node',
    '--format',
    'esm',
    '-d',
    join(dir, 'bundle'),
  ]);
  return join(dir, 'bundle', 'agent-footprint-child.js');
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function run(): Promise<BenchResult[]> {
  const cluster = await startFakeCluster({ scenarios: 'all' });
  const serviceAccountDir = await mkdtemp(join(tmpdir(), 'measure-sa-'));
  await writeFile(join(serviceAccountDir, 'token'), cluster.token);
  await writeFile(join(serviceAccountDir, 'ca.crt'), cluster.caPem);
  const port = new URL(cluster.url).port;

  try {
    // A prebuilt bundle avoids type stripping (~18 MB for its WebAssembly compiler) and per-module overhead.
    const bundled = await bundle(serviceAccountDir);
    const runtime = chartRuntime();
    const lean = runtime.nodeOptions;
    const variants: Array<{ entry: string; mode: string; flags: string[] }> = [
      { entry: child, mode: 'kubeconfig', flags: [] },
      { entry: child, mode: 'in-cluster', flags: [] },
      { entry: child, mode: 'in-cluster', flags: lean },
      ...(bundled
        ? [
            { entry: bundled, mode: 'in-cluster', flags: [] },
            { entry: bundled, mode: 'in-cluster', flags: lean },
          ]
        : []),
    ];
    const footprint = [];
    for (const { entry, mode, flags } of variants) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--expose-gc', ...flags, entry, mode, cluster.kubeconfigPath, serviceAccountDir, port],
        // The chart's malloc setting goes with its heap flags: both are how the agent runs.
        {
          maxBuffer: 1 << 20,
          env: flags.length ? { ...process.env, MALLOC_ARENA_MAX: runtime.mallocArenaMax } : process.env,
        },
      );
      footprint.push({
        source: entry === child ? 'typescript' : 'bundle',
        flags: flags.join(' '),
        ...JSON.parse(stdout),
      });
    }

    // Side by side, interleaved, in one process: the same reads direct vs through the agent.
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    const connection = await connectWithKubeConfig({ kubeconfigPath: cluster.kubeconfigPath });
    const transport = createInProcessTransport(
      createAgentExecutor({ reader: createApiKubeReader(connection), audit: discardAuditSink }),
    );
    let id = 0;
    const viaAgent = (operation: AgentOperation) =>
      transport.call({ version: AGENT_PROTOCOL_VERSION, id: `o-${++id}`, operation, requestedBy: {} });
    const cases = [
      {
        name: 'get pod',
        direct: () =>
          core.readNamespacedPod({ name: 'payment-worker-9jztgp8xfw-llpsv', namespace: 'payments' }),
        agent: () =>
          viaAgent({
            op: 'get',
            kind: 'pods',
            namespace: 'payments',
            name: 'payment-worker-9jztgp8xfw-llpsv',
          }),
      },
      {
        name: 'list pods (all namespaces)',
        direct: () => core.listPodForAllNamespaces({ limit: 500 }),
        agent: () => viaAgent({ op: 'list', kind: 'pods' }),
      },
      {
        name: 'previous logs',
        direct: () =>
          core.readNamespacedPodLog({
            name: 'payment-worker-9jztgp8xfw-llpsv',
            namespace: 'payments',
            container: 'payment-worker',
            previous: true,
            tailLines: 500,
          }),
        agent: () =>
          viaAgent({
            op: 'logs',
            namespace: 'payments',
            pod: 'payment-worker-9jztgp8xfw-llpsv',
            container: 'payment-worker',
            previous: true,
          }),
      },
    ];
    const overhead = [];
    for (const c of cases) {
      for (let i = 0; i < 10; i++) await Promise.all([c.direct(), c.agent()]);
      const direct: number[] = [];
      const agent: number[] = [];
      for (let i = 0; i < 60; i++) {
        let t = performance.now();
        await c.direct();
        direct.push(performance.now() - t);
        t = performance.now();
        const response = await c.agent();
        agent.push(performance.now() - t);
        if (!response.ok) throw new Error(`${c.name}: ${response.error.message}`);
      }
      overhead.push({
        case: c.name,
        directMs: median(direct),
        agentMs: median(agent),
        ratio: median(agent) / median(direct),
      });
    }
    connection.close();

    const redaction = measureRedaction();
    const production = footprint.at(-1) as {
      source: string;
      flags: string;
      idle: { rss: number };
      peakUnder20Concurrent: { rss: number; anon: number; file: number };
    };
    const measured = footprint
      .map(
        (f) =>
          `${f.source}/${f.mode}${f.flags ? ` ${f.flags}` : ''}: idle ${f.idle.rss} MB, peak ${f.peakUnder20Concurrent.rss} MB`,
      )
      .join('; ');
    return [
      {
        name: "agent: resident memory idle (bundle, in-cluster, the chart's runtime settings)",
        value: production.idle.rss,
        unit: 'MB',
        target: '≤ 80 MB',
        met: production.idle.rss <= 80,
        detail: measured,
      },
      {
        name: 'agent: resident memory serving 20 concurrent operations',
        value: production.peakUnder20Concurrent.rss,
        unit: 'MB',
        target: '≤ 80 MB',
        met: production.peakUnder20Concurrent.rss <= 80,
        detail: `of which ${production.peakUnder20Concurrent.anon} MB private, ${production.peakUnder20Concurrent.file} MB file-backed (the node binary, shared)`,
      },
      ...overhead.map((o) => ({
        name: `agent: ${o.case} through the agent vs direct client-node`,
        value: Math.round(o.ratio * 100) / 100,
        unit: '×',
        target: '≤ 1.2×',
        met: o.ratio <= 1.2,
        detail: `${o.agentMs.toFixed(2)} ms vs ${o.directMs.toFixed(2)} ms (medians of 60, interleaved)`,
      })),
      {
        name: 'agent: planted secrets redacted',
        value: Math.round(redaction.planted.rate * 1000) / 10,
        unit: '%',
        detail: `${redaction.planted.redacted}/${redaction.planted.total}; ordinary log lines changed ${redaction.ordinary.changed}/${redaction.ordinary.lines}; ${Math.round(redaction.throughputMBps)} MB/s`,
      },
    ];
  } finally {
    await cluster.close();
    await rm(serviceAccountDir, { recursive: true, force: true });
  }
}
