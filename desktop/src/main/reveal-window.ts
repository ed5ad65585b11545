import type { BrowserWindow } from 'electron';
import { IpcChannel } from './ipc/channels.ts';

/**
 * Brings the window to the front and, given a path, asks the renderer to show it. A window still
 * loading gets the path once it has loaded, so a link clicked during start-up is not lost.
 */
export function revealWindow(window: BrowserWindow, path: string | null): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  if (path === null) return;
  const contents = window.webContents;
  if (contents.isLoading()) {
    contents.once('did-finish-load', () => contents.send(IpcChannel.navigate, path));
  } else {
    contents.send(IpcChannel.navigate, path);
  }
}
