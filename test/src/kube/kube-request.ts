import { request } from 'node:https';

/** What a raw request to the fake cluster needs: where it is, its CA, and a token. */
export interface ClusterEndpoint {
  url: string;
  caPem: string;
  token: string;
}

export interface KubeRequestOptions {
  method?: string;
  /** Overrides the cluster token; null sends no Authorization header. */
  token?: string | null;
  accept?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface KubeResponse {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Sends one HTTPS request to the fake API server, trusting its CA, the way a Kubernetes client
 * would; for tests that need the raw status, headers or body.
 */
export function kubeRequest(
  cluster: ClusterEndpoint,
  path: string,
  options: KubeRequestOptions = {},
): Promise<KubeResponse> {
  const token = options.token === undefined ? cluster.token : options.token;
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, cluster.url),
      {
        method: options.method ?? 'GET',
        ca: cluster.caPem,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(options.accept ? { Accept: options.accept } : {}),
          ...(options.body
            ? {
                'Content-Type': 'application/json',
                'Content-Length': String(Buffer.byteLength(options.body)),
              }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
