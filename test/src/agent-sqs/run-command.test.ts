import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import { createSqsAgentTransport } from '@opsworker/agent/transport/sqs-agent-transport.ts';
import { silentLog } from '@opsworker/agent/transport/sqs-log.ts';
import { AGENT_PROTOCOL_VERSION, type AgentHeartbeat } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgent } from '../../../agent/scripts/build.ts';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import { sendRaw } from './agent-harness.ts';
import { AGENT_DIR } from './chart-files.ts';
import { clusterInfoRequest } from './scripted-executor.ts';
import { type SqsFixture, startSqsFixture } from './sqs-fixture.ts';

const run = promisify(execFile);

/** The built agent as the container runs it: `opsworker-agent run`, configured by its environment. */
function spawnAgent(
  env: Record<string, string>,
  entry = `${AGENT_DIR}bin/opsworker-agent.mjs`,
): {
  child: ChildProcess;
  lines: () => Array<Record<string, unknown>>;
} {
  const child = spawn(process.execPath, [entry, 'run'], {
    // Nothing inherited: the agent must run on exactly what a pod would give it.
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, lines };
}

describe('opsworker-agent run', () => {
  let fixture: SqsFixture;
  let cluster: FakeCluster;
  let home: string;
  beforeAll(async () => {
    [fixture, cluster, home] = await Promise.all([
      startSqsFixture(),
      startFakeCluster({ scenarios: ['oom-killed'] }),
      mkdtemp(join(tmpdir(), 'opsworker-agent-home-')),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fixture?.close(), cluster?.close(), rm(home, { recursive: true, force: true })]);
  });

  /** What every pod gives the agent: its queues, AWS settings for fauxqs, a health port. */
  const podEnvironment = (queues: { request: string; response: string }) => ({
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_SQS: fixture.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    OPSWORKER_CLUSTER_NAME: 'prod-eu-west-1',
    OPSWORKER_AGENT_REQUEST_QUEUE_URL: queues.request,
    OPSWORKER_AGENT_RESPONSE_QUEUE_URL: queues.response,
    OPSWORKER_AGENT_HEALTH_PORT: '0',
    OPSWORKER_AGENT_HEALTH_HOST: '127.0.0.1',
  });
  /** The cloud side of the queues, as the worker calls the agent. */
  const cloudSide = (queues: { request: string; response: string }) =>
    createSqsAgentTransport({
      sqs: fixture.sqs,
      requestQueueUrl: queues.request,
      responseQueueUrl: queues.response,
      waitTimeSeconds: 1,
      timeoutMs: 15_000,
      log: silentLog,
    });
  const untilReady = (lines: () => Array<Record<string, unknown>>) =>
    expect
      .poll(() => lines().some((l) => l.message?.toString().startsWith('agent ready')), { timeout: 15_000 })
      .toBe(true);

  describe('when configured and then sent SIGTERM', () => {
    it('becomes ready, answers, sends heartbeats, hands back what it did not start and exits 0', async () => {
      const requestQueueUrl = await fixture.createQueue();
      const responseQueueUrl = await fixture.createQueue();
      const heartbeatQueueUrl = await fixture.createQueue();
      const queues = { request: requestQueueUrl, response: responseQueueUrl };
      const { child, lines } = spawnAgent({
        ...podEnvironment(queues),
        KUBECONFIG: cluster.kubeconfigPath,
        OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL: heartbeatQueueUrl,
      });
      const exited = once(child, 'exit');
      const heartbeats: AgentHeartbeat[] = [];
      const transport = cloudSide(queues);
      const heartbeatListener = createSqsAgentTransport({
        sqs: fixture.sqs,
        requestQueueUrl,
        responseQueueUrl: heartbeatQueueUrl,
        waitTimeSeconds: 1,
        onHeartbeat: (heartbeat) => heartbeats.push(heartbeat),
        log: silentLog,
      });
      try {
        await untilReady(lines);
        const port = lines().find((l) => l.message === 'agent starting')?.healthPort;
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

        const answer = await transport.call(clusterInfoRequest('from-the-cloud'));
        expect(answer).toMatchObject({
          requestId: 'from-the-cloud',
          ok: true,
          result: { version: expect.any(String) },
        });
        await expect.poll(() => heartbeats.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
        expect(heartbeats[0]).toMatchObject({
          cluster: 'prod-eu-west-1',
          agentVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
        });

        child.kill('SIGTERM');
        await expect
          .poll(() => lines().some((l) => l.message?.toString().startsWith('stopping')), { timeout: 5_000 })
          .toBe(true);
        // Arrives while the agent drains: it must be handed back, not answered or swallowed.
        await sendRaw(fixture, requestQueueUrl, clusterInfoRequest('too-late'), 'too-late');
        const [code] = await exited;
        expect(code).toBe(0);
        const left = await fixture.receive(requestQueueUrl);
        expect(left.map((m) => JSON.parse(m.Body ?? '{}').id)).toEqual(['too-late']);
        // Audit lines (stderr by default) name every request it answered.
        expect(
          lines().filter((l) => l.requestId === 'from-the-cloud' && l.op === 'clusterInfo'),
        ).toHaveLength(1);
      } finally {
        child.kill('SIGKILL');
        await Promise.all([transport.close(), heartbeatListener.close()]);
      }
    });
  });

  describe('when its configuration is incomplete', () => {
    it('exits 1 at once, naming what is missing', async () => {
      const { child, lines } = spawnAgent({ PATH: process.env.PATH ?? '', HOME: home });
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(JSON.stringify(lines())).toMatch(/OPSWORKER_AGENT_REQUEST_QUEUE_URL is required/);
    });
  });

  describe('when run from the bundle the container image holds', () => {
    let buildDir: string;
    let bundle: string;
    beforeAll(async () => {
      buildDir = await mkdtemp(join(tmpdir(), 'opsworker-agent-bundle-'));
      bundle = await buildAgent(buildDir);
    });
    afterAll(() => rm(buildDir, { recursive: true, force: true }));

    it('inside a pod, reaches the API server with the service account alone and answers list and describe', async () => {
      const serviceAccount = await mkdtemp(join(tmpdir(), 'opsworker-agent-sa-'));
      await writeFile(join(serviceAccount, 'token'), cluster.token);
      await writeFile(join(serviceAccount, 'ca.crt'), cluster.caPem);
      const requestQueueUrl = await fixture.createQueue();
      const responseQueueUrl = await fixture.createQueue();
      const queues = { request: requestQueueUrl, response: responseQueueUrl };
      // No KUBECONFIG and no node_modules beside the bundle: what the image gives it.
      const { child, lines } = spawnAgent(
        {
          ...podEnvironment(queues),
          KUBERNETES_SERVICE_HOST: '127.0.0.1',
          KUBERNETES_SERVICE_PORT: new URL(cluster.url).port,
          OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR: serviceAccount,
        },
        bundle,
      );
      const transport = cloudSide(queues);
      try {
        await untilReady(lines);
        expect(lines().find((l) => l.message === 'agent starting')?.apiServer).toBe(
          `https://127.0.0.1:${new URL(cluster.url).port}`,
        );
        const pods = await transport.call({
          version: AGENT_PROTOCOL_VERSION,
          id: 'list-from-bundle',
          operation: { op: 'list', kind: 'pods' },
          requestedBy: {},
        });
        expect(pods.ok).toBe(true);
        const items = (pods.ok ? (pods.result as { items: KubeObject[] }).items : []) ?? [];
        const oomKilled = items.find((pod) => JSON.stringify(pod.status).includes('OOMKilled'));
        expect(oomKilled?.metadata?.name).toBeDefined();
        const described = await transport.call({
          version: AGENT_PROTOCOL_VERSION,
          id: 'describe-from-bundle',
          operation: {
            op: 'describe',
            kind: 'pods',
            namespace: oomKilled?.metadata?.namespace ?? '',
            name: oomKilled?.metadata?.name ?? '',
          },
          requestedBy: {},
        });
        expect(described).toMatchObject({
          ok: true,
          result: expect.stringContaining('Reason:       OOMKilled'),
        });
      } finally {
        child.kill('SIGKILL');
        await transport.close();
        await rm(serviceAccount, { recursive: true, force: true });
      }
    });

    it('with a kubeconfig, loads the Kubernetes client on demand for exec, and still refuses writes', async () => {
      const env = { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: cluster.kubeconfigPath };
      const { stdout } = await run(process.execPath, [bundle, 'exec', '--', 'get', 'pods', '-A'], { env });
      expect(stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS/);
      expect(stdout).toMatch(/analytics +report-exporter-\S+ +0\/1 +CrashLoopBackOff/);
      const refused = await run(process.execPath, [bundle, 'exec', '--', 'delete', 'pod', 'x'], {
        env,
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 2 });
      expect(`${refused.stdout}${refused.stderr}`).toMatch(/only reads/);
    });
  });
});
