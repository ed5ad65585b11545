import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeForbiddenError } from '@opsworker/agent/errors.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import { connectInCluster } from '@opsworker/agent/kube/in-cluster-connection.ts';
import { ConfigError } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';

describe('connectInCluster', () => {
  let cluster: FakeCluster;
  let dir: string;
  let port: string;

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: ['crash-loop-missing-env'] });
    port = new URL(cluster.url).port;
    dir = await mkdtemp(join(tmpdir(), 'serviceaccount-'));
    await writeFile(join(dir, 'ca.crt'), cluster.caPem);
    await writeFile(join(dir, 'namespace'), 'opsworker\n');
  });
  afterAll(async () => {
    await cluster?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('when the pod has a service account mounted', () => {
    it('reads with its token and CA, without client-node', async () => {
      await writeFile(join(dir, 'token'), `${cluster.token}\n`);
      const connection = await connectInCluster({ host: '127.0.0.1', port, serviceAccountDir: dir });
      try {
        expect(connection.namespace).toBe('opsworker');
        const pods = await createApiKubeReader(connection).list('pods', { namespace: 'payments' });
        expect(pods.items.length).toBe(2);
      } finally {
        connection.close();
      }
    });
  });

  describe('when the projected token rotates', () => {
    it('picks up the new token from the file', async () => {
      await writeFile(join(dir, 'token'), 'expired-token');
      let clock = 0;
      const connection = await connectInCluster({
        host: '127.0.0.1',
        port,
        serviceAccountDir: dir,
        tokenRefreshMs: 60_000,
        now: () => clock,
      });
      try {
        const reader = createApiKubeReader(connection);
        await expect(reader.version()).rejects.toBeInstanceOf(KubeForbiddenError);
        await writeFile(join(dir, 'token'), cluster.token);
        clock = 61_000;
        expect((await reader.version()).gitVersion).toMatch(/^v1\./);
      } finally {
        connection.close();
      }
    });
  });

  describe('when the service account files are missing', () => {
    it('fails with a ConfigError naming the file', async () => {
      await expect(
        connectInCluster({ host: '127.0.0.1', port, serviceAccountDir: join(dir, 'missing') }),
      ).rejects.toThrow(ConfigError);
      await expect(
        connectInCluster({ host: '127.0.0.1', port, serviceAccountDir: join(dir, 'missing') }),
      ).rejects.toThrow(/ca\.crt/);
    });
  });
});
