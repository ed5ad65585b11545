import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@opsworker/shared';
import { createHttpsConnection, type KubeConnection } from './kube-connection.ts';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export type InClusterOptions = {
  /** `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`, passed in by the agent's config. */
  host: string;
  port: string | number;
  serviceAccountDir?: string;
  /** Projected tokens rotate; re-read the file this often (client-go uses a minute). */
  tokenRefreshMs?: number;
  maxSockets?: number;
  now?: () => number;
};

/**
 * Connects with the pod's service account, without loading `@kubernetes/client-node`: the
 * in-cluster agent needs only a token, a CA and an address, and skipping the library keeps its
 * memory well below the budget.
 */
export async function connectInCluster(options: InClusterOptions): Promise<KubeConnection> {
  const dir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const now = options.now ?? Date.now;
  const refreshMs = options.tokenRefreshMs ?? 60_000;
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file), 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read the service account's ${file} in ${dir}`, { cause: error });
    }
  };

  const ca = await read('ca.crt');
  const namespace = (await read('namespace').catch(() => '')).trim() || undefined;
  let token = (await read('token')).trim();
  let readAt = now();
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return createHttpsConnection({
    server: `https://${host}:${options.port}`,
    namespace,
    tls: { ca },
    maxSockets: options.maxSockets,
    async authHeaders() {
      if (now() - readAt > refreshMs) {
        token = (await read('token')).trim();
        readAt = now();
      }
      return { Authorization: `Bearer ${token}` };
    },
  });
}
