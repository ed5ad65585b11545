import type { IncomingMessage, ServerResponse } from 'node:http';

/** Slack's own window: a request signed more than five minutes ago is stale (Bolt refuses it). */
const WINDOW_MS = 5 * 60_000;
const MAX_REMEMBERED = 50_000;

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Refuses (401) a request whose signature was already seen within the five-minute window.
 * Bolt checks signatures and refuses stale timestamps, but within the window a captured
 * request could be sent again (a second feedback click, a second investigation); each
 * signature covers the timestamp and the body, so a legitimate request never repeats one.
 * Memory is bounded: expired entries go first, then the oldest.
 */
export function withReplayGuard(handler: NodeHandler, now: () => number = Date.now): NodeHandler {
  const seen = new Map<string, number>();
  return (request, response) => {
    const signature = request.headers['x-slack-signature'];
    if (typeof signature === 'string' && signature !== '') {
      const at = now();
      forgetExpired(seen, at);
      if (seen.has(signature)) {
        response.writeHead(401).end();
        request.resume();
        return;
      }
      seen.set(signature, at);
      if (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value!);
    }
    handler(request, response);
  };
}

function forgetExpired(seen: Map<string, number>, at: number): void {
  // Insertion order is time order: stop at the first entry still inside the window.
  for (const [signature, time] of seen) {
    if (at - time <= WINDOW_MS) return;
    seen.delete(signature);
  }
}
