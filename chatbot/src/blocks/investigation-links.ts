import type { SeeAll } from './limits.ts';

/** Where users open OpsWorker: the desktop app always, the portal when a public URL is configured. */
export interface LinkOptions {
  /** `OPSWORKER_PUBLIC_URL`, e.g. `https://opsworker.example.com` (no trailing slash needed). */
  publicUrl?: string | undefined;
}

/** The desktop app's deep link: `opsworker://investigations/<id>`. */
export function desktopUrl(investigationId: string): string {
  return `opsworker://investigations/${encodeURIComponent(investigationId)}`;
}

export function portalUrl(investigationId: string, options: LinkOptions): string | undefined {
  if (!options.publicUrl) return undefined;
  return `${options.publicUrl.replace(/\/+$/, '')}/investigations/${encodeURIComponent(investigationId)}`;
}

/** Where a truncated investigation message sends the reader for the rest. */
export function seeAllFor(investigationId: string, options: LinkOptions): SeeAll {
  const portal = portalUrl(investigationId, options);
  return { link: portal ? `<${portal}|the portal>` : `<${desktopUrl(investigationId)}|the OpsWorker app>` };
}

/** Slack mrkdwn escaping for text we did not write (titles, log lines): `&`, `<`, `>`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
