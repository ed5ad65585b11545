import { describe, expect, it } from 'vitest';
import { crashLoop } from './crash-loop.ts';
import { bundle, crashLooping, deployment, event, object, pod } from './fixtures/bundle-fixtures.ts';

const owner = { kind: 'ReplicaSet', name: 'api-abc12' };
const labels = { app: 'api', 'pod-template-hash': 'abc12' };

function crashingWith(log: string, exitCode = 1) {
  return bundle({
    objects: [
      deployment('api'),
      pod('api-abc12-x1', { owner, labels, containers: [crashLooping('api', exitCode)] }),
    ],
    logs: [{ pod: 'api-abc12-x1', container: 'api', previous: true, text: log }],
  });
}

describe('crashLoop', () => {
  describe('when the previous log says why', () => {
    it.each([
      [
        'crash_loop_config',
        'Error: Missing required environment variable: STRIPE_API_BASE\n    at requireEnv (config.js:1)',
        'STRIPE_API_BASE',
      ],
      [
        'crash_loop_config',
        'FATAL config: invalid value "30" for PAYMENT_TIMEOUT: time: missing unit',
        'PAYMENT_TIMEOUT',
      ],
      [
        'crash_loop_panic',
        'panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:',
        'nil pointer dereference',
      ],
      [
        'crash_loop_panic',
        'Traceback (most recent call last):\n  File "x.py"\nKeyError: \'customer_id\'',
        "KeyError: 'customer_id'",
      ],
      [
        'crash_loop_permission',
        "PermissionError: [Errno 13] Permission denied: '/var/cache/app'",
        '/var/cache/app',
      ],
      ['crash_loop_dependency', 'connect ECONNREFUSED 10.1.2.3:5432', 'ECONNREFUSED'],
    ])('classifies it as %s and quotes the line (%s)', (category, log, quoted) => {
      const [finding] = crashLoop.analyze(crashingWith(log));
      expect(finding).toMatchObject({
        category,
        resource: 'deployment/api',
        confidence: category === 'crash_loop_dependency' ? 'medium' : 'high',
      });
      expect(finding?.statement).toContain(quoted);
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop logs api-abc12-x1 -c api --previous',
      );
    });

    it('proposes setting the missing variable on the deployment', () => {
      const [finding] = crashLoop.analyze(
        crashingWith('Error: Missing required environment variable: STRIPE_API_BASE'),
      );
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop set env deployment/api -c api STRIPE_API_BASE=<value>',
      );
    });
  });

  describe('when the dependency the logs name is down', () => {
    const findings = crashLoop.analyze(
      bundle({
        objects: [
          deployment('api'),
          pod('api-abc12-x1', { owner, labels, containers: [crashLooping('api', 1)] }),
          deployment('cache', { replicas: 0, ready: 0 }),
          object('Service', 'cache', { spec: { selector: { app: 'cache' }, clusterIP: '172.20.0.9' } }),
          object('Endpoints', 'cache', { subsets: [] }),
        ],
        events: [
          event(
            { kind: 'Deployment', name: 'cache' },
            'ScalingReplicaSet',
            'Scaled down replica set cache-x from 2 to 0',
            { type: 'Normal', minutesAgo: 40 },
          ),
        ],
        logs: [
          {
            pod: 'api-abc12-x1',
            container: 'api',
            previous: true,
            text: 'connecting to cache.shop.svc.cluster.local:6379\nfatal: connect ECONNREFUSED 172.20.0.9:6379',
          },
        ],
      }),
    );

    it('blames the dependency workload, says why it is down and how to bring it back', () => {
      expect(findings[0]).toMatchObject({
        category: 'crash_loop_dependency',
        resource: 'deployment/cache',
        confidence: 'high',
        affects: ['deployment/api'],
      });
      expect(findings[0]?.statement).toContain('scaled to 0 replicas (scaled down from 2 40m ago)');
      expect(findings[0]?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop scale deployment/cache --replicas=2',
      );
    });
  });

  describe('when the logs say nothing', () => {
    it('falls back to the exit code with low confidence', () => {
      const [finding] = crashLoop.analyze(crashingWith('starting\nlistening on :8080', 3));
      expect(finding).toMatchObject({ category: 'crash_loop_panic', confidence: 'low' });
      expect(finding?.statement).toContain('exits with code 3');
    });
  });

  describe('when the container is not crash-looping', () => {
    it.each([
      ['a healthy pod', bundle({ objects: [pod('api-1')] })],
      [
        'an OOM kill (the OOM analyzer reports it)',
        bundle({ objects: [pod('api-1', { containers: [crashLooping('app', 137, 'OOMKilled')] })] }),
      ],
      [
        'a liveness probe killing it (the probe analyzer reports it)',
        bundle({
          objects: [pod('api-1', { containers: [crashLooping('app', 0, 'Completed')] })],
          events: [
            event({ kind: 'Pod', name: 'api-1' }, 'Unhealthy', 'Liveness probe failed: connection refused'),
          ],
        }),
      ],
    ])('finds nothing for %s', (_case, subject) => {
      expect(crashLoop.analyze(subject)).toEqual([]);
    });
  });
});
