import type { OrgEvent } from '@opsworker/shared';
import { orgEventFromSse } from './org-event.ts';

export interface OrgEventSourceOptions {
  /** The OpsWorker server, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  token: string;
  onEvent: (event: OrgEvent) => void | Promise<void>;
  /** Called after every (re)connection: events missed while disconnected are caught up here. */
  onConnected?: (() => void | Promise<void>) | undefined;
  log?: ((message: string) => void) | undefined;
  fetch?: typeof fetch | undefined;
  /** First reconnection delay; doubles up to `maxRetryMs`. */
  retryMs?: number | undefined;
  maxRetryMs?: number | undefined;
}

export interface OrgEventSource {
  /** Resolves once the first connection is open. */
  connected: Promise<void>;
  close(): void;
}

/**
 * Follows `GET /api/events` (server-sent events) with fetch, reconnecting with backoff when
 * the stream drops. The org-wide stream does not replay, so `onConnected` is the place to
 * catch up (the notifier re-reads recent investigations).
 */
export function openOrgEventSource(options: OrgEventSourceOptions): OrgEventSource {
  const controller = new AbortController();
  const doFetch = options.fetch ?? fetch;
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  let delay = options.retryMs ?? 500;

  async function readOnce(): Promise<void> {
    const response = await doFetch(`${options.baseUrl.replace(/\/+$/, '')}/api/events`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${options.token}` },
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`/api/events answered ${response.status}`);
    delay = options.retryMs ?? 500;
    markConnected();
    await options.onConnected?.();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        await dispatch(block);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  async function dispatch(block: string): Promise<void> {
    let name: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const event = orgEventFromSse(name, data.join('\n'));
    if (event) await options.onEvent(event);
  }

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await readOnce();
        if (!controller.signal.aborted) options.log?.('OpsWorker event stream ended; reconnecting');
      } catch (error) {
        if (controller.signal.aborted) return;
        options.log?.(
          `OpsWorker event stream failed (${(error as Error).message}); reconnecting in ${delay} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxRetryMs ?? 30_000);
    }
  })();

  return { connected, close: () => controller.abort() };
}
