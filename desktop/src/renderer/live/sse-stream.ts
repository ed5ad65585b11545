import { type SseMessage, SseParser } from './sse-parser.ts';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'failed' | 'closed';

export interface SseStreamOptions {
  url: string;
  token: string;
  /** Asked for on every (re)connection as `Last-Event-ID`; undefined sends none. */
  resumeFrom: () => string | undefined;
  onMessage: (message: SseMessage) => void;
  onStatus?: (status: StreamStatus, detail?: string) => void;
  /** Called after a reconnection opened (not the first connection): time to refetch what may be missed. */
  onReconnected?: () => void;
  fetch?: typeof fetch;
  /** Delay before reconnection attempt `n` (1-based). */
  retryDelayMs?: (attempt: number) => number;
}

export interface SseStream {
  close(): void;
}

/** Backs off 0.5 s, 1 s, 2 s… up to 15 s: fast after a blip, gentle on a server that is down. */
export const defaultRetryDelay = (attempt: number): number => Math.min(15_000, 500 * 2 ** (attempt - 1));

// 401/403/404 will not heal by retrying; everything else (network, 5xx, 429) may.
const FATAL = new Set([400, 401, 403, 404]);

/**
 * A server-sent event stream read with fetch (EventSource cannot send the Authorization header),
 * reconnecting on its own until closed. Resuming is the caller's: `resumeFrom` is asked for the
 * position on each connection, so a caller that deduplicates can resume without gaps.
 */
export function openSseStream(options: SseStreamOptions): SseStream {
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const controller = new AbortController();
  let closed = false;

  const status = (value: StreamStatus, detail?: string) => {
    if (!closed || value === 'closed') options.onStatus?.(value, detail);
  };

  async function connectOnce(onOpen: () => void): Promise<'ended' | 'fatal'> {
    const resume = options.resumeFrom();
    const response = await doFetch(options.url, {
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${options.token}`,
        ...(resume ? { 'last-event-id': resume } : {}),
      },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      const detail = await errorMessage(response);
      if (FATAL.has(response.status)) {
        status('failed', detail);
        return 'fatal';
      }
      throw new Error(detail);
    }
    onOpen();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'ended';
      for (const message of parser.push(decoder.decode(value, { stream: true }))) options.onMessage(message);
    }
  }

  void (async () => {
    let attempt = 0;
    let openedBefore = false;
    status('connecting');
    while (!closed) {
      let detail: string | undefined;
      try {
        const outcome = await connectOnce(() => {
          attempt = 0;
          status('open');
          if (openedBefore) options.onReconnected?.();
          openedBefore = true;
        });
        if (outcome === 'fatal') return;
      } catch (error) {
        detail = (error as Error).message;
      }
      if (closed) return;
      attempt++;
      status('reconnecting', detail);
      await sleep(retryDelay(attempt), controller.signal);
    }
  })();

  return {
    close() {
      if (closed) return;
      closed = true;
      controller.abort();
      status('closed');
    },
  };
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: the status line is all there is.
  }
  return `the server answered ${response.status}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
