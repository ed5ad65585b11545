import type { DesktopBridge, DesktopConnection } from '../../bridge.ts';

export type Connection = DesktopConnection;

/** Where the token is kept, in words for the Connect and Settings screens. */
export type TokenStorage = 'desktop' | 'session';

/**
 * Keeps the server URL and API token. On the desktop the main process stores them with the
 * operating system's secure storage (through the preload bridge); never in localStorage. In the
 * web portal the server is the page's own origin and the token lives in sessionStorage: it is
 * gone when the tab closes.
 */
export interface ConnectionStore {
  storage: TokenStorage;
  /** The server URL is fixed (the portal is served by the server itself). */
  fixedServerUrl: string | undefined;
  load(): Promise<Connection | null>;
  save(connection: Connection): Promise<void>;
  clear(): Promise<void>;
}

const TOKEN_KEY = 'opsworker.token';

export function desktopConnectionStore(bridge: DesktopBridge): ConnectionStore {
  return {
    storage: 'desktop',
    fixedServerUrl: undefined,
    load: () => bridge.getConnection(),
    save: (connection) => bridge.setConnection(connection),
    clear: () => bridge.clearConnection(),
  };
}

export function portalConnectionStore(origin: string, session: Storage): ConnectionStore {
  return {
    storage: 'session',
    fixedServerUrl: origin,
    async load() {
      const token = session.getItem(TOKEN_KEY);
      return token ? { serverUrl: origin, token } : null;
    },
    async save(connection) {
      session.setItem(TOKEN_KEY, connection.token);
    },
    async clear() {
      session.removeItem(TOKEN_KEY);
    },
  };
}

/**
 * The desktop bridge when the preload provides it, the portal's tab storage otherwise.
 * `portalServer`: the API the portal talks to (its origin unless configured otherwise).
 */
export function connectionStoreFor(win: Window, portalServer = win.location.origin): ConnectionStore {
  return win.opsworker
    ? desktopConnectionStore(win.opsworker)
    : portalConnectionStore(portalServer, win.sessionStorage);
}
