import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Through the workspace symlink, as `npx opsworker-agent` reaches it once npm has linked the bin.
const BIN = `${ROOT}node_modules/@opsworker/agent/bin/opsworker-agent.mjs`;
const NPX_BIN = `${ROOT}node_modules/.bin/opsworker-agent`;

describe('opsworker-agent exec', () => {
  let cluster: FakeCluster;

  async function agent(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: '/nonexistent', KUBECONFIG: cluster.kubeconfigPath },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: ['crash-loop-missing-env'] });
  });
  afterAll(() => cluster?.close());

  describe('when the command is a read', () => {
    it('prints pods as kubectl would and exits 0', async () => {
      const { code, stdout, stderr } = await agent(['exec', '--', 'get', 'pods', '-n', 'payments']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      expect(
        lines
          .slice(1)
          .every((line) =>
            /^payment-worker-\S+\s+0\/1\s+CrashLoopBackOff\s+\d+ \(.+ ago\)\s+\S+$/.test(line),
          ),
      ).toBe(true);
      expect(lines).toHaveLength(3);
    });

    it('prints JSON with -o json', async () => {
      const { code, stdout } = await agent([
        'exec',
        '--',
        'get',
        'deploy',
        'payment-worker',
        '-n',
        'payments',
        '-o',
        'json',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ kind: 'Deployment', metadata: { name: 'payment-worker' } });
    });

    it('redacts what it prints', async () => {
      const { code, stdout } = await agent([
        'exec',
        '--',
        'describe',
        'pod',
        'payment-worker-9jztgp8xfw-llpsv',
        '-n',
        'payments',
      ]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/DB_PASSWORD:\s+\[REDACTED\]/);
      expect(stdout).not.toContain('Pg!9vX2#payments-prod-2024');
    });
  });

  describe('when the command is refused', () => {
    it.each([
      [['delete', 'pod', 'payment-worker-9jztgp8xfw-llpsv', '-n', 'payments'], 'changes the cluster'],
      [['get', 'secrets', '-n', 'payments'], 'Secrets are never read'],
    ])('exits 2 with the reason on stderr and touches nothing: %j', async (command, reason) => {
      const before = cluster.requests.length;
      const { code, stdout, stderr } = await agent(['exec', '--', ...command]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(reason);
      expect(cluster.requests.length).toBe(before);
    });
  });

  describe('when the read fails', () => {
    it('exits 1 with a one-line message', async () => {
      const { code, stderr } = await agent(['exec', '--', 'get', 'pod', 'nope', '-n', 'payments']);
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toEqual(['error: pods "nope" in namespace "payments" not found']);
    });
  });

  describe('when npm has linked the bin', () => {
    it.runIf(existsSync(NPX_BIN))('runs as npx opsworker-agent', async () => {
      const { stdout } = await run(NPX_BIN, ['version'], { cwd: ROOT });
      expect(stdout).toMatch(/^opsworker-agent \d+\.\d+\.\d+\n$/);
    });
  });

  describe('at the end of the run', () => {
    it('only ever sent GET requests', () => {
      expect(cluster.requests.length).toBeGreaterThan(0);
      expect(cluster.requests.every((r) => r.method === 'GET')).toBe(true);
      expect(cluster.refused).toEqual([]);
    });
  });
});
