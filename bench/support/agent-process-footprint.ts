/**
 * Runs `opsworker-agent run` as its own process, as a pod runs it (in-cluster service account,
 * SQS queues, health server, heartbeats, the chart's Node flags), and reads its resident memory
 * from /proc: idle, then while 20 operations at a time go through the queues.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqsAgentTransport } from '@opsworker/agent/transport/sqs-agent-transport.ts';
import { silentLog } from '@opsworker/agent/transport/sqs-log.ts';
import { AGENT_PROTOCOL_VERSION, type AgentOperation } from '@opsworker/shared';
import type { SqsFixture } from '../../test/src/agent-sqs/sqs-fixture.ts';
import type { FakeCluster } from '../../test/src/kube/fake-cluster.ts';

export type Memory = { rss: number; anon: number; file: number };
export type Footprint = { idle: Memory; peak: Memory; operations: number; failures: number };

/** What an investigation asks of the agent, big lists included. */
const MIX: AgentOperation[] = [
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
const ROUNDS = 15;
const CONCURRENT = 20;

/** VmRSS, RssAnon (heap, buffers) and RssFile (mostly the node binary) of a process, in MB. */
function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile') };
}

export async function measureAgentProcess(options: {
  /** The agent's entry: the bundle, or bin/opsworker-agent.mjs for the TypeScript sources. */
  entry: string;
  nodeOptions: string[];
  mallocArenaMax: string;
  cluster: FakeCluster;
  sqs: SqsFixture;
}): Promise<Footprint> {
  const { cluster, sqs } = options;
  const serviceAccount = await mkdtemp(join(tmpdir(), 'opsworker-bench-sa-'));
  await writeFile(join(serviceAccount, 'token'), cluster.token);
  await writeFile(join(serviceAccount, 'ca.crt'), cluster.caPem);
  const [requestQueueUrl, responseQueueUrl, heartbeatQueueUrl] = await Promise.all([
    sqs.createQueue(),
    sqs.createQueue(),
    sqs.createQueue(),
  ]);
  const child = spawn(process.execPath, [...options.nodeOptions, options.entry, 'run'], {
    // Only what a pod gives it.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      MALLOC_ARENA_MAX: options.mallocArenaMax,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      KUBERNETES_SERVICE_HOST: '127.0.0.1',
      KUBERNETES_SERVICE_PORT: new URL(cluster.url).port,
      OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR: serviceAccount,
      OPSWORKER_CLUSTER_NAME: 'bench',
      OPSWORKER_AGENT_REQUEST_QUEUE_URL: requestQueueUrl,
      OPSWORKER_AGENT_RESPONSE_QUEUE_URL: responseQueueUrl,
      OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL: heartbeatQueueUrl,
      OPSWORKER_AGENT_HEALTH_PORT: '0',
      OPSWORKER_AGENT_HEALTH_HOST: '127.0.0.1',
      OPSWORKER_AGENT_AUDIT_LOG: '/dev/null',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = once(child, 'exit');
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const transport = createSqsAgentTransport({
    sqs: sqs.sqs,
    requestQueueUrl,
    responseQueueUrl,
    waitTimeSeconds: 1,
    timeoutMs: 30_000,
    log: silentLog,
  });
  try {
    const started = Date.now();
    while (!log.includes('agent ready')) {
      if (child.exitCode !== null || Date.now() - started > 20_000)
        throw new Error(`the agent did not become ready:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let id = 0;
    const call = (operation: AgentOperation) =>
      transport.call({ version: AGENT_PROTOCOL_VERSION, id: `bench-${++id}`, operation, requestedBy: {} });

    // One answered request, then a pause: idle with a live API connection, as a running agent is.
    await call({ op: 'clusterInfo' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const idle = memoryOf(child.pid as number);

    let peak = idle;
    const sample = () => {
      const now = memoryOf(child.pid as number);
      if (now.rss > peak.rss) peak = now;
    };
    const sampler = setInterval(sample, 5);
    let operations = 0;
    let failures = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const batch = Array.from({ length: CONCURRENT }, (_, i) =>
          call(MIX[(i + round) % MIX.length] as AgentOperation),
        );
        const responses = await Promise.all(batch);
        operations += responses.length;
        failures += responses.filter((response) => !response.ok).length;
        sample();
      }
    } finally {
      clearInterval(sampler);
    }
    return { idle, peak, operations, failures };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await transport.close();
    await rm(serviceAccount, { recursive: true, force: true });
  }
}
