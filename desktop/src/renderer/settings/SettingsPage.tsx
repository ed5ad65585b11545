import type { ThemeChoice } from '../app/theme.ts';
import { useSession } from '../connection/ConnectionContext.tsx';

/** Theme and connection. */
export function SettingsPage(props: { theme: ThemeChoice; onTheme: (choice: ThemeChoice) => void }) {
  const { connection, store, disconnect } = useSession();
  return (
    <div className="page">
      <h1>Settings</h1>
      <section className="card">
        <h3>Theme</h3>
        <div role="radiogroup" aria-label="Theme" className="checkboxes">
          {(['system', 'light', 'dark'] as const).map((choice) => (
            <label key={choice} className="inline">
              <input
                type="radio"
                name="theme"
                value={choice}
                checked={props.theme === choice}
                onChange={() => props.onTheme(choice)}
              />
              {choice}
            </label>
          ))}
        </div>
      </section>
      <section className="card">
        <h3>Connection</h3>
        <p>
          Server: <code>{connection.serverUrl}</code>
        </p>
        <p className="muted">
          {store.storage === 'desktop'
            ? 'The API token is kept encrypted by your operating system.'
            : 'The API token is kept for this browser tab only.'}
          {window.opsworker && ` Desktop app ${window.opsworker.version}.`}
        </p>
        <button type="button" className="danger" onClick={() => void disconnect()}>
          Disconnect and forget the token
        </button>
      </section>
      <section className="card">
        <h3>Keyboard</h3>
        <p>
          <kbd>j</kbd>/<kbd>k</kbd> move through investigations, <kbd>Enter</kbd> opens, <kbd>/</kbd>{' '}
          searches, <kbd>Esc</kbd> goes back.
        </p>
      </section>
    </div>
  );
}
