import { describe, expect, it } from 'vitest';
import { bundle, crashLooping, deployment, event, object, pod } from './fixtures/bundle-fixtures.ts';
import { readinessProbe } from './readiness-probe.ts';

const probe = { readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } };
const apiPod = (name: string) =>
  pod(name, {
    owner: { kind: 'ReplicaSet', name: 'api-abc12' },
    labels: { app: 'api', 'pod-template-hash': 'abc12' },
    containers: [{ name: 'api', ready: false, spec: probe }],
  });
const unhealthy = (name: string, code: number) =>
  event(
    { kind: 'Pod', name },
    'Unhealthy',
    `Readiness probe failed: HTTP probe failed with statuscode: ${code}`,
    { count: 40 },
  );

describe('readinessProbe', () => {
  describe('when the probe fails and no dependency is to blame', () => {
    const findings = readinessProbe.analyze(
      bundle({
        objects: [deployment('api'), apiPod('api-abc12-x1')],
        events: [unhealthy('api-abc12-x1', 404)],
        logs: [
          { pod: 'api-abc12-x1', container: 'api', text: 'routes: GET /health\n"GET /healthz HTTP/1.1" 404' },
        ],
      }),
    );

    it('reports the probe, the answer and the log line that shows it', () => {
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        category: 'readiness_probe_failing',
        resource: 'deployment/api',
        confidence: 'high',
      });
      expect(findings[0]?.statement).toContain('GET /healthz on port 8080');
      expect(findings[0]?.statement).toContain('statuscode: 404');
      expect(findings[0]?.evidence.map((e) => e.excerpt)).toContain('"GET /healthz HTTP/1.1" 404');
    });
  });

  describe('when the logs show a dependency with no ready endpoints', () => {
    const findings = readinessProbe.analyze(
      bundle({
        objects: [
          deployment('api'),
          apiPod('api-abc12-x1'),
          object('StatefulSet', 'db', {
            spec: { replicas: 1, template: { metadata: { labels: { app: 'db' } } } },
          }),
          pod('db-0', {
            owner: { kind: 'StatefulSet', name: 'db' },
            labels: { app: 'db' },
            containers: [crashLooping('postgres', 1)],
          }),
          object('Service', 'db', { spec: { selector: { app: 'db' }, clusterIP: '172.20.1.1' } }),
          object('Endpoints', 'db', { subsets: [{ notReadyAddresses: [{ ip: '10.0.0.9' }] }] }),
        ],
        events: [unhealthy('api-abc12-x1', 503)],
        logs: [
          {
            pod: 'api-abc12-x1',
            container: 'api',
            text: 'ERROR failed to connect to db.shop.svc.cluster.local: connect: connection refused',
          },
          {
            pod: 'db-0',
            container: 'postgres',
            previous: true,
            text: 'PANIC:  could not write to file "pg_wal/x": No space left on device',
          },
        ],
      }),
    );

    it('reports the dependency as the cause, with its own reason', () => {
      const cause = findings.find((f) => f.category === 'dependency_down');
      expect(cause).toMatchObject({
        resource: 'statefulset/db',
        confidence: 'high',
        affects: ['deployment/api'],
      });
      expect(cause?.statement).toContain('No space left on device');
    });

    it('points the probe failure at the dependency', () => {
      expect(findings.find((f) => f.category === 'readiness_probe_failing')).toMatchObject({
        causedBy: 'statefulset/db',
      });
    });
  });

  describe('when probes pass', () => {
    it('finds nothing, even with old probe failures', () => {
      const old = event({ kind: 'Pod', name: 'api-1' }, 'Unhealthy', 'Readiness probe failed: 503', {
        minutesAgo: 600,
      });
      expect(readinessProbe.analyze(bundle({ objects: [pod('api-1')], events: [old] }))).toEqual([]);
    });
  });
});
