import { AppsV1Api, CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from './fake-cluster.ts';

let cluster: FakeCluster;
let core: CoreV1Api;
let apps: AppsV1Api;

beforeAll(async () => {
  cluster = await startFakeCluster({ scenarios: ['oom-killed', 'crash-loop-panic', 'noise-platform'] });
  const config = new KubeConfig();
  config.loadFromFile(cluster.kubeconfigPath);
  core = config.makeApiClient(CoreV1Api);
  apps = config.makeApiClient(AppsV1Api);
});

afterAll(() => cluster.close());

const names = (items: { metadata?: { name?: string } }[]) => items.map((i) => i.metadata?.name ?? '');

async function podOf(namespace: string, labelSelector: string): Promise<V1Pod> {
  const { items } = await core.listNamespacedPod({ namespace, labelSelector });
  const pod = items[0];
  if (!pod) throw new Error(`no pod in ${namespace} matching ${labelSelector}`);
  return pod;
}

describe('startFakeCluster', () => {
  describe('when @kubernetes/client-node lists and gets objects', () => {
    it('lists the pods of one namespace as a PodList with a resourceVersion', async () => {
      const list = await core.listNamespacedPod({ namespace: 'analytics' });
      expect(list.kind).toBe('PodList');
      expect(list.apiVersion).toBe('v1');
      expect(Number(list.metadata?.resourceVersion)).toBeGreaterThan(0);
      expect(names(list.items)).toHaveLength(2);
      expect(list.items[0]?.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({
        reason: 'OOMKilled',
        exitCode: 137,
      });
    });

    it('lists across namespaces, base cluster included', async () => {
      const namespaces = new Set(
        (await core.listPodForAllNamespaces()).items.map((p) => p.metadata?.namespace),
      );
      expect(namespaces).toEqual(
        new Set(['analytics', 'orders', 'monitoring', 'ingress-nginx', 'cert-manager', 'kube-system']),
      );
    });

    it('gets a deployment whose ReplicaSet and pods point back at it through owner uids', async () => {
      const deployment = await apps.readNamespacedDeployment({ name: 'order-router', namespace: 'orders' });
      const [rs] = (await apps.listNamespacedReplicaSet({ namespace: 'orders' })).items;
      const pod = await podOf('orders', 'app=order-router');
      expect(deployment.kind).toBe('Deployment');
      expect(rs?.metadata?.ownerReferences?.[0]?.uid).toBe(deployment.metadata?.uid);
      expect(pod.metadata?.ownerReferences?.[0]?.uid).toBe(rs?.metadata?.uid);
      expect(rs?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    });

    it('answers a missing object with the API 404 Status', async () => {
      const error = await core
        .readNamespacedPod({ name: 'nope', namespace: 'orders' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 404 });
      expect(JSON.parse((error as { body: string }).body)).toMatchObject({
        kind: 'Status',
        reason: 'NotFound',
        message: 'pods "nope" not found',
      });
    });
  });

  describe('when a label selector is given', () => {
    it.each([
      ['app.kubernetes.io/name=prometheus', 2],
      ['app.kubernetes.io/name==prometheus', 2],
      ['app.kubernetes.io/name!=prometheus', 5],
      ['app.kubernetes.io/name in (prometheus, prometheus-node-exporter)', 5],
      ['app.kubernetes.io/name notin (prometheus)', 5],
      ['statefulset.kubernetes.io/pod-name', 2],
      ['!pod-template-hash', 5],
      ['app.kubernetes.io/name=prometheus,apps.kubernetes.io/pod-index=1', 1],
    ])('%s selects %i monitoring pods', async (labelSelector, count) => {
      expect((await core.listNamespacedPod({ namespace: 'monitoring', labelSelector })).items).toHaveLength(
        count,
      );
    });

    it('rejects a malformed selector with 400', async () => {
      await expect(
        core.listNamespacedPod({ namespace: 'monitoring', labelSelector: 'app in (a' }),
      ).rejects.toMatchObject({ code: 400 });
    });
  });

  describe('when a field selector is given', () => {
    it('selects pods by node across namespaces', async () => {
      const node = (await podOf('analytics', 'app=report-exporter')).spec?.nodeName ?? '';
      const pods = (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` })).items;
      expect(pods.length).toBeGreaterThan(1);
      expect(pods.every((p) => p.spec?.nodeName === node)).toBe(true);
    });

    it('selects the events of one pod, as kubectl describe asks for them', async () => {
      const pod = await podOf('orders', 'app=order-router');
      const fieldSelector = `involvedObject.kind=Pod,involvedObject.name=${pod.metadata?.name},involvedObject.namespace=orders,involvedObject.uid=${pod.metadata?.uid}`;
      const events = (await core.listNamespacedEvent({ namespace: 'orders', fieldSelector })).items;
      expect(events.map((e) => e.reason).sort()).toEqual([
        'BackOff',
        'Created',
        'Pulled',
        'Scheduled',
        'Started',
      ]);
    });

    it.each([
      ['type=Warning', (e: { type?: string }) => e.type === 'Warning'],
      ['reason=BackOff', (e: { reason?: string }) => e.reason === 'BackOff'],
      ['reason!=BackOff', (e: { reason?: string }) => e.reason !== 'BackOff'],
    ])('filters events with %s', async (fieldSelector, check) => {
      const events = (await core.listNamespacedEvent({ namespace: 'orders', fieldSelector })).items;
      expect(events.length).toBeGreaterThan(0);
      expect(events.every(check)).toBe(true);
    });

    it('refuses a field the API does not index, as a real server does', async () => {
      const error = await core
        .listNamespacedPod({ namespace: 'orders', fieldSelector: 'spec.containers=x' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 400 });
      expect((error as { body: string }).body).toContain('field label not supported: spec.containers');
    });
  });

  describe('when a list is read in pages with limit and continue', () => {
    it('returns every pod exactly once, in the same order as one big list', async () => {
      const all = names((await core.listPodForAllNamespaces()).items);
      const paged: string[] = [];
      let token: string | undefined;
      do {
        const page = await core.listPodForAllNamespaces({ limit: 4, _continue: token });
        paged.push(...names(page.items));
        token = page.metadata?._continue;
      } while (token);
      expect(paged).toEqual(all);
    });
  });

  describe('when container logs are read', () => {
    it('returns the last lines of the previous (OOMKilled) run with tailLines', async () => {
      const pod = await podOf('analytics', 'app=report-exporter');
      const log = await core.readNamespacedPodLog({
        name: pod.metadata?.name ?? '',
        namespace: 'analytics',
        previous: true,
        tailLines: 1,
      });
      expect(log).toBe(
        'WARN 1 --- [report-exporter] [scheduling-1] c.a.r.export.BatchExporter : Heap usage 224 MB of 230 MB max\n',
      );
    });

    it('serves the last terminated run as the current log of a crash-looping container, as the kubelet does', async () => {
      const pod = await podOf('orders', 'app=order-router');
      const name = pod.metadata?.name ?? '';
      const current = await core.readNamespacedPodLog({ name, namespace: 'orders' });
      expect(current).toContain('panic: runtime error: invalid memory address or nil pointer dereference');
      expect(current).toBe(await core.readNamespacedPodLog({ name, namespace: 'orders', previous: true }));
    });

    it('prefixes RFC 3339 timestamps and cuts at limitBytes', async () => {
      const pod = await podOf('orders', 'app=order-router');
      const log = await core.readNamespacedPodLog({
        name: pod.metadata?.name ?? '',
        namespace: 'orders',
        timestamps: true,
        limitBytes: 40,
      });
      expect(log).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z level=info/);
      expect(Buffer.byteLength(log)).toBe(40);
    });

    it('asks for a container name when the pod has several', async () => {
      const error = await core
        .readNamespacedPodLog({
          name: 'prometheus-kube-prometheus-stack-prometheus-0',
          namespace: 'monitoring',
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 400 });
      expect(JSON.parse((error as { body: string }).body).message).toBe(
        'a container name must be specified for pod prometheus-kube-prometheus-stack-prometheus-0, choose one of: [prometheus config-reloader]',
      );
    });

    it('reads the named container of a multi-container pod', async () => {
      const log = await core.readNamespacedPodLog({
        name: 'prometheus-kube-prometheus-stack-prometheus-0',
        namespace: 'monitoring',
        container: 'config-reloader',
      });
      expect(log).toContain('Reload triggered');
    });

    it('refuses --previous for a container that never restarted with the kubelet message', async () => {
      const pod = await podOf('monitoring', 'app.kubernetes.io/name=kube-prometheus-stack-grafana');
      const name = pod.metadata?.name ?? '';
      const error = await core
        .readNamespacedPodLog({ name, namespace: 'monitoring', previous: true })
        .catch((e: unknown) => e);
      expect(JSON.parse((error as { body: string }).body).message).toBe(
        `previous terminated container "grafana" in pod "${name}" not found`,
      );
    });
  });

  describe('when objects are added at runtime', () => {
    it('resolves relative times and fills uid and resourceVersion like the API server', async () => {
      const before = Date.now();
      cluster.addObjects([
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'runtime', namespace: 'orders', creationTimestamp: '-5m' },
          data: { a: '1' },
        },
      ]);
      const cm = await core.readNamespacedConfigMap({ name: 'runtime', namespace: 'orders' });
      const age = before - (cm.metadata?.creationTimestamp?.getTime() ?? 0);
      expect(age).toBeGreaterThanOrEqual(299_000);
      expect(age).toBeLessThan(302_000);
      expect(cm.metadata?.uid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(Number(cm.metadata?.resourceVersion)).toBeGreaterThan(0);
    });
  });
});
