/**
 * The API the desktop preload exposes to the renderer as `window.opsworker`.
 * It is absent in the web portal, so the renderer must treat it as optional.
 * Shared by the preload (which implements it), the main process (which serves
 * its IPC channels) and the renderer (which calls it).
 */
export interface DesktopNotification {
  title: string;
  body: string;
  investigationId?: string;
}

export interface DesktopConnection {
  serverUrl: string;
  token: string;
}

export interface DesktopBridge {
  version: string;
  notify(n: DesktopNotification): Promise<void>;
  /** http(s) only; anything else is refused by the main process. */
  openExternal(url: string): Promise<void>;
  getConnection(): Promise<DesktopConnection | null>;
  /**
   * Stores the connection encrypted by the OS keychain. When it differs from the current one the
   * window reloads right after (its Content-Security-Policy only admits the connected server), so
   * the renderer starts again from getConnection(). Without a keychain it is kept for the session
   * only and the main process tells the user why.
   */
  setConnection(c: DesktopConnection): Promise<void>;
  /** Forgets the connection; the window reloads as for setConnection. */
  clearConnection(): Promise<void>;
  /** The number of open investigations, shown on the tray icon. */
  setOpenCount(count: number): void;
  /**
   * Deep links `opsworker://investigations/<id>` and notification clicks arrive as
   * `/investigations/<id>`. A link that started the app is held until the first listener
   * subscribes. Returns an unsubscribe.
   */
  onNavigate(listener: (path: string) => void): () => void;
}

declare global {
  interface Window {
    opsworker?: DesktopBridge;
  }
}
