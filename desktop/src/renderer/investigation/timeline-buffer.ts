import type { TimelineEvent } from '@opsworker/shared';

/**
 * An investigation's timeline as received over a stream that may reconnect: events in `seq`
 * order, each once. `resumeAfter` is the end of the unbroken run 1..n, not the highest seq seen:
 * live events may arrive slightly out of order, and resuming after the highest would skip one
 * that was still on its way when the connection dropped.
 */
export interface TimelineBuffer {
  events: readonly TimelineEvent[];
  resumeAfter: number;
}

export const EMPTY_TIMELINE: TimelineBuffer = { events: [], resumeAfter: 0 };

/** Adds an event; returns the same buffer when it is already there (a replay after resume). */
export function addTimelineEvent(buffer: TimelineBuffer, event: TimelineEvent): TimelineBuffer {
  const { events } = buffer;
  let index = events.length;
  while (index > 0 && events[index - 1]!.seq > event.seq) index--;
  if (index > 0 && events[index - 1]!.seq === event.seq) return buffer;
  const next = [...events.slice(0, index), event, ...events.slice(index)];
  let resumeAfter = buffer.resumeAfter;
  // Walk the unbroken run forward from where it stood (events are sorted, seqs start at 1).
  for (let i = 0; i < next.length; i++) {
    const seq = next[i]!.seq;
    if (seq <= resumeAfter) continue;
    if (seq !== resumeAfter + 1) break;
    resumeAfter = seq;
  }
  return { events: next, resumeAfter };
}
