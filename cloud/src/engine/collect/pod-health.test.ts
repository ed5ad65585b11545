import type { ContainerStatus, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { describe, expect, it } from 'vitest';
import { isPodHealthy, logTargets, rankPods } from './pod-health.ts';

const pod = (name: string, statuses: ContainerStatus[], ready = false, phase = 'Running'): Pod => ({
  kind: 'Pod',
  metadata: { name },
  status: {
    phase,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    containerStatuses: statuses,
  },
});

describe('logTargets', () => {
  it.each([
    [
      'crash-looping (waiting to restart)',
      { state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } },
      [true],
    ],
    [
      'running after a restart',
      { state: { running: {} }, lastState: { terminated: { exitCode: 137 } } },
      [false, true],
    ],
    ['running, never restarted', { state: { running: {} } }, [false]],
    ['finished (a job pod)', { state: { terminated: { exitCode: 1 } } }, [false]],
    ['never started (image pull)', { state: { waiting: { reason: 'ImagePullBackOff' } } }, []],
  ])('reads the right logs of a container %s', (_, status, previous) => {
    expect(logTargets(pod('p', [{ name: 'app', ...status }])).map((t) => t.previous)).toEqual(previous);
  });
});

describe('rankPods', () => {
  it('puts the alerted pod first, then the unhealthy ones by restarts, then the healthy ones', () => {
    const healthy = pod('healthy', [{ name: 'app', restartCount: 0 }], true);
    const flaky = pod('flaky', [{ name: 'app', restartCount: 2 }]);
    const crashing = pod('crashing', [{ name: 'app', restartCount: 9 }]);
    const alerted = pod('alerted', [{ name: 'app', restartCount: 0 }], true);
    expect(rankPods([healthy, flaky, alerted, crashing], 'alerted').map((p) => p.metadata?.name)).toEqual([
      'alerted',
      'crashing',
      'flaky',
      'healthy',
    ]);
  });
});

describe('isPodHealthy', () => {
  it.each([
    ['running and ready', pod('p', [], true), true],
    ['running, not ready', pod('p', []), false],
    ['completed', pod('p', [], false, 'Succeeded'), true],
    ['pending', pod('p', [], false, 'Pending'), false],
  ])('%s → %s', (_, subject, healthy) => {
    expect(isPodHealthy(subject)).toBe(healthy);
  });
});
