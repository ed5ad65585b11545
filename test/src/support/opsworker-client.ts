/** HTTP access to a running OpsWorker (in-process or a child process) with its tokens. */
export interface OpsWorkerClient {
  url: string;
  /** fetch with the API token, relative to the server URL. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** POST a JSON webhook with the webhook token (a string body is sent as is). */
  webhook(source: string, body: unknown, init?: RequestInit): Promise<Response>;
}

export function opsWorkerClient(options: {
  url: string;
  apiToken: string;
  webhookToken: string;
}): OpsWorkerClient {
  const { url, apiToken, webhookToken } = options;
  return {
    url,
    api: (path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${apiToken}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
    webhook: (source, body, init = {}) =>
      fetch(`${url}/webhooks/${source}`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
        headers: {
          authorization: `Bearer ${webhookToken}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
  };
}
