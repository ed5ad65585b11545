import http from 'node:http';
import https from 'node:https';
import { ForbiddenOperationError } from '@opsworker/shared';
import { KubeUnavailableError, OperationTimeoutError, OutputTooLargeError } from '../errors.ts';

export type KubeHttpResponse = { status: number; body: string };

/**
 * An authenticated, GET-only line to one API server. There is deliberately no method, body or
 * verb parameter: a connection cannot express a write.
 */
export interface KubeConnection {
  readonly server: string;
  /** The current context's namespace (kubeconfig) or the service account's (in-cluster). */
  readonly namespace: string | undefined;
  get(path: string, options: { accept: string; signal?: AbortSignal }): Promise<KubeHttpResponse>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

export type TlsOptions = {
  ca?: Buffer | string;
  cert?: Buffer | string;
  key?: Buffer | string;
  rejectUnauthorized?: boolean;
  servername?: string;
};

export type HttpsConnectionOptions = {
  server: string;
  namespace?: string;
  tls: TlsOptions;
  /** Called per request so rotating tokens (exec plugins, projected service-account tokens) stay fresh. */
  authHeaders: () => Promise<Record<string, string>>;
  /** A ready-made agent (e.g. an HTTP proxy agent); otherwise a keep-alive agent is built from `tls`. */
  agent?: http.Agent;
  maxSockets?: number;
  /** A response larger than this is abandoned: one huge list must not take the agent's memory. */
  maxResponseBytes?: number;
};

const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const SECRETS_PATH = /\/secrets(?:\/|\?|$)/i;

/** A keep-alive GET connection over node:https (or node:http for an explicitly insecure server). */
export function createHttpsConnection(options: HttpsConnectionOptions): KubeConnection {
  const base = new URL(options.server);
  const insecureHttp = base.protocol === 'http:';
  const transport = insecureHttp ? http : https;
  const agent =
    options.agent ??
    (insecureHttp
      ? new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 })
      : new https.Agent({ ...options.tls, keepAlive: true, maxSockets: options.maxSockets ?? 16 }));
  const prefix = base.pathname.replace(/\/$/, '');
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return {
    server: options.server,
    namespace: options.namespace,
    async get(path, { accept, signal }) {
      // Defence in depth: the resource table has no secrets, and neither may any path.
      if (SECRETS_PATH.test(path)) throw new ForbiddenOperationError(`refused to read ${path}`, {});
      const headers = { ...(await options.authHeaders()), Accept: accept, 'User-Agent': 'opsworker-agent' };
      return new Promise<KubeHttpResponse>((resolve, reject) => {
        const request = transport.request(
          {
            method: 'GET',
            protocol: base.protocol,
            hostname: base.hostname.replace(/^\[|\]$/g, ''),
            port: base.port,
            path: `${prefix}${path}`,
            headers,
            agent,
            signal,
          },
          (response) => {
            const chunks: Buffer[] = [];
            let size = 0;
            response.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > maxBytes) {
                response.destroy();
                reject(new OutputTooLargeError(`response from ${path} exceeded ${maxBytes} bytes`));
                return;
              }
              chunks.push(chunk);
            });
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
            response.on('error', (error) => reject(connectionError(error, path, signal)));
          },
        );
        request.on('error', (error) => reject(connectionError(error, path, signal)));
        request.end();
      });
    },
    close() {
      agent.destroy();
    },
  };
}

function connectionError(error: Error, path: string, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return new OperationTimeoutError(`GET ${path} was cancelled`, { cause: error });
  return new KubeUnavailableError(`GET ${path} failed: ${error.message}`, {
    cause: error,
    userMessage: 'the Kubernetes API server could not be reached',
  });
}
