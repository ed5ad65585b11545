import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { podPrinter, summarizePod } from './pod-printer.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

interface Shape {
  containers?: string[];
  initContainers?: { name: string; restartPolicy?: string }[];
  status: Record<string, unknown>;
  deletionTimestamp?: string;
}

function podWith(shape: Shape): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      creationTimestamp: '2026-03-01T11:22:00Z',
      ...(shape.deletionTimestamp ? { deletionTimestamp: shape.deletionTimestamp } : {}),
    },
    spec: {
      containers: (shape.containers ?? ['app']).map((name) => ({ name })),
      ...(shape.initContainers ? { initContainers: shape.initContainers } : {}),
    },
    status: shape.status,
  };
}

const running = { running: { startedAt: '2026-03-01T11:23:00Z' } };
const ready = (state: object, extra: object = {}) => ({
  name: 'app',
  ready: true,
  restartCount: 0,
  state,
  ...extra,
});
const notReady = (state: object, extra: object = {}) => ({
  name: 'app',
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});
const oom = {
  reason: 'OOMKilled',
  exitCode: 137,
  startedAt: '2026-03-01T11:55:00Z',
  finishedAt: '2026-03-01T11:56:19Z',
};

describe('summarizePod', () => {
  describe('when computing the STATUS column', () => {
    it.each<[string, Shape, string, string]>([
      [
        'a running pod',
        { status: { phase: 'Running', containerStatuses: [ready(running)] } },
        'Running',
        '1/1',
      ],
      [
        'a crash-looping container',
        {
          status: {
            phase: 'Running',
            containerStatuses: [
              notReady(
                { waiting: { reason: 'CrashLoopBackOff' } },
                { restartCount: 7, lastState: { terminated: oom } },
              ),
            ],
          },
        },
        'CrashLoopBackOff',
        '0/1',
      ],
      [
        'a container just OOM killed',
        { status: { phase: 'Running', containerStatuses: [notReady({ terminated: oom })] } },
        'OOMKilled',
        '0/1',
      ],
      [
        'an image that cannot be pulled',
        {
          status: {
            phase: 'Pending',
            containerStatuses: [notReady({ waiting: { reason: 'ImagePullBackOff' } })],
          },
        },
        'ImagePullBackOff',
        '0/1',
      ],
      [
        'an unscheduled pod',
        {
          status: {
            phase: 'Pending',
            conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
          },
        },
        'Pending',
        '0/1',
      ],
      [
        'a terminated container without reason',
        { status: { phase: 'Failed', containerStatuses: [notReady({ terminated: { exitCode: 2 } })] } },
        'ExitCode:2',
        '0/1',
      ],
      [
        'a container killed by a signal',
        {
          status: {
            phase: 'Failed',
            containerStatuses: [notReady({ terminated: { exitCode: 0, signal: 9 } })],
          },
        },
        'Signal:9',
        '0/1',
      ],
      [
        'an evicted pod without container statuses',
        { status: { phase: 'Failed', reason: 'Evicted' } },
        'Evicted',
        '0/1',
      ],
      [
        'a pod being deleted',
        {
          deletionTimestamp: '2026-03-01T11:59:00Z',
          status: { phase: 'Running', containerStatuses: [ready(running)] },
        },
        'Terminating',
        '1/1',
      ],
      [
        'a failed init container',
        {
          initContainers: [{ name: 'migrate' }],
          status: {
            phase: 'Pending',
            initContainerStatuses: [
              { name: 'migrate', restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } },
            ],
            containerStatuses: [notReady({ waiting: { reason: 'PodInitializing' } })],
          },
        },
        'Init:Error',
        '0/1',
      ],
      [
        'a crash-looping init container',
        {
          initContainers: [{ name: 'migrate' }],
          status: {
            phase: 'Pending',
            initContainerStatuses: [
              { name: 'migrate', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } },
            ],
            containerStatuses: [notReady({ waiting: { reason: 'PodInitializing' } })],
          },
        },
        'Init:CrashLoopBackOff',
        '0/1',
      ],
      [
        'the second of two init containers running',
        {
          initContainers: [{ name: 'a' }, { name: 'b' }],
          status: {
            phase: 'Pending',
            initContainerStatuses: [
              { name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
              { name: 'b', state: running },
            ],
          },
        },
        'Init:1/2',
        '0/1',
      ],
      [
        'a completed container beside a running one',
        {
          containers: ['app', 'sidecar'],
          status: {
            phase: 'Running',
            conditions: [{ type: 'Ready', status: 'False' }],
            containerStatuses: [
              notReady({ terminated: { exitCode: 0, reason: 'Completed' } }),
              { ...ready(running), name: 'sidecar' },
            ],
          },
        },
        'NotReady',
        '1/2',
      ],
      [
        'a native sidecar (restartable init container)',
        {
          initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
          status: {
            phase: 'Running',
            conditions: [{ type: 'Initialized', status: 'True' }],
            initContainerStatuses: [{ name: 'proxy', ready: true, started: true, state: running }],
            containerStatuses: [ready(running)],
          },
        },
        'Running',
        '2/2',
      ],
    ])('shows %s as %s', (_case, shape, status, readyColumn) => {
      const summary = summarizePod(podWith(shape));
      expect(summary.status).toBe(status);
      expect(summary.ready).toBe(readyColumn);
    });
  });

  describe('when rendering a table row', () => {
    it('prints restarts with the age of the last one, as kubectl does since 1.23', () => {
      const pod = podWith({
        status: {
          phase: 'Running',
          containerStatuses: [
            notReady(
              { waiting: { reason: 'CrashLoopBackOff' } },
              { restartCount: 7, lastState: { terminated: oom } },
            ),
          ],
        },
      });
      expect(podPrinter.row(pod, NOW).slice(0, 5)).toEqual([
        'web-1',
        '0/1',
        'CrashLoopBackOff',
        '7 (3m41s ago)',
        '38m',
      ]);
    });
  });
});
