import { useCallback, useEffect, useMemo, useState } from 'react';
import { Loading } from '../common/States.tsx';
import { SessionProvider } from '../connection/ConnectionContext.tsx';
import { ConnectScreen } from '../connection/ConnectScreen.tsx';
import { type Connection, type ConnectionStore, connectionStoreFor } from '../connection/connection-store.ts';
import { AppShell } from './AppShell.tsx';
import { useTheme } from './theme.ts';

/** Connect first (or reuse the kept connection), then the app. */
export function App(props: { store?: ConnectionStore; fetch?: typeof fetch }) {
  const store = useMemo(() => props.store ?? connectionStoreFor(window), [props.store]);
  const [connection, setConnection] = useState<Connection | null | undefined>(undefined);
  const [theme, setTheme] = useTheme();

  useEffect(() => {
    store.load().then(setConnection, () => setConnection(null));
  }, [store]);
  const disconnected = useCallback(() => setConnection(null), []);

  if (connection === undefined) return <Loading what="OpsWorker" />;
  if (connection === null)
    return (
      <ConnectScreen
        store={store}
        onConnected={setConnection}
        {...(props.fetch ? { fetch: props.fetch } : {})}
      />
    );
  return (
    <SessionProvider
      connection={connection}
      store={store}
      onDisconnect={disconnected}
      {...(props.fetch ? { fetch: props.fetch } : {})}
    >
      <AppShell theme={theme} onTheme={setTheme} />
    </SessionProvider>
  );
}
