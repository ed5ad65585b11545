import { createApiClient } from '@opsworker/shared';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import type { Connection, ConnectionStore } from './connection-store.ts';

/**
 * Server URL and API token. The token is checked against the server before it is kept, and the
 * screen says where it is kept: the OS's secure storage on the desktop, this tab only in the portal.
 */
export function ConnectScreen(props: {
  store: ConnectionStore;
  onConnected: (connection: Connection) => void;
  fetch?: typeof fetch;
}) {
  const { store } = props;
  const [serverUrl, setServerUrl] = useState(store.fixedServerUrl ?? 'http://127.0.0.1:8080');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const connection = { serverUrl: serverUrl.trim().replace(/\/+$/, ''), token: token.trim() };
    if (!/^https?:\/\/[^\s]+$/i.test(connection.serverUrl)) {
      setError('The server URL starts with http:// or https://, e.g. http://127.0.0.1:8080.');
      return;
    }
    if (!connection.token) {
      setError('Paste the API token that `npm start` printed (OPSWORKER_API_TOKEN).');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // Any authenticated call proves the token; the smallest list is the cheapest.
      await createApiClient({
        baseUrl: connection.serverUrl,
        token: connection.token,
        ...(props.fetch ? { fetch: props.fetch } : {}),
      }).listInvestigations({ limit: 1 });
      await store.save(connection);
      props.onConnected(connection);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="connect">
      <form className="card connect-card" onSubmit={submit} aria-label="Connect to OpsWorker">
        <h1>Connect to OpsWorker</h1>
        {store.fixedServerUrl ? (
          <p className="muted">Server: {store.fixedServerUrl}</p>
        ) : (
          <label>
            Server URL
            <input
              value={serverUrl}
              onChange={(event) => setServerUrl(event.target.value)}
              autoComplete="url"
            />
          </label>
        )}
        <label>
          API token
          <input
            type="password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="off"
            placeholder="owa_…"
          />
        </label>
        <p className="muted small">
          {store.storage === 'desktop'
            ? 'The token is kept encrypted by your operating system (never in plain storage).'
            : 'The token is kept for this browser tab only and forgotten when the tab closes.'}
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
    </main>
  );
}
