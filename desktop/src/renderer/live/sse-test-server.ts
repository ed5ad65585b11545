import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one connection to the test server asked for, and a handle to answer it. */
export interface SseConnection {
  request: IncomingMessage;
  lastEventId: string | undefined;
  send(id: number | undefined, event: string, data: unknown): void;
  /** Drops the connection mid-stream, as a proxy or a flaky network would. */
  drop(): void;
}

/**
 * A real `text/event-stream` server on 127.0.0.1 for tests of the stream readers: each new
 * connection is handed to `onConnection`, which scripts what the server says.
 */
export async function startSseTestServer(
  onConnection: (connection: SseConnection, index: number) => void,
): Promise<{ url: string; connections: SseConnection[]; close(): Promise<void> }> {
  const connections: SseConnection[] = [];
  const responses = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    // The page under test (jsdom) runs on another origin.
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', 'authorization, last-event-id, accept');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.flushHeaders();
    responses.add(response);
    const header = request.headers['last-event-id'];
    const connection: SseConnection = {
      request,
      lastEventId: typeof header === 'string' ? header : undefined,
      send(id, event, data) {
        const idLine = id === undefined ? '' : `id: ${id}\n`;
        response.write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      drop() {
        request.socket.destroy();
      },
    };
    connections.push(connection);
    onConnection(connection, connections.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of responses) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
