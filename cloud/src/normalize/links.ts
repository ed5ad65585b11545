import type { AlertLink } from '@opsworker/shared';

const MAX_LINKS = 20;
const MAX_TITLE = 200;
const MAX_URL = 2048;

/** A link as a payload offers it: the URL may be missing, empty or relative. */
export interface LinkCandidate {
  title: string;
  url: string | undefined;
}

/**
 * The links worth showing a user: http(s) only (a `javascript:` URL from a payload must never
 * reach Slack or the desktop), relative URLs resolved against `base` (Grafana sends
 * `generatorURL: "?orgId=1"` beside an absolute `externalURL`), duplicates dropped, and within
 * the contract's limits.
 */
export function collectLinks(candidates: readonly LinkCandidate[], base?: string): AlertLink[] {
  const links: AlertLink[] = [];
  const seen = new Set<string>();
  for (const { title, url } of candidates) {
    if (links.length === MAX_LINKS) break;
    const resolved = url ? resolveHttpUrl(url.trim(), base) : undefined;
    if (!resolved || resolved.length > MAX_URL || seen.has(resolved)) continue;
    seen.add(resolved);
    links.push({ title: title.slice(0, MAX_TITLE), url: resolved });
  }
  return links;
}

function resolveHttpUrl(url: string, base: string | undefined): string | undefined {
  if (url === '') return undefined;
  // Absolute URLs are by far the common case: skip the URL parser for them.
  if (/^https?:\/\//i.test(url)) return url;
  if (!base) return undefined;
  const parsed = URL.parse(url, base);
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.href : undefined;
}
