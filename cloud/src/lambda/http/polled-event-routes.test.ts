import type { TimelineEvent } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { settled } from './polled-event-routes.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const event = (seq: number, secondsAgo: number) =>
  ({ seq, at: new Date(NOW - secondsAgo * 1000).toISOString() }) as TimelineEvent;

describe('settled', () => {
  it('passes a run without gaps', () => {
    expect(settled([event(3, 0), event(4, 0)], 2, NOW).map((e) => e.seq)).toEqual([3, 4]);
  });

  // Regression guard: moving a client past 8 while 7 is still being written would lose 7 for good.
  it('holds back events behind a fresh gap', () => {
    expect(settled([event(3, 0), event(5, 1), event(6, 1)], 2, NOW).map((e) => e.seq)).toEqual([3]);
  });

  it('lets a gap a few seconds old go: that number is never coming', () => {
    expect(settled([event(5, 10), event(6, 9)], 2, NOW).map((e) => e.seq)).toEqual([5, 6]);
  });
});
