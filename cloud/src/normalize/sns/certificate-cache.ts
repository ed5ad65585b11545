import { X509Certificate } from 'node:crypto';

export type FetchCertificate = (url: string) => Promise<string>;

/** SNS rotates its signing certificate rarely; a handful of URLs per region is all there is. */
const MAX_CERTIFICATES_PER_FETCHER = 64;

/**
 * One cache per fetcher, so a server's cache lives as long as its fetcher and tests that hand
 * in their own fetcher never see each other's certificates.
 */
const caches = new WeakMap<FetchCertificate, Map<string, Promise<X509Certificate>>>();

/**
 * The certificate at `url`, fetched once and then served from memory. Concurrent requests
 * share one fetch; a failed fetch or an unparseable PEM is not remembered, so the next message
 * tries again.
 */
export function cachedCertificate(url: string, fetchCertificate: FetchCertificate): Promise<X509Certificate> {
  let cache = caches.get(fetchCertificate);
  if (!cache) {
    cache = new Map();
    caches.set(fetchCertificate, cache);
  }
  const cached = cache.get(url);
  if (cached) return cached;
  const loading = fetchCertificate(url).then((pem) => new X509Certificate(pem));
  const owner = cache;
  loading.catch(() => {
    if (owner.get(url) === loading) owner.delete(url);
  });
  if (cache.size >= MAX_CERTIFICATES_PER_FETCHER) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(url, loading);
  return loading;
}
