import { toYaml } from '@opsworker/agent/format/to-yaml.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';

describe('toYaml', () => {
  let cluster: FakeCluster;

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: 'all' });
  });
  afterAll(() => cluster?.close());

  describe('when emitting every object of the scenario corpus', () => {
    it('writes YAML that a standard parser reads back to the same object', async () => {
      const connection = await connectWithKubeConfig({ kubeconfigPath: cluster.kubeconfigPath });
      const objects: unknown[] = [];
      try {
        const paths = [
          '/api/v1/pods',
          '/apis/apps/v1/deployments',
          '/api/v1/events',
          '/api/v1/nodes',
          '/apis/batch/v1/jobs',
          '/api/v1/configmaps',
        ];
        for (const path of paths) {
          const body = (await connection.get(path, { accept: 'application/json' })).body;
          objects.push(...(JSON.parse(body) as { items: unknown[] }).items);
        }
      } finally {
        connection.close();
      }
      expect(objects.length).toBeGreaterThan(100);
      for (const object of objects) expect(YAML.parse(toYaml(object))).toEqual(object);
    });
  });
});
