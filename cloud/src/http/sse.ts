import type { Context } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';

const KEEPALIVE_MS = 15_000;

/**
 * Runs a server-sent event stream until the client goes away, with a keep-alive comment so
 * proxies do not close an idle connection. `run` writes the backlog and returns a cleanup.
 */
export function sseStream(c: Context, run: (stream: SSEStreamingApi) => Promise<() => void>): Response {
  c.header('Cache-Control', 'no-cache');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const cleanup = await run(stream);
    const keepalive = setInterval(() => void stream.write(': keep-alive\n\n'), KEEPALIVE_MS);
    await new Promise<void>((resolve) => stream.onAbort(resolve));
    clearInterval(keepalive);
    cleanup();
  });
}

/** The position a reconnecting client asks to resume after (`Last-Event-ID`, or `?lastEventId=`). */
export function lastEventId(c: Context): number {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : 0;
}
