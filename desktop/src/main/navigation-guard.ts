import { shell, type WebContents } from 'electron';
import { isHttpUrl } from './ipc/schemas.ts';
import { appOrigin } from './renderer-protocol.ts';

/**
 * The window only ever shows the app's own pages. Links elsewhere — a Grafana panel, a runbook —
 * open in the user's browser when they are http(s), and go nowhere otherwise; no new Electron
 * windows, no webviews.
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

export function isAppUrl(url: string): boolean {
  return url === appOrigin || url.startsWith(`${appOrigin}/`);
}

/** Opens http(s) URLs in the default browser; returns whether it did. */
export function openExternally(url: string): boolean {
  if (!isHttpUrl(url)) return false;
  shell.openExternal(url).catch(() => undefined);
  return true;
}
