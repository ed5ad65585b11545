import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { bearerToken } from '../http/auth.ts';
import { errorOutcome } from '../http/error-outcome.ts';
import { type BodySource, payloadTooLarge } from '../http/read-json-body.ts';
import type { WebhookIngest } from '../ingest/webhook-ingest.ts';

const WEBHOOK_PATH = /^\/webhooks\/([^/?]+)(?:\/([^/?]+))?\/?(?:\?.*)?$/;

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** A node:http handler that serves every path under `prefix` (e.g. Slack's `/slack/events`). */
export interface Mount {
  prefix: string;
  handler: NodeHandler;
}

/**
 * The local server's request handler. Webhook deliveries, the hot path during an alert storm,
 * go straight from node:http to WebhookIngest (the same function the Hono route calls), which
 * skips building web Request/Response objects; everything else is served by the Hono app.
 */
export function createRequestListener(
  app: Hono<AppEnv>,
  webhooks: WebhookIngest,
  log: (message: string, error: unknown) => void,
  extras: { mounts?: Mount[]; portal?: (request: IncomingMessage, response: ServerResponse) => boolean } = {},
): NodeHandler {
  const honoListener = getRequestListener(app.fetch);
  const mounts = extras.mounts ?? [];
  return (request, response) => {
    const url = request.url ?? '';
    const match = request.method === 'POST' ? WEBHOOK_PATH.exec(url) : null;
    if (!match) {
      const mount = mounts.find(
        ({ prefix }) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`),
      );
      if (mount) mount.handler(request, response);
      else if (!extras.portal?.(request, response)) void honoListener(request, response);
      return;
    }
    const token = bearerToken(request.headers.authorization) ?? (match[2] ? safeDecode(match[2]) : undefined);
    webhooks.handle({ source: safeDecode(match[1]!), token, body: nodeBody(request) }).then(
      (outcome) => send(response, outcome.status, outcome.body),
      (error: unknown) => {
        const { status, body } = errorOutcome(error, log, `POST ${request.url}`);
        if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
        send(response, status, body);
      },
    );
  };
}

/** A malformed %-escape must not throw out of the listener: it is kept as typed (and fails as unknown). */
function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function nodeBody(request: IncomingMessage): BodySource {
  return {
    contentType: request.headers['content-type'],
    contentLength: request.headers['content-length'],
    bytes: (limit) =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            request.removeAllListeners('data');
            // Stop reading; the 413 goes out and the connection closes after it.
            request.resume();
            reject(payloadTooLarge());
            return;
          }
          chunks.push(chunk);
        });
        // A webhook body usually arrives in one chunk: it is not copied then.
        request.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
        request.on('error', reject);
      }),
  };
}
