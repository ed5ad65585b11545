/** Written next to index.html by the cloud deployment (cloud/infra/lib/portal.ts). */
export const PORTAL_CONFIG_FILE = 'opsworker-config.json';

/**
 * The API server the web portal talks to: its own origin when the OpsWorker server serves it,
 * or the `apiUrl` of `opsworker-config.json` when it is hosted apart from the API (the cloud
 * deployment puts it on CloudFront). A missing or malformed file means the page's origin.
 */
export async function portalServerUrl(origin: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  try {
    const response = await fetchImpl(`./${PORTAL_CONFIG_FILE}`, { cache: 'no-store' });
    if (!response.ok) return origin;
    const { apiUrl } = (await response.json()) as { apiUrl?: unknown };
    return typeof apiUrl === 'string' && /^https?:\/\/[^\s]+$/i.test(apiUrl)
      ? apiUrl.replace(/\/+$/, '')
      : origin;
  } catch {
    return origin;
  }
}
