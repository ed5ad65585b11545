import type https from 'node:https';
import { ConfigError } from '@opsworker/shared';
import { createHttpsConnection, type KubeConnection } from './kube-connection.ts';

export type KubeConfigConnectionOptions = {
  /** A kubeconfig file; otherwise `KUBECONFIG`, `~/.kube/config`, then the in-cluster service account. */
  kubeconfigPath?: string;
  context?: string;
  maxSockets?: number;
};

/**
 * Connects with `@kubernetes/client-node`'s KubeConfig, which handles every credential kind
 * (certificates, tokens, exec plugins such as `aws eks get-token`, OIDC, in-cluster). The
 * library is imported on demand: loading it costs ~60 MB of memory, which the in-cluster agent
 * avoids by using connectInCluster instead.
 */
export async function connectWithKubeConfig(
  options: KubeConfigConnectionOptions = {},
): Promise<KubeConnection> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  try {
    if (options.kubeconfigPath) kc.loadFromFile(options.kubeconfigPath);
    else kc.loadFromDefault();
    if (options.context) kc.setCurrentContext(options.context);
  } catch (error) {
    throw new ConfigError(`cannot load the kubeconfig: ${(error as Error).message}`, { cause: error });
  }
  const cluster = kc.getCurrentCluster();
  // client-node silently falls back to http://localhost:8080 when it finds nothing at all.
  if (
    !cluster ||
    (kc.getCurrentContext() === 'loaded-context' && cluster.server === 'http://localhost:8080')
  ) {
    throw new ConfigError(
      'no Kubernetes configuration found: set KUBECONFIG, create ~/.kube/config, or run inside a cluster',
    );
  }

  const first: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(first);
  return createHttpsConnection({
    server: cluster.server,
    namespace: kc.getContextObject(kc.getCurrentContext())?.namespace,
    tls: {
      ca: first.ca as Buffer | undefined,
      cert: first.cert as Buffer | undefined,
      key: first.key as Buffer | undefined,
      rejectUnauthorized: first.rejectUnauthorized,
      servername: first.servername,
    },
    // Proxies need the library's own agent; otherwise ours keeps connections alive.
    agent: cluster.proxyUrl ? (first.agent as https.Agent) : undefined,
    maxSockets: options.maxSockets,
    async authHeaders() {
      const current: https.RequestOptions = {};
      await kc.applyToHTTPSOptions(current);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(current.headers ?? {})) {
        if (value !== undefined) headers[name] = String(value);
      }
      if (current.auth) headers.Authorization = `Basic ${Buffer.from(current.auth).toString('base64')}`;
      return headers;
    },
  });
}
