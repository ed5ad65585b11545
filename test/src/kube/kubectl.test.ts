import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from './fake-cluster.ts';

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const KUBECTL = onPath('kubectl');
if (!KUBECTL) {
  console.warn(
    'kubectl is not on PATH: skipping the kubectl fidelity tests (CI installs Debian kubernetes-client).',
  );
}

let cluster: FakeCluster;
let home: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kubectl(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      KUBECTL ?? 'kubectl',
      args,
      // Its own HOME and cache dir, so discovery caches never leak between runs or users.
      {
        env: {
          ...process.env,
          KUBECONFIG: cluster.kubeconfigPath,
          HOME: home,
          KUBECACHEDIR: join(home, 'cache'),
        },
        timeout: 20_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function podName(namespace: string, selector: string): Promise<string> {
  const { stdout } = await kubectl('get', 'pods', '-n', namespace, '-l', selector, '-o', 'name');
  const name = stdout.trim().split('\n')[0]?.replace('pod/', '');
  if (!name) throw new Error(`no pod for ${selector} in ${namespace}`);
  return name;
}

const rows = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s{2,}/));

describe.skipIf(!KUBECTL)('kubectl against the fake cluster', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'opsworker-kubectl-'));
    cluster = await startFakeCluster({
      scenarios: [
        'oom-killed',
        'image-pull-tag-not-found',
        'init-container-failed',
        'unschedulable-memory',
        'noise-platform',
      ],
    });
  });

  afterAll(async () => {
    await cluster?.close();
    await rm(home, { recursive: true, force: true });
  });

  describe('when it gets pods', () => {
    it('prints NAME READY STATUS RESTARTS AGE with CrashLoopBackOff and the restart age', async () => {
      const { code, stdout } = await kubectl('get', 'pods', '-n', 'analytics');
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      for (const [, ready, status, restarts] of rows(stdout)) {
        expect([ready, status]).toEqual(['0/1', 'CrashLoopBackOff']);
        expect(restarts).toMatch(/^\d+ \(3m\d+s ago\)$/);
      }
    });

    it.each([
      ['storefront', 'app=web-frontend', 'ImagePullBackOff'],
      ['storefront', 'app=web-frontend', 'Running'],
      ['wiki', 'app=wiki', 'Init:CrashLoopBackOff'],
      ['search', 'app=search-indexer', 'Pending'],
    ])('shows %s pods (%s) with STATUS %s', async (namespace, selector, status) => {
      const { stdout } = await kubectl('get', 'pods', '-n', namespace, '-l', selector);
      expect(rows(stdout).map((r) => r[2])).toContain(status);
    });

    it('adds a NAMESPACE column with -A', async () => {
      const { stdout } = await kubectl('get', 'pods', '-A');
      expect(stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS/);
      expect(new Set(rows(stdout).map((r) => r[0]))).toEqual(
        new Set([
          'analytics',
          'storefront',
          'wiki',
          'search',
          'monitoring',
          'ingress-nginx',
          'cert-manager',
          'kube-system',
        ]),
      );
    });

    it('filters with -l and --field-selector on the server', async () => {
      const byLabel = await kubectl('get', 'pods', '-A', '-l', 'app=report-exporter', '-o', 'name');
      expect(byLabel.stdout.trim().split('\n')).toHaveLength(2);
      const pending = await kubectl('get', 'pods', '-A', '--field-selector', 'status.phase=Pending');
      expect(rows(pending.stdout).map((r) => r[0])).toEqual(['search', 'search', 'storefront', 'wiki']);
      expect(cluster.requests.some((r) => r.query.fieldSelector === 'status.phase=Pending')).toBe(true);
    });

    it('prints IP NODE NOMINATED NODE READINESS GATES with -o wide', async () => {
      const { stdout } = await kubectl('get', 'pods', '-n', 'analytics', '-o', 'wide');
      expect(stdout.split('\n')[0]).toMatch(/AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
      expect(stdout).toMatch(
        /10\.0\.\d+\.\d+\s+ip-10-0-\d-\d+\.eu-west-1\.compute\.internal\s+<none>\s+<none>/,
      );
    });

    it('prints the API objects with -o json', async () => {
      const { stdout } = await kubectl('get', 'pods', '-n', 'analytics', '-o', 'json');
      const list = JSON.parse(stdout);
      expect(list.kind).toBe('List');
      expect(list.items[0].status.containerStatuses[0].lastState.terminated).toMatchObject({
        reason: 'OOMKilled',
        exitCode: 137,
      });
    });

    it('prints deployments and replica sets of a stuck rollout', async () => {
      const { stdout } = await kubectl('get', 'deployments', '-n', 'storefront');
      expect(stdout).toMatch(
        /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb-frontend\s+3\/3\s+1\s+3\s+63d/,
      );
    });
  });

  describe('when it reads logs, events and metrics', () => {
    it('prints the last line of the previous run with logs --previous --tail', async () => {
      const pod = await podName('analytics', 'app=report-exporter');
      const { code, stdout } = await kubectl('logs', pod, '-n', 'analytics', '--previous', '--tail=1');
      expect(code).toBe(0);
      expect(stdout).toBe(
        'WARN 1 --- [report-exporter] [scheduling-1] c.a.r.export.BatchExporter : Heap usage 224 MB of 230 MB max\n',
      );
    });

    it('describes a pod with its last termination and its events', async () => {
      const pod = await podName('analytics', 'app=report-exporter');
      const { stdout } = await kubectl('describe', 'pod', pod, '-n', 'analytics');
      expect(stdout).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137/);
      expect(stdout).toMatch(/Limits:\n\s+memory:\s+256Mi/);
      expect(stdout).toMatch(/Controlled By:\s+ReplicaSet\/report-exporter-/);
      expect(stdout).toMatch(
        /Warning\s+BackOff\s+\S+ \(x\d+ over 38m\)\s+kubelet\s+Back-off restarting failed container report-exporter/,
      );
    });

    it('lists the events of one object with kubectl events --for', async () => {
      const pulling = await kubectl(
        'get',
        'pods',
        '-n',
        'storefront',
        '--field-selector',
        'status.phase=Pending',
        '-o',
        'name',
      );
      const { stdout } = await kubectl('events', '-n', 'storefront', '--for', pulling.stdout.trim());
      expect(stdout).toContain('Failed to pull image "ghcr.io/acme/web-frontend:v2.14.0-rc3"');
    });

    it('prints CPU and memory with top pod', async () => {
      const { code, stdout } = await kubectl('top', 'pod', '-n', 'analytics');
      expect(code).toBe(0);
      expect(rows(stdout).map((r) => r.slice(1))).toEqual([
        ['912m', '251Mi'],
        ['912m', '251Mi'],
      ]);
    });
  });

  describe('when it tries what the agent must never do', () => {
    it('is forbidden to read secrets', async () => {
      const { code, stderr } = await kubectl('get', 'secrets', '-n', 'analytics');
      expect(code).not.toBe(0);
      expect(stderr).toContain('Error from server (Forbidden): secrets is forbidden');
    });

    it('is forbidden to delete a pod, and the attempt is recorded', async () => {
      const pod = await podName('analytics', 'app=report-exporter');
      const { code, stderr } = await kubectl('delete', 'pod', pod, '-n', 'analytics', '--wait=false');
      expect(code).not.toBe(0);
      expect(stderr).toContain('Error from server (Forbidden)');
      expect(cluster.refused).toContainEqual(
        expect.objectContaining({ method: 'DELETE', resource: 'pods', name: pod }),
      );
    });

    it('is forbidden to exec into a pod, and the attempt is recorded', async () => {
      const pod = await podName('monitoring', 'app.kubernetes.io/name=kube-prometheus-stack-grafana');
      const { code, stderr } = await kubectl('exec', pod, '-n', 'monitoring', '--', 'ls');
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/[Ff]orbidden/);
      expect(cluster.refused).toContainEqual(expect.objectContaining({ resource: 'pods/exec', name: pod }));
    });
  });
});
