import { describe, expect, it } from 'vitest';
import { LogStore } from './log-store.ts';
import { readPodLog } from './pod-log.ts';
import type { KubeObject } from './types.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

function pod(status: object, nodeName: string | null = 'node-a'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'app' }] },
    status: { containerStatuses: [{ name: 'app', ...status }] },
  };
}

const logs = new LogStore();
logs.set({ namespace: 'shop', pod: 'web-1', container: 'app', text: 'one\ntwo\nthree\n' });
logs.set({ namespace: 'shop', pod: 'web-1', container: 'app', previous: true, text: 'boom\n' });

const runningSince = (startedAt: string) => ({
  containerID: 'containerd://1',
  state: { running: { startedAt } },
});

describe('readPodLog', () => {
  describe('when the container cannot have logs', () => {
    it.each([
      [
        { state: { waiting: { reason: 'ImagePullBackOff' } } },
        'container "app" in pod "web-1" is waiting to start: trying and failing to pull image',
      ],
      [
        { state: { waiting: { reason: 'ErrImagePull' } } },
        `container "app" in pod "web-1" is waiting to start: image can't be pulled`,
      ],
      [
        { state: { waiting: { reason: 'ContainerCreating' } } },
        'container "app" in pod "web-1" is waiting to start: ContainerCreating',
      ],
      [
        { state: { waiting: { reason: 'CreateContainerConfigError' } } },
        'container "app" in pod "web-1" is waiting to start: CreateContainerConfigError',
      ],
    ])('answers 400 with the kubelet message for %j', (status, message) => {
      expect(() => readPodLog(pod(status), {}, logs, NOW)).toThrow(
        expect.objectContaining({ code: 400, message }),
      );
    });

    it('answers an empty log for a pod that was never scheduled', () => {
      expect(readPodLog(pod({}, null), {}, logs, NOW)).toBe('');
    });

    it('names an unknown container', () => {
      expect(() =>
        readPodLog(pod(runningSince('2026-03-01T11:00:00Z')), { container: 'db' }, logs, NOW),
      ).toThrow('container db is not valid for pod web-1');
    });
  });

  describe('when the container ran', () => {
    it('serves the current instance, filtered by tailLines', () => {
      expect(readPodLog(pod(runningSince('2026-03-01T11:00:00Z')), { tailLines: 2 }, logs, NOW)).toBe(
        'two\nthree\n',
      );
    });

    it('spreads line timestamps over the run and filters by sinceSeconds', () => {
      const status = runningSince('2026-03-01T11:00:00Z');
      expect(readPodLog(pod(status), { timestamps: true }, logs, NOW)).toBe(
        '2026-03-01T11:00:00Z one\n2026-03-01T11:30:00Z two\n2026-03-01T12:00:00Z three\n',
      );
      expect(readPodLog(pod(status), { sinceSeconds: 1800 }, logs, NOW)).toBe('two\nthree\n');
    });

    it('serves the previous instance only when one terminated', () => {
      const restarted = {
        ...runningSince('2026-03-01T11:00:00Z'),
        lastState: { terminated: { containerID: 'containerd://0', exitCode: 1 } },
      };
      expect(readPodLog(pod(restarted), { previous: true }, logs, NOW)).toBe('boom\n');
      expect(() =>
        readPodLog(pod(runningSince('2026-03-01T11:00:00Z')), { previous: true }, logs, NOW),
      ).toThrow('previous terminated container "app" in pod "web-1" not found');
    });
  });
});
