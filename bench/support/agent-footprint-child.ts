/**
 * Runs the agent core in its own process and reports its memory: idle, then while serving 20
 * concurrent operations. Started by measure-agent.ts: argv is `<kubeconfig|in-cluster> <kubeconfigPath> <serviceAccountDir> <port>`.
 */
import { readFileSync } from 'node:fs';
import { createMemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import { connectInCluster } from '@opsworker/agent/kube/in-cluster-connection.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { AGENT_PROTOCOL_VERSION, type AgentOperation } from '@opsworker/shared';

const [mode = 'kubeconfig', kubeconfigPath = '', serviceAccountDir = '', port = '443'] =
  process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
/** Resident memory in MB: total, anonymous (heap, buffers) and file-backed (mostly the node binary, shared). */
const memory = () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) =>
    Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  const mu = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return {
    rss: field('VmRSS'),
    anon: field('RssAnon'),
    file: field('RssFile'),
    heapTotal: mb(mu.heapTotal),
    heapUsed: mb(mu.heapUsed),
    external: mb(mu.external),
    arrayBuffers: mb(mu.arrayBuffers),
  };
};
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const connection =
  mode === 'in-cluster'
    ? await connectInCluster({ host: '127.0.0.1', port, serviceAccountDir })
    : await connectWithKubeConfig({ kubeconfigPath });
const audit = createMemoryAuditSink();
const executor = createAgentExecutor({ reader: createApiKubeReader(connection), audit });
let id = 0;
const run = (operation: AgentOperation) =>
  executor.execute({ version: AGENT_PROTOCOL_VERSION, id: `m-${++id}`, operation, requestedBy: {} });

// One warm-up read so the idle figure includes a live connection, as a running agent has.
await run({ op: 'clusterInfo' });
await settle();
const idleMemory = memory();

const mix: AgentOperation[] = [
  { op: 'list', kind: 'pods' },
  { op: 'describe', kind: 'pods', namespace: 'payments', name: 'payment-worker-9jztgp8xfw-llpsv' },
  { op: 'logs', namespace: 'payments', pod: 'payment-worker-9jztgp8xfw-llpsv', previous: true },
  { op: 'events', namespace: 'payments' },
  { op: 'list', kind: 'events' },
  { op: 'nodeSummary' },
  { op: 'ownerChain', kind: 'pods', namespace: 'payments', name: 'payment-worker-9jztgp8xfw-llpsv' },
  { op: 'list', kind: 'deployments' },
  { op: 'rolloutHistory', kind: 'deployments', namespace: 'checkout', name: 'checkout' },
  { op: 'clusterInfo' },
];
let peak = idleMemory;
const sample = () => {
  const current = memory();
  if (current.rss > peak.rss) peak = current;
};
const sampler = setInterval(sample, 5);
const started = performance.now();
let operations = 0;
let failures = 0;
for (let round = 0; round < 15; round++) {
  const batch = Array.from({ length: 20 }, (_, i) => run(mix[(i + round) % mix.length] as AgentOperation));
  const responses = await Promise.all(batch);
  operations += responses.length;
  failures += responses.filter((r) => !r.ok).length;
  sample();
}
const elapsed = performance.now() - started;
clearInterval(sampler);
await settle();
connection.close();
process.stdout.write(
  `${JSON.stringify({
    mode,
    idle: idleMemory,
    peakUnder20Concurrent: peak,
    afterLoad: memory(),
    operations,
    failures,
    opsPerSecond: Math.round(operations / (elapsed / 1000)),
  })}\n`,
);
