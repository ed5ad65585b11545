import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CLUSTER_USER, type FakeCluster, startFakeCluster } from './fake-cluster.ts';
import { kubeRequest } from './kube-request.ts';

const TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

// A frozen clock keeps ages in the Table output exact however slow the machine is.
const NOW = new Date('2026-01-15T12:00:00Z');
let cluster: FakeCluster;

beforeAll(async () => {
  cluster = await startFakeCluster({ scenarios: ['crash-loop-panic', 'oom-killed'], now: () => NOW });
});

afterAll(() => cluster.close());

async function getJson<T = Record<string, unknown>>(path: string, accept?: string): Promise<T> {
  const response = await kubeRequest(cluster, path, accept ? { accept } : {});
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as T;
}

interface Table {
  kind: string;
  columnDefinitions: { name: string; priority: number }[];
  rows: { cells: unknown[]; object?: { kind: string; apiVersion?: string; metadata: { name: string } } }[];
}

describe('the fake API server over HTTPS', () => {
  describe('when the bearer token is missing or wrong', () => {
    it.each([
      ['missing', null],
      ['wrong', 'not-the-token'],
    ])('answers 401 Unauthorized in the Status format (%s token)', async (_label, token) => {
      const response = await kubeRequest(cluster, '/api/v1/namespaces/orders/pods', { token });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.text)).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    });
  });

  describe('when a request would write, open a stream or read secrets', () => {
    it.each([
      ['GET', '/api/v1/namespaces/orders/secrets', 'list', 'secrets', 'secrets is forbidden'],
      ['GET', '/api/v1/secrets', 'list', 'secrets', 'at the cluster scope'],
      [
        'GET',
        '/api/v1/namespaces/orders/secrets/db-credentials',
        'get',
        'secrets',
        'secrets "db-credentials" is forbidden',
      ],
      [
        'DELETE',
        '/api/v1/namespaces/orders/pods/order-router-x',
        'delete',
        'pods',
        'cannot delete resource "pods"',
      ],
      ['DELETE', '/api/v1/namespaces/orders/pods', 'deletecollection', 'pods', 'cannot deletecollection'],
      ['POST', '/api/v1/namespaces/orders/pods', 'create', 'pods', 'cannot create resource "pods"'],
      ['PUT', '/api/v1/namespaces/orders/configmaps/x', 'update', 'configmaps', 'cannot update'],
      [
        'PATCH',
        '/apis/apps/v1/namespaces/orders/deployments/order-router',
        'patch',
        'deployments',
        'deployments.apps "order-router" is forbidden',
      ],
      [
        'POST',
        '/api/v1/namespaces/orders/pods/order-router-x/exec?command=sh&stdin=true',
        'create',
        'pods/exec',
        'resource "pods/exec"',
      ],
      [
        'POST',
        '/api/v1/namespaces/orders/pods/order-router-x/attach',
        'create',
        'pods/attach',
        'resource "pods/attach"',
      ],
      [
        'GET',
        '/api/v1/namespaces/orders/pods/order-router-x/portforward',
        'get',
        'pods/portforward',
        'resource "pods/portforward"',
      ],
      [
        'GET',
        '/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy/metrics',
        'get',
        'services/proxy',
        'resource "services/proxy"',
      ],
      [
        'GET',
        '/api/v1/nodes/ip-10-0-1-23.eu-west-1.compute.internal/proxy/stats/summary',
        'get',
        'nodes/proxy',
        'at the cluster scope',
      ],
    ])('refuses %s %s with 403 and records it', async (method, path, verb, resource, message) => {
      const before = cluster.refused.length;
      const response = await kubeRequest(cluster, path, {
        method,
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      expect(response.status).toBe(403);
      const status = JSON.parse(response.text);
      expect(status).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
      expect(status.message).toContain(message);
      expect(status.message).toContain(`User "${FAKE_CLUSTER_USER}"`);
      expect(cluster.refused.slice(before)).toEqual([
        expect.objectContaining({ method, verb, resource, status: 403 }),
      ]);
    });

    it('refuses an exec upgrade (the WebSocket kubectl opens first) and records it', async () => {
      const before = cluster.refused.length;
      const response = await kubeRequest(
        cluster,
        '/api/v1/namespaces/orders/pods/order-router-x/exec?command=ls',
        {
          headers: {
            Connection: 'Upgrade',
            Upgrade: 'websocket',
            'Sec-WebSocket-Version': '13',
            'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          },
        },
      );
      expect(response.status).toBe(403);
      expect(cluster.refused.slice(before)).toEqual([
        expect.objectContaining({ resource: 'pods/exec', verb: 'create' }),
      ]);
    });
  });

  describe('when kubectl asks for a Table', () => {
    it('renders pods with the NAME READY STATUS RESTARTS AGE columns and wide extras', async () => {
      const table = await getJson<Table>('/api/v1/namespaces/orders/pods', TABLE);
      expect(table.kind).toBe('Table');
      expect(table.columnDefinitions.map((c) => [c.name, c.priority])).toEqual([
        ['Name', 0],
        ['Ready', 0],
        ['Status', 0],
        ['Restarts', 0],
        ['Age', 0],
        ['IP', 1],
        ['Node', 1],
        ['Nominated Node', 1],
        ['Readiness Gates', 1],
      ]);
      const [name, ready, status, restarts, age] = table.rows[0]?.cells ?? [];
      expect(name).toMatch(/^order-router-/);
      expect([ready, status, restarts, age]).toEqual(['0/1', 'CrashLoopBackOff', '8 (3m41s ago)', '38m']);
      expect(table.rows[0]?.object).toMatchObject({
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
      });
    });

    it('includes the whole object when includeObject=Object', async () => {
      const table = await getJson<Table>(
        '/apis/apps/v1/namespaces/orders/deployments?includeObject=Object',
        TABLE,
      );
      expect(table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
        'Name',
        'Ready',
        'Up-to-date',
        'Available',
        'Age',
      ]);
      expect(table.rows[0]?.cells.slice(0, 4)).toEqual(['order-router', '0/3', 3, 0]);
      expect(table.rows[0]?.object).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1' });
    });

    it('renders events without a NAME column, as a real server does', async () => {
      const table = await getJson<Table>(
        '/api/v1/namespaces/orders/events?fieldSelector=reason%3DBackOff',
        TABLE,
      );
      expect(table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
        'Last Seen',
        'Type',
        'Reason',
        'Object',
        'Message',
      ]);
      expect(table.rows[0]?.cells.slice(1, 3)).toEqual(['Warning', 'BackOff']);
    });

    it('refuses a client that accepts only protobuf with 406', async () => {
      const response = await kubeRequest(cluster, '/api/v1/namespaces/orders/pods', {
        accept: 'application/vnd.kubernetes.protobuf',
      });
      expect(response.status).toBe(406);
    });
  });

  describe('when a client discovers the API', () => {
    it('serves /version, /api and the core resource list with subresources', async () => {
      expect(await getJson('/version')).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.4' });
      expect(await getJson('/api')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
      const core = await getJson<{ resources: { name: string; shortNames?: string[] }[] }>('/api/v1');
      const byName = new Map(core.resources.map((r) => [r.name, r]));
      expect(byName.get('pods')?.shortNames).toEqual(['po']);
      expect([...byName.keys()]).toEqual(
        expect.arrayContaining(['pods/log', 'pods/exec', 'secrets', 'events', 'nodes']),
      );
    });

    it('lists every group, the metrics API included when a scenario has metrics', async () => {
      const groups = await getJson<{ groups: { name: string }[] }>('/apis');
      expect(groups.groups.map((g) => g.name)).toEqual([
        'apps',
        'batch',
        'networking.k8s.io',
        'discovery.k8s.io',
        'storage.k8s.io',
        'autoscaling',
        'policy',
        'metrics.k8s.io',
      ]);
      const autoscaling = await getJson<{ resources: { name: string }[] }>('/apis/autoscaling/v2');
      expect(autoscaling.resources.map((r) => r.name)).toEqual([
        'horizontalpodautoscalers',
        'horizontalpodautoscalers/status',
      ]);
    });

    it('answers an unknown resource with 404', async () => {
      expect((await kubeRequest(cluster, '/api/v1/namespaces/orders/widgets')).status).toBe(404);
      expect((await kubeRequest(cluster, '/apis/example.com/v1')).status).toBe(404);
    });

    // Regression: a malformed escape in the path used to throw out of the request handler.
    it('answers a malformed path with 404 and keeps serving', async () => {
      expect((await kubeRequest(cluster, '/api/v1/namespaces/%zz/pods')).status).toBe(404);
      expect((await kubeRequest(cluster, '/version')).status).toBe(200);
    });
  });

  describe('when a client watches', () => {
    it('sends an ADDED event per existing object, then ends at timeoutSeconds', async () => {
      const response = await kubeRequest(
        cluster,
        '/api/v1/namespaces/orders/pods?watch=true&timeoutSeconds=1',
      );
      const events = response.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(events).toHaveLength(3);
      expect(events.every((e) => e.type === 'ADDED' && e.object.kind === 'Pod')).toBe(true);
    });
  });
});
