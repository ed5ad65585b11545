import {
  KubeBadRequestError,
  KubeForbiddenError,
  KubeNotFoundError,
  KubeUnavailableError,
} from '../errors.ts';

/** The message of a `meta.k8s.io/v1` Status body, or the raw text when it is not one. */
function statusMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: some proxies and the log endpoint answer in plain text.
  }
  return body.slice(0, 300).trim();
}

/**
 * Turns a non-2xx API response into a typed error. `what` describes the read for the user,
 * e.g. `pods "web-1" in namespace "shop"`.
 */
export function errorForStatus(status: number, body: string, what: string): Error {
  const message = statusMessage(body);
  const detail = message ? `: ${message}` : '';
  if (status === 404)
    return new KubeNotFoundError(`${what} not found${detail}`, { userMessage: `${what} not found` });
  if (status === 401) {
    return new KubeForbiddenError(`401 reading ${what}${detail}`, {
      userMessage: "the Kubernetes API server rejected the agent's credentials",
    });
  }
  if (status === 403) {
    return new KubeForbiddenError(`403 reading ${what}${detail}`, {
      userMessage: `the agent is not allowed to read ${what}${detail}`,
    });
  }
  // The log endpoint answers 400 for a previous container that never terminated.
  if (status === 400 && /not found/i.test(message)) {
    return new KubeNotFoundError(`${what}${detail}`, { userMessage: `${what}${detail}` });
  }
  if (status === 400 || status === 410 || status === 422) {
    return new KubeBadRequestError(`${status} reading ${what}${detail}`, {
      userMessage: `the API server rejected the request for ${what}${detail}`,
    });
  }
  return new KubeUnavailableError(`${status} reading ${what}${detail}`, {
    userMessage: `the Kubernetes API server could not answer for ${what} (HTTP ${status})`,
  });
}
