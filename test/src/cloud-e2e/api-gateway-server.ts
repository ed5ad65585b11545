import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpHandler } from '@opsworker/cloud/lambda/http.ts';

/** A running stand-in for API Gateway's HTTP API in front of the http Lambda. */
export interface ApiGatewayServer {
  url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Turns each HTTP request on 127.0.0.1 into an API Gateway HTTP API (payload 2.0) event, invokes
 * the handler, and writes back its result, as API Gateway does: the body base64-encoded, headers
 * lower-cased and comma-joined, the response buffered whole (so nothing can stream).
 */
export async function startApiGateway(handler: HttpHandler): Promise<ApiGatewayServer> {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    const body = await readBody(request);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: url.host,
        domainPrefix: 'local',
        http: {
          method: request.method ?? 'GET',
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: `req-${Date.now()}`,
        routeKey: '$default',
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
      },
      ...(body.length > 0
        ? { body: body.toString('base64'), isBase64Encoded: true }
        : { isBase64Encoded: false }),
    };
    try {
      const result = await handler(event as never);
      const out = result.isBase64Encoded
        ? Buffer.from(result.body, 'base64')
        : Buffer.from(result.body ?? '');
      const outHeaders: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
      if ('cookies' in result && Array.isArray(result.cookies)) outHeaders['set-cookie'] = result.cookies;
      response.writeHead(result.statusCode ?? 200, outHeaders).end(out);
    } catch {
      // What API Gateway says when the integration fails.
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"message":"Internal Server Error"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
