// @vitest-environment jsdom
import type { TimelineEvent } from '@opsworker/shared';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type SseConnection, startSseTestServer } from '../live/sse-test-server.ts';
import { useTimeline } from './use-timeline.ts';

const event = (seq: number): TimelineEvent => ({
  id: `e${seq}`,
  orgId: 'default',
  investigationId: 'inv1',
  seq,
  at: '2026-11-24T05:00:00.000Z',
  type: 'step',
  message: `step ${seq}`,
});

const send = (connection: SseConnection, seqs: number[]) => {
  for (const seq of seqs) connection.send(seq, 'timeline', event(seq));
};

// Retrying at once keeps the test fast; the back-off itself is not what is tested here.
const options = { retryDelayMs: () => 10 };

describe('useTimeline', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    // Unmount first: a mounted hook would reconnect to the closed server after the test ends.
    cleanup();
    await close?.();
  });

  async function serve(script: (connection: SseConnection, index: number) => void) {
    const server = await startSseTestServer(script);
    close = server.close;
    return server;
  }

  it('shows the stored events, then live ones as they arrive', async () => {
    const server = await serve((connection) => send(connection, [1, 2]));
    const { result } = renderHook(() =>
      useTimeline({ serverUrl: server.url, token: 't0ken' }, 'inv1', options),
    );
    await waitFor(() => expect(result.current.events.map((e) => e.seq)).toEqual([1, 2]));
    expect(server.connections[0]?.request.headers.authorization).toBe('Bearer t0ken');
    send(server.connections[0]!, [3]);
    await waitFor(() => expect(result.current.events.map((e) => e.seq)).toEqual([1, 2, 3]));
    expect(result.current.status).toBe('open');
  });

  it('reconnects after a drop and resumes after the last event, without gap or duplicate', async () => {
    const server = await serve((connection, index) => {
      if (index === 0) {
        send(connection, [1, 2, 3]);
        setTimeout(() => connection.drop(), 50);
      } else {
        // A server that replays one event too many: the client must not show it twice.
        send(connection, [3, 4, 5]);
      }
    });
    const { result } = renderHook(() => useTimeline({ serverUrl: server.url, token: 't' }, 'inv1', options));
    await waitFor(() => expect(result.current.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]));
    expect(server.connections.map((c) => c.lastEventId)).toEqual([undefined, '3']);
  });

  it('resumes before an event it missed when live events came out of order', async () => {
    const server = await serve((connection, index) => {
      if (index === 0) {
        send(connection, [1, 2, 4]);
        setTimeout(() => connection.drop(), 50);
      } else {
        const after = Number(connection.lastEventId);
        send(
          connection,
          [1, 2, 3, 4, 5].filter((seq) => seq > after),
        );
      }
    });
    const { result } = renderHook(() => useTimeline({ serverUrl: server.url, token: 't' }, 'inv1', options));
    await waitFor(() => expect(result.current.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]));
    expect(server.connections[1]?.lastEventId).toBe('2');
  });

  it('stops and says why when the server refuses the token', async () => {
    const { createServer } = await import('node:http');
    const refusing = createServer((_, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(
        JSON.stringify({ error: { code: 'unauthorized', message: 'The API token is not valid.' } }),
      );
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => refusing.close(() => resolve()));
    const address = refusing.address() as { port: number };
    const { result } = renderHook(() =>
      useTimeline({ serverUrl: `http://127.0.0.1:${address.port}`, token: 'bad' }, 'inv1', options),
    );
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.error).toBe('The API token is not valid.');
  });
});
