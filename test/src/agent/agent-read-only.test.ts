import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseKubectl } from '@opsworker/agent/kubectl/parse-kubectl.ts';
import type { ListResult } from '@opsworker/agent/operations/list.ts';
import { type AgentOperation, ForbiddenOperationError } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, resultOf, startAgentAgainstFake } from './fake-cluster-agent.ts';

const AGENT_SRC = new URL('../../../agent/src/', import.meta.url).pathname;
const SCENARIOS_WITH_SECRETS = [
  'bad-rollout',
  'crash-loop-dependency',
  'crash-loop-missing-env',
  'job-backoff-limit',
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('the agent is read-only and keeps secrets in the cluster', () => {
  let agent: AgentAgainstFake;

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: SCENARIOS_WITH_SECRETS });
  });
  afterAll(() => agent?.close());

  describe('when asked for Secrets', () => {
    it.each<[string, unknown]>([
      ['a list', { op: 'list', kind: 'secrets', namespace: 'payments' }],
      ['a get', { op: 'get', kind: 'secrets', namespace: 'payments', name: 'payments-db' }],
      ['a describe', { op: 'describe', kind: 'secrets', namespace: 'payments', name: 'payments-db' }],
    ])('refuses %s before the cluster hears of it', async (_what, operation) => {
      const before = agent.cluster.requests.length;
      const response = await agent.executor.execute({ version: 1, id: `secret-${Math.random()}`, operation });
      expect(response).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(agent.cluster.requests.length).toBe(before);
    });

    it('refuses a secrets path at the connection itself', async () => {
      const before = agent.cluster.requests.length;
      await expect(
        agent.connection.get('/api/v1/namespaces/payments/secrets', { accept: 'application/json' }),
      ).rejects.toBeInstanceOf(ForbiddenOperationError);
      expect(agent.cluster.requests.length).toBe(before);
    });

    it.each(['get secrets -n payments', 'get secret payments-db -n payments', 'describe Secret/payments-db'])(
      'refuses "%s" in the kubectl parser',
      (command) => {
        expect(() => parseKubectl(command)).toThrow(ForbiddenOperationError);
      },
    );
  });

  describe('when looking at what the agent could ever send', () => {
    it('offers no way to express anything but a GET', () => {
      expect(Object.keys(agent.connection).sort()).toEqual(['close', 'get', 'namespace', 'server']);
    });

    // Regression guard: a new operation must not reach for a write-capable client or another HTTP method.
    it('sets no HTTP method but GET and takes only KubeConfig from client-node', async () => {
      const files = (await sourceFiles(AGENT_SRC)).filter(
        (f) => !relative(AGENT_SRC, f).startsWith('transport/sqs-'),
      );
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        for (const [, method] of text.matchAll(/\bmethod:\s*['"`](\w+)['"`]/g))
          expect(method, file).toBe('GET');
        const clientNode = [...text.matchAll(/import\(?\s*['"]@kubernetes\/client-node['"]/g)];
        if (clientNode.length > 0) expect(relative(AGENT_SRC, file)).toBe('kube/kubeconfig-connection.ts');
        expect(text, file).not.toMatch(
          /\b(?:CoreV1Api|AppsV1Api|KubernetesObjectApi|Exec|Attach|PortForward|Cp)\b\s*[,}(]/,
        );
      }
    });
  });

  describe('when scenarios hold planted secrets', () => {
    /** Everything the raw API serves for a namespace's pods, deployments, jobs and logs, unredacted. */
    async function rawNamespace(ns: string, pods: string[]): Promise<string> {
      const paths = [
        `/api/v1/namespaces/${ns}/pods`,
        `/apis/apps/v1/namespaces/${ns}/deployments`,
        `/apis/batch/v1/namespaces/${ns}/jobs`,
        ...pods.flatMap((pod) => [
          `/api/v1/namespaces/${ns}/pods/${pod}/log`,
          `/api/v1/namespaces/${ns}/pods/${pod}/log?previous=true`,
        ]),
      ];
      const bodies = await Promise.all(paths.map((path) => agent.connection.get(path, { accept: '*/*' })));
      return bodies.map((b) => b.body).join('\n');
    }

    it('lets none of them out through any operation on their namespaces', async () => {
      const planted = agent.cluster.scenarios.flatMap((s) => s.plantedSecrets ?? []);
      expect(planted.length).toBeGreaterThanOrEqual(4);
      const raw: string[] = [];
      const answered: string[] = [];
      for (const { namespace: ns } of agent.cluster.scenarios) {
        const pods = resultOf<ListResult>(
          await agent.run({ op: 'list', kind: 'pods', namespace: ns }),
        ).items.map((pod) => pod.metadata?.name ?? '');
        raw.push(await rawNamespace(ns, pods));
        const operations: AgentOperation[] = [
          { op: 'list', kind: 'pods', namespace: ns },
          { op: 'list', kind: 'deployments', namespace: ns },
          { op: 'list', kind: 'jobs', namespace: ns },
          { op: 'list', kind: 'configmaps', namespace: ns },
          { op: 'events', namespace: ns },
          ...pods.flatMap((name): AgentOperation[] => [
            { op: 'get', kind: 'pods', namespace: ns, name },
            { op: 'describe', kind: 'pods', namespace: ns, name },
            { op: 'logs', namespace: ns, pod: name },
            { op: 'logs', namespace: ns, pod: name, previous: true },
          ]),
        ];
        for (const operation of operations) answered.push(JSON.stringify(await agent.run(operation)));
      }
      for (const secret of planted) {
        // The cluster does serve each secret, so this test can fail.
        expect(raw.join('\n'), `the cluster should serve ${secret}`).toContain(secret);
        expect(answered.join('\n'), `the agent leaked ${secret}`).not.toContain(secret);
      }
    });
  });
});
