import type { DesktopBridge, DesktopConnection, DesktopNotification } from '../bridge.ts';
import { IpcChannel, versionArgumentPrefix } from '../main/ipc/channels.ts';

/** The part of Electron's ipcRenderer the bridge uses (a narrow interface, easy to fake). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.opsworker`: exactly the DesktopBridge methods, each bound to one fixed
 * channel. The renderer never sees ipcRenderer itself, so it cannot reach any other channel.
 * Arguments are passed through as plain data; the main process validates them.
 */
export function createBridge(ipc: BridgeIpc, argv: readonly string[]): DesktopBridge {
  const listeners = new Set<(path: string) => void>();
  // A deep link that opened the app arrives before React has subscribed: hold the latest one.
  let undelivered: string | null = null;
  ipc.on(IpcChannel.navigate, (_event: unknown, path: unknown) => {
    // Electron's event object carries the sender and never reaches the page.
    if (typeof path !== 'string') return;
    if (listeners.size === 0) undelivered = path;
    for (const listener of listeners) listener(path);
  });
  return {
    version: versionFrom(argv),
    notify: (n: DesktopNotification) => ipc.invoke(IpcChannel.notify, n).then(() => undefined),
    openExternal: (url: string) => ipc.invoke(IpcChannel.openExternal, url).then(() => undefined),
    getConnection: () => ipc.invoke(IpcChannel.getConnection) as Promise<DesktopConnection | null>,
    setConnection: (c: DesktopConnection) => ipc.invoke(IpcChannel.setConnection, c).then(() => undefined),
    clearConnection: () => ipc.invoke(IpcChannel.clearConnection).then(() => undefined),
    setOpenCount: (count: number) => ipc.send(IpcChannel.setOpenCount, count),
    onNavigate: (listener: (path: string) => void) => {
      listeners.add(listener);
      if (undelivered !== null) {
        const path = undelivered;
        undelivered = null;
        queueMicrotask(() => listener(path));
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function versionFrom(argv: readonly string[]): string {
  const arg = argv.find((value) => value.startsWith(versionArgumentPrefix));
  return arg === undefined ? 'unknown' : arg.slice(versionArgumentPrefix.length);
}
