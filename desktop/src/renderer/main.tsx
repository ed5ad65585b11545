import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/styles.css';
import { connectionStoreFor } from './connection/connection-store.ts';
import { portalServerUrl } from './connection/portal-server-url.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The desktop app knows its server from the bridge; the portal asks where its API is.
const store = connectionStoreFor(
  window,
  window.opsworker ? undefined : await portalServerUrl(window.location.origin),
);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
