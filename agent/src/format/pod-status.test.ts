import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../kube/kube-types.ts';
import { podColumns } from './pod-status.ts';

const NOW = Date.parse('2025-11-24T10:00:00Z');

function pod(statuses: ContainerStatus[], extra: Partial<NonNullable<Pod['status']>> = {}, meta = {}): Pod {
  return {
    metadata: { name: 'p', ...meta },
    spec: {
      containers: statuses.map((s) => ({ name: s.name })),
      initContainers: extra.initContainerStatuses?.map((s) => ({ name: s.name })),
    },
    status: { phase: 'Running', containerStatuses: statuses, ...extra },
  };
}

describe('podColumns', () => {
  describe('when containers are in different states', () => {
    it.each<[string, Pod, { ready: string; status: string; restarts: string }]>([
      [
        'running and ready',
        pod([{ name: 'a', ready: true, state: { running: {} } }]),
        { ready: '1/1', status: 'Running', restarts: '0' },
      ],
      [
        'crash looping after a restart',
        pod([
          {
            name: 'a',
            restartCount: 7,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, finishedAt: '2025-11-24T09:57:00Z' } },
          },
        ]),
        { ready: '0/1', status: 'CrashLoopBackOff', restarts: '7 (3m ago)' },
      ],
      [
        'OOM killed',
        pod([{ name: 'a', state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }]),
        { ready: '0/1', status: 'OOMKilled', restarts: '0' },
      ],
      [
        'killed by a signal',
        pod([{ name: 'a', state: { terminated: { signal: 9 } } }]),
        { ready: '0/1', status: 'Signal:9', restarts: '0' },
      ],
      [
        'exited without reason',
        pod([{ name: 'a', state: { terminated: { exitCode: 3 } } }]),
        { ready: '0/1', status: 'ExitCode:3', restarts: '0' },
      ],
      [
        'pulling an image that fails',
        pod([{ name: 'a', state: { waiting: { reason: 'ImagePullBackOff' } } }]),
        { ready: '0/1', status: 'ImagePullBackOff', restarts: '0' },
      ],
      [
        'one of two containers ready',
        pod([
          { name: 'a', ready: true, state: { running: {} } },
          { name: 'b', ready: false, state: { running: {} } },
        ]),
        { ready: '1/2', status: 'Running', restarts: '0' },
      ],
      [
        'stuck in an init container',
        pod([{ name: 'a', state: { waiting: { reason: 'PodInitializing' } } }], {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'migrate', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          ],
        }),
        { ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '2' },
      ],
      [
        'waiting for the second init container',
        pod([{ name: 'a', state: { waiting: { reason: 'PodInitializing' } } }], {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'one', state: { terminated: { exitCode: 0 } } },
            { name: 'two', state: { running: {} } },
          ],
        }),
        { ready: '0/1', status: 'Init:1/2', restarts: '0' },
      ],
      [
        'evicted',
        pod([], { phase: 'Failed', reason: 'Evicted' }),
        { ready: '0/0', status: 'Evicted', restarts: '0' },
      ],
      [
        'being deleted',
        pod(
          [{ name: 'a', ready: true, state: { running: {} } }],
          {},
          { deletionTimestamp: '2025-11-24T09:59:00Z' },
        ),
        { ready: '1/1', status: 'Terminating', restarts: '0' },
      ],
    ])('%s', (_case, input, expected) => {
      expect(podColumns(input, NOW)).toEqual(expected);
    });
  });
});
