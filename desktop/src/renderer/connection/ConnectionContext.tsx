import { createApiClient, type OpsWorkerApi } from '@opsworker/shared';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { createOrgEvents, type OrgEvents } from '../live/org-events.ts';
import type { Connection, ConnectionStore } from './connection-store.ts';

export interface Session {
  connection: Connection;
  api: OpsWorkerApi;
  orgEvents: OrgEvents;
  store: ConnectionStore;
  disconnect(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The API client and the live org stream for one connection; everything below reads them. */
export function SessionProvider(props: {
  connection: Connection;
  store: ConnectionStore;
  onDisconnect: () => void;
  fetch?: typeof fetch;
  children: ReactNode;
}) {
  const { connection, store, onDisconnect, fetch: fetchImpl } = props;
  const api = useMemo(
    () =>
      createApiClient({
        baseUrl: connection.serverUrl,
        token: connection.token,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    [connection, fetchImpl],
  );
  // Opened in an effect (not a memo) so that its cleanup and a re-run always pair up.
  const [orgEvents, setOrgEvents] = useState<OrgEvents>();
  useEffect(() => {
    const events = createOrgEvents(connection, fetchImpl);
    setOrgEvents(events);
    return () => events.close();
  }, [connection, fetchImpl]);
  const session = useMemo<Session | undefined>(
    () =>
      orgEvents && {
        connection,
        api,
        orgEvents,
        store,
        disconnect: async () => {
          await store.clear();
          onDisconnect();
        },
      },
    [connection, api, orgEvents, store, onDisconnect],
  );
  if (!session) return null;
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}
