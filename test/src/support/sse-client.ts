/** One server-sent event as a client sees it. */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A minimal EventSource for tests: opens the stream with fetch (so headers such as
 * Authorization and Last-Event-ID can be set) and lets the test await the next messages.
 */
export async function openSse(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE ${url} answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const messages: SseMessage[] = [];
  let buffer = '';

  async function readMore(): Promise<void> {
    const { done, value } = await reader.read();
    if (done) throw new Error('SSE stream ended');
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const [field, ...rest] = line.split(':');
        const text = rest.join(':').replace(/^ /, '');
        if (field === 'id') message.id = text;
        else if (field === 'event') message.event = text;
        else if (field === 'data') message.data += message.data ? `\n${text}` : text;
      }
      if (message.data || message.id) messages.push(message);
      end = buffer.indexOf('\n\n');
    }
  }

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    /** Resolves with the first `count` messages received so far (waiting for more as needed). */
    async take(count: number, timeoutMs = 5000): Promise<SseMessage[]> {
      const deadline = setTimeout(() => controller.abort(), timeoutMs);
      try {
        while (messages.length < count) await readMore();
      } finally {
        clearTimeout(deadline);
      }
      return messages.slice(0, count);
    },
    close: () => controller.abort(),
  };
}
