/**
 * The agent against the simulated cluster (`npm run bench -- agent`):
 * - resident memory of `opsworker-agent run` idle and under 20 concurrent operations through SQS
 *   (fauxqs), as the container runs it: the bundle, in-cluster credentials, the chart's Node
 *   flags; the TypeScript sources for comparison;
 * - latency of operations through the agent vs the same reads made directly with client-node;
 * - redaction rates on the planted-secrets and ordinary-log corpora.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { discardAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { measureRedaction } from '@opsworker/agent/redaction/measure-redaction.ts';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { AGENT_PROTOCOL_VERSION, type AgentOperation } from '@opsworker/shared';
import { buildAgent } from '../agent/scripts/build.ts';
import { startSqsFixture } from '../test/src/agent-sqs/sqs-fixture.ts';
import { startFakeCluster } from '../test/src/kube/fake-cluster.ts';
import { type Footprint, measureAgentProcess } from './support/agent-process-footprint.ts';
import type { BenchResult } from './support/bench-result.ts';
import { chartRuntime } from './support/chart-runtime.ts';

const sources = fileURLToPath(new URL('../agent/bin/opsworker-agent.mjs', import.meta.url));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const describeFootprint = (what: string, f: Footprint) =>
  `${what}: idle ${f.idle.rss} MB, peak ${f.peak.rss} MB (${f.peak.anon} private + ${f.peak.file} file-backed)`;

export async function run(): Promise<BenchResult[]> {
  const [cluster, sqs] = await Promise.all([startFakeCluster({ scenarios: 'all' }), startSqsFixture()]);
  const buildDir = await mkdtemp(join(tmpdir(), 'opsworker-agent-bundle-'));

  try {
    const runtime = chartRuntime();
    const bundle = await buildAgent(buildDir);
    const measure = (entry: string) =>
      measureAgentProcess({
        entry,
        nodeOptions: runtime.nodeOptions,
        mallocArenaMax: runtime.mallocArenaMax,
        cluster,
        sqs,
      });
    const typescript = await measure(sources);
    const production = await measure(bundle);
    if (production.failures > 0) throw new Error(`${production.failures} operations failed`);

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
    const compared = `${describeFootprint('bundle', production)}; ${describeFootprint('TypeScript sources', typescript)}; flags: ${runtime.nodeOptions.join(' ')}`;
    return [
      {
        name: "agent: resident memory idle (opsworker-agent run, bundled, the chart's runtime settings)",
        value: production.idle.rss,
        unit: 'MB',
        target: '≤ 80 MB',
        met: production.idle.rss <= 80,
        detail: compared,
      },
      {
        name: 'agent: resident memory serving 20 concurrent operations over SQS',
        value: production.peak.rss,
        unit: 'MB',
        target: '≤ 80 MB',
        met: production.peak.rss <= 80,
        detail: `of which ${production.peak.anon} MB private, ${production.peak.file} MB file-backed (the node binary, shared); ${production.operations} operations`,
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
    await Promise.all([cluster.close(), sqs.close(), rm(buildDir, { recursive: true, force: true })]);
  }
}
