import { describe, expect, it } from 'vitest';
import { bundle, crashLooping, event, pod } from './fixtures/bundle-fixtures.ts';
import { livenessProbe } from './liveness-probe.ts';

const spec = {
  ports: [{ containerPort: 8080, name: 'http' }],
  livenessProbe: { httpGet: { path: '/healthz', port: 8081 } },
};

describe('livenessProbe', () => {
  describe('when the kubelet kills the container for failing its liveness probe', () => {
    const [finding] = livenessProbe.analyze(
      bundle({
        objects: [
          pod('proxy-abc12-x1', {
            owner: { kind: 'ReplicaSet', name: 'proxy-abc12' },
            labels: { 'pod-template-hash': 'abc12' },
            containers: [crashLooping('proxy', 0, 'Completed', { spec })],
          }),
        ],
        events: [
          event(
            { kind: 'Pod', name: 'proxy-abc12-x1' },
            'Unhealthy',
            'Liveness probe failed: Get "http://10.0.0.1:8081/healthz": connect: connection refused',
          ),
        ],
      }),
    );

    it('reports the probe and that it targets a port the container does not declare', () => {
      expect(finding).toMatchObject({
        category: 'liveness_probe_failing',
        resource: 'deployment/proxy',
        confidence: 'high',
      });
      expect(finding?.statement).toContain('Liveness probe failed');
      expect(finding?.statement).toContain('only declares port 8080 (http)');
    });

    it('proposes a patch to the declared port', () => {
      expect(
        finding?.nextSteps.some((s) =>
          s.command?.includes(
            '"path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":8080',
          ),
        ),
      ).toBe(true);
    });
  });

  describe('when only readiness fails', () => {
    it('finds nothing', () => {
      const events = [event({ kind: 'Pod', name: 'api-1' }, 'Unhealthy', 'Readiness probe failed: 503')];
      expect(livenessProbe.analyze(bundle({ objects: [pod('api-1')], events }))).toEqual([]);
    });
  });
});
