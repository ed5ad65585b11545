import { BrowserWindow } from 'electron';
import { versionArgumentPrefix } from './ipc/channels.ts';
import { guardNavigation } from './navigation-guard.ts';
import { appOrigin } from './renderer-protocol.ts';
import type { WindowStateKeeper } from './window-state.ts';

export interface MainWindowOptions {
  preloadPath: string;
  version: string;
  windowState: WindowStateKeeper;
}

/**
 * The one app window. The renderer gets no Node.js: it runs sandboxed and context-isolated,
 * and reaches the OS only through the preload's allowlisted bridge.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { bounds, maximized } = options.windowState.restored();
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 400,
    minHeight: 300,
    show: false,
    title: 'OpsWorker',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // The sandboxed preload cannot ask `app` for the version; it reads it from its argv.
      additionalArguments: [`${versionArgumentPrefix}${options.version}`],
    },
  });
  guardNavigation(window.webContents);
  options.windowState.track(window);
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  // The renderer routes with the URL hash; paths reach it through the bridge's onNavigate.
  window.loadURL(`${appOrigin}/`).catch(() => undefined);
  return window;
}
