import { TimelineEvent } from '@opsworker/shared';
import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../connection/connection-store.ts';
import { openSseStream, type StreamStatus } from '../live/sse-stream.ts';
import { addTimelineEvent, EMPTY_TIMELINE, type TimelineBuffer } from './timeline-buffer.ts';

export interface LiveTimeline {
  events: readonly TimelineEvent[];
  status: StreamStatus;
  error: string | undefined;
}

/**
 * An investigation's timeline, live: the stored events, then each new one as it happens. After
 * a dropped connection it reconnects by itself and resumes with `Last-Event-ID` after the last
 * unbroken event, dropping any replayed duplicate: no gap, no duplicate.
 */
export function useTimeline(
  connection: Connection,
  investigationId: string,
  options: { fetch?: typeof fetch; retryDelayMs?: (attempt: number) => number } = {},
): LiveTimeline {
  const [buffer, setBuffer] = useState<TimelineBuffer>(EMPTY_TIMELINE);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [error, setError] = useState<string>();
  const bufferRef = useRef(buffer);
  const { fetch: fetchImpl, retryDelayMs } = options;
  // Strings, not the connection object: a new object with the same values must not reconnect.
  const { serverUrl, token } = connection;

  useEffect(() => {
    bufferRef.current = EMPTY_TIMELINE;
    setBuffer(EMPTY_TIMELINE);
    setError(undefined);
    const url = `${serverUrl.replace(/\/+$/, '')}/api/investigations/${encodeURIComponent(investigationId)}/events`;
    const stream = openSseStream({
      url,
      token,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...(retryDelayMs ? { retryDelayMs } : {}),
      resumeFrom: () => {
        const after = bufferRef.current.resumeAfter;
        return after > 0 ? String(after) : undefined;
      },
      onMessage: (message) => {
        if (message.event !== 'timeline') return;
        let json: unknown;
        try {
          json = JSON.parse(message.data);
        } catch {
          return;
        }
        const parsed = TimelineEvent.safeParse(json);
        if (!parsed.success || parsed.data.investigationId !== investigationId) return;
        const next = addTimelineEvent(bufferRef.current, parsed.data);
        if (next === bufferRef.current) return;
        bufferRef.current = next;
        setBuffer(next);
      },
      onStatus: (value, detail) => {
        setStatus(value);
        setError(value === 'failed' || value === 'reconnecting' ? detail : undefined);
      },
    });
    return () => stream.close();
  }, [serverUrl, token, investigationId, fetchImpl, retryDelayMs]);

  return { events: buffer.events, status, error };
}
