/**
 * The only IPC channels between the preload and the main process, declared once so both sides
 * agree. Anything else the renderer sends has no handler and is rejected by Electron.
 */
export const IpcChannel = {
  notify: 'opsworker:notify',
  openExternal: 'opsworker:open-external',
  getConnection: 'opsworker:get-connection',
  setConnection: 'opsworker:set-connection',
  clearConnection: 'opsworker:clear-connection',
  /** One-way (renderer → main): the tray's open count. */
  setOpenCount: 'opsworker:set-open-count',
  /** One-way (main → renderer): a path the renderer should show, e.g. from a deep link. */
  navigate: 'opsworker:navigate',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

/** The renderer → main channels that answer (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels: readonly IpcChannelName[] = [
  IpcChannel.notify,
  IpcChannel.openExternal,
  IpcChannel.getConnection,
  IpcChannel.setConnection,
  IpcChannel.clearConnection,
];

/** How the main process passes the app version to the sandboxed preload (which cannot ask `app`). */
export const versionArgumentPrefix = '--opsworker-version=';
