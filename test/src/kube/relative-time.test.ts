import { describe, expect, it } from 'vitest';
import { resolveRelativeTime, resolveRelativeTimes } from './relative-time.ts';

const NOW = new Date('2026-03-01T12:00:00.750Z');

describe('resolveRelativeTime', () => {
  describe('when given a relative time', () => {
    it.each([
      ['now', '2026-03-01T12:00:00Z'],
      ['-45s', '2026-03-01T11:59:15Z'],
      ['-5m', '2026-03-01T11:55:00Z'],
      ['-2h30m', '2026-03-01T09:30:00Z'],
      ['-3d', '2026-02-26T12:00:00Z'],
      ['+1h', '2026-03-01T13:00:00Z'],
    ])('resolves %s to %s', (relative, expected) => {
      expect(resolveRelativeTime(relative, NOW)).toBe(expected);
    });
  });

  it.each(['2026-01-01T00:00:00Z', '-5', '5m', '-5x', ''])('leaves %j alone', (value) => {
    expect(resolveRelativeTime(value, NOW)).toBeUndefined();
  });
});

describe('resolveRelativeTimes', () => {
  describe('when an object mixes timestamps and other strings', () => {
    it('resolves only timestamp fields, so an env value of "-5m" survives', () => {
      const pod = {
        metadata: { creationTimestamp: '-5m' },
        spec: { containers: [{ env: [{ name: 'OFFSET', value: '-5m' }] }], taints: [{ timeAdded: '-1m' }] },
        status: { containerStatuses: [{ state: { terminated: { startedAt: '-2m', finishedAt: '-1m' } } }] },
      };
      resolveRelativeTimes(pod, NOW);
      expect(pod.metadata.creationTimestamp).toBe('2026-03-01T11:55:00Z');
      expect(pod.spec.containers[0]?.env[0]?.value).toBe('-5m');
      expect(pod.spec.taints[0]?.timeAdded).toBe('2026-03-01T11:59:00Z');
      expect(pod.status.containerStatuses[0]?.state.terminated).toEqual({
        startedAt: '2026-03-01T11:58:00Z',
        finishedAt: '2026-03-01T11:59:00Z',
      });
    });
  });
});
