import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ShimFunction = (event: unknown) => Promise<unknown>;

/** The Lambda Invoke API on 127.0.0.1, enough for `@aws-sdk/client-lambda`'s InvokeCommand. */
export interface LambdaInvokeShim {
  endpoint: string;
  /** Every invocation received, in order. */
  invocations: { functionName: string; type: string; event: unknown }[];
  /** Resolves when every asynchronous (`Event`) invocation has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /2015-03-31/functions/{name}/invocations`: RequestResponse answers 200 with the result,
 * Event answers 202 and runs the function afterwards, a function that throws answers 200 with
 * `X-Amz-Function-Error: Unhandled` (as Lambda does), an unknown one 404 ResourceNotFoundException.
 */
export async function startLambdaInvokeShim(
  functions: Record<string, ShimFunction>,
): Promise<LambdaInvokeShim> {
  const invocations: LambdaInvokeShim['invocations'] = [];
  const running = new Set<Promise<unknown>>();
  const server = createServer(async (request, response) => {
    const match = PATH.exec(new URL(request.url ?? '/', 'http://shim').pathname);
    const functionName =
      decodeURIComponent(match?.[1] ?? '')
        .split(':')
        .at(-1) ?? '';
    const fn = functions[functionName];
    if (request.method !== 'POST' || !match || !fn) {
      response.writeHead(404, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
      });
      response.end(JSON.stringify({ Type: 'User', message: `Function not found: ${functionName}` }));
      return;
    }
    const raw = await readBody(request);
    const event: unknown = raw ? JSON.parse(raw) : {};
    const type = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    invocations.push({ functionName, type, event });
    if (type === 'Event') {
      const run = fn(event).catch(() => {});
      running.add(run);
      void run.finally(() => running.delete(run));
      response.writeHead(202).end();
      return;
    }
    try {
      const result = await fn(event);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      response
        .writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' })
        .end(JSON.stringify({ errorType: failure.name, errorMessage: failure.message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    invocations,
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
