import { join, resolve } from 'node:path';
import { app, type BrowserWindow, dialog, nativeImage, session } from 'electron';
import { drawAppIcon } from './app-icon.ts';
import { ConnectionStore } from './connection-store.ts';
import { buildContentSecurityPolicy, originOf } from './content-security-policy.ts';
import { deepLinkPathFromArgv, deepLinkScheme, deepLinkToPath } from './deep-link.ts';
import { registerIpcHandlers } from './ipc/register-ipc-handlers.ts';
import { createMainWindow } from './main-window.ts';
import { createNotifier } from './notifications.ts';
import { createOpenCountTray, type OpenCountTray } from './open-count-tray.ts';
import { registerAppSchemeAsPrivileged, serveRendererFiles } from './renderer-protocol.ts';
import { revealWindow } from './reveal-window.ts';
import { WindowStateKeeper } from './window-state.ts';

export interface DesktopApp {
  window(): BrowserWindow | null;
  tray: OpenCountTray;
  connections: ConnectionStore;
  windowState: WindowStateKeeper;
}

/**
 * Wires the desktop shell: one instance, deep links, the renderer protocol, the window, the
 * tray and the bridge's IPC. Resolves once the window exists; null when another instance
 * already runs (this one hands over its deep link and quits).
 */
export async function startDesktopApp(argv: readonly string[] = process.argv): Promise<DesktopApp | null> {
  // One data folder named after the product in development and when packaged (the npm package
  // name would give `@opsworker/desktop`); the single-instance lock lives there too.
  app.setPath('userData', join(app.getPath('appData'), 'OpsWorker'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerAppSchemeAsPrivileged();
  registerDeepLinkHandler();

  let window: BrowserWindow | null = null;
  let pendingPath = deepLinkPathFromArgv(argv);
  // Set once the app is ready; until then a deep link only updates pendingPath.
  let openWindow: (() => void) | null = null;
  const reveal = (path: string | null) => {
    if (window === null || window.isDestroyed()) {
      pendingPath = path ?? pendingPath;
      openWindow?.();
      return;
    }
    revealWindow(window, path);
  };
  // macOS delivers deep links here, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    reveal(deepLinkToPath(url));
  });
  // Windows and Linux start a second process with the link in its argv; it quits, we get this.
  app.on('second-instance', (_event, secondArgv) => reveal(deepLinkPathFromArgv(secondArgv)));

  await app.whenReady();
  const userData = app.getPath('userData');
  const appPath = app.getAppPath();
  const connections = new ConnectionStore(userData);
  await connections.get();
  const windowState = await WindowStateKeeper.open(userData);

  denyWebPermissions();
  serveRendererFiles({
    rendererDir: join(appPath, 'dist', 'renderer'),
    contentSecurityPolicy: () => {
      const connection = connections.current();
      return buildContentSecurityPolicy(connection === null ? null : originOf(connection.serverUrl));
    },
  });

  openWindow = () => {
    window = createMainWindow({
      preloadPath: join(appPath, 'dist', 'preload.cjs'),
      version: app.getVersion(),
      windowState,
    });
    // A deep link that started the app is delivered once the page has loaded.
    if (pendingPath !== null) revealWindow(window, pendingPath);
    pendingPath = null;
  };
  openWindow();

  const tray = createOpenCountTray({
    icon: nativeImage.createFromBuffer(drawAppIcon(32)),
    onOpen: () => reveal(null),
    onQuit: () => app.quit(),
  });
  registerIpcHandlers({
    connections,
    notify: createNotifier(reveal),
    setOpenCount: tray.setOpenCount,
    onConnectionChanged: () => {
      // Let the IPC reply reach the renderer first, then reload under the new policy.
      setImmediate(() => window?.webContents.reload());
    },
    onConnectionNotSaved: (reason) => {
      void dialog.showMessageBox({
        type: 'warning',
        message: 'Connected for this session only',
        detail: reason,
      });
    },
  });

  app.on('activate', () => reveal(null));
  app.on('window-all-closed', () => {
    // macOS apps stay alive in the dock and tray; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });
  return { window: () => window, tray, connections, windowState };
}

function registerDeepLinkHandler(): void {
  // Started as `electron .` (development), the OS must be told how to start the app itself.
  if (process.defaultApp && process.argv[1] !== undefined) {
    app.setAsDefaultProtocolClient(deepLinkScheme, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(deepLinkScheme);
  }
}

/** The renderer needs no camera, microphone, geolocation or web notifications (those go through the bridge). */
function denyWebPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
