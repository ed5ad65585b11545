import type { TimelineEvent } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { addTimelineEvent, EMPTY_TIMELINE } from './timeline-buffer.ts';

const event = (seq: number): TimelineEvent => ({
  id: `e${seq}`,
  orgId: 'default',
  investigationId: 'inv1',
  seq,
  at: '2026-11-24T05:00:00.000Z',
  type: 'step',
  message: `step ${seq}`,
});

const fill = (seqs: number[]) =>
  seqs.reduce((buffer, seq) => addTimelineEvent(buffer, event(seq)), EMPTY_TIMELINE);

describe('addTimelineEvent', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], 3],
    // Out of order: resume after 2, so 3 is asked for again rather than lost.
    [[1, 2, 4], [1, 2, 4], 2],
    [[1, 2, 4, 3], [1, 2, 3, 4], 4],
    // A replay after resume adds nothing twice.
    [[1, 2, 2, 3, 1], [1, 2, 3], 3],
  ])('%j gives events %j, resuming after %i', (added, seqs, resumeAfter) => {
    const buffer = fill(added);
    expect(buffer.events.map((e) => e.seq)).toEqual(seqs);
    expect(buffer.resumeAfter).toBe(resumeAfter);
  });

  it('returns the same buffer for a duplicate, so nothing re-renders', () => {
    const buffer = fill([1, 2]);
    expect(addTimelineEvent(buffer, event(2))).toBe(buffer);
  });
});
