import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The agent's probe endpoint: `/healthz` while the process serves, `/readyz` once it can work. */
export interface HealthServer {
  readonly port: number;
  /** Ready: the request queue answered a poll. */
  markReady(): void;
  /** Not ready: draining, no new work should be expected of this pod. */
  markNotReady(): void;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  port: number;
  /** The kubelet probes the pod IP, so in a cluster this listens on all interfaces. */
  host?: string;
}

/** Starts the probe server; resolves once it listens (port 0 picks a free port). */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  let ready = false;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const status = path === '/healthz' ? 200 : path === '/readyz' ? (ready ? 200 : 503) : 404;
    const body = status === 200 ? 'ok\n' : status === 503 ? 'not ready\n' : 'not found\n';
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  // Probes are tiny; a client that holds a socket open must not keep the agent from exiting.
  server.keepAliveTimeout = 1_000;
  server.requestTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    markReady() {
      ready = true;
    },
    markNotReady() {
      ready = false;
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
