import { describe, expect, it } from 'vitest';
import { bundle, crashLooping, deployment, minutesAgo, pod } from './fixtures/bundle-fixtures.ts';
import { oomKilled } from './oom-killed.ts';

const limits = { resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi' } } };
const owner = { kind: 'ReplicaSet', name: 'exporter-abc12' };
const labels = { app: 'exporter', 'pod-template-hash': 'abc12' };

describe('oomKilled', () => {
  describe('when a container is OOMKilled and crash-looping', () => {
    const findings = oomKilled.analyze(
      bundle({
        objects: [
          deployment('exporter'),
          pod('exporter-abc12-x1', {
            owner,
            labels,
            containers: [crashLooping('exporter', 137, 'OOMKilled', { spec: limits })],
          }),
          pod('exporter-abc12-x2', {
            owner,
            labels,
            containers: [crashLooping('exporter', 137, 'OOMKilled', { spec: limits })],
          }),
        ],
        logs: [
          {
            pod: 'exporter-abc12-x1',
            container: 'exporter',
            previous: true,
            text: 'start\nWARN heap usage 250 MB of 256 MB\n',
          },
        ],
      }),
    );

    it('reports one finding on the owning deployment with the limit and exit code', () => {
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        category: 'oom_killed',
        resource: 'deployment/exporter',
        confidence: 'high',
      });
      expect(findings[0]?.statement).toMatch(/256Mi memory limit.*exit code 137.*2 pods/);
    });

    it('quotes the last log line about memory and proposes doubling the limit', () => {
      expect(findings[0]?.statement).toContain('heap usage 250 MB');
      expect(findings[0]?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop set resources deployment/exporter -c exporter --limits=memory=512Mi',
      );
    });
  });

  describe('when no container was OOMKilled recently', () => {
    it.each([
      ['a healthy pod', pod('api-1')],
      ['a crash with exit code 1', pod('api-2', { containers: [crashLooping('app', 1)] })],
      [
        'an OOM kill a day ago that recovered',
        pod('api-3', {
          containers: [
            {
              name: 'app',
              restarts: 1,
              lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: minutesAgo(1440) } },
            },
          ],
        }),
      ],
    ])('finds nothing for %s', (_case, subject) => {
      expect(oomKilled.analyze(bundle({ objects: [subject] }))).toEqual([]);
    });
  });
});
