import { useEffect, useState } from 'react';
import { EmptyState } from '../common/States.tsx';
import { useSession } from '../connection/ConnectionContext.tsx';
import { useDesktopExtras } from '../desktop/use-desktop-extras.ts';
import { InsightsPage } from '../insights/InsightsPage.tsx';
import { InvestigateForm } from '../investigate/InvestigateForm.tsx';
import { InvestigationsPage } from '../investigations/InvestigationsPage.tsx';
import type { StreamStatus } from '../live/sse-stream.ts';
import { RulesPage } from '../rules/RulesPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { hrefFor, type Route, useRoute } from './router.ts';
import type { ThemeChoice } from './theme.ts';

const NAV: { page: Route['page']; label: string; path: string }[] = [
  { page: 'investigations', label: 'Investigations', path: '/investigations' },
  { page: 'investigate', label: 'Investigate', path: '/investigate' },
  { page: 'rules', label: 'Rules', path: '/rules' },
  { page: 'insights', label: 'Insights', path: '/insights' },
  { page: 'settings', label: 'Settings', path: '/settings' },
];

/** The navigation bar, the live connection's state, and the page the route names. */
export function AppShell(props: { theme: ThemeChoice; onTheme: (choice: ThemeChoice) => void }) {
  const route = useRoute();
  const session = useSession();
  const [live, setLive] = useState<{ status: StreamStatus; detail?: string }>({ status: 'connecting' });
  useDesktopExtras(window.opsworker, session);
  useEffect(
    () => session.orgEvents.onStatus((status, detail) => setLive({ status, ...(detail ? { detail } : {}) })),
    [session.orgEvents],
  );

  return (
    <div className="app">
      <nav className="topbar" aria-label="Main">
        <span className="brand">OpsWorker</span>
        {NAV.map((item) => (
          <a
            key={item.page}
            href={hrefFor(item.path)}
            className={route.page === item.page ? 'current' : ''}
            aria-current={route.page === item.page ? 'page' : undefined}
          >
            {item.label}
          </a>
        ))}
        <span className={`live live-${live.status}`} title={live.detail} role="status">
          {live.status === 'open'
            ? 'live'
            : live.status === 'failed'
              ? `offline: ${live.detail ?? ''}`
              : `${live.status}…`}
        </span>
      </nav>
      <main className="content">{renderPage(route, props)}</main>
    </div>
  );
}

function renderPage(route: Route, props: { theme: ThemeChoice; onTheme: (choice: ThemeChoice) => void }) {
  switch (route.page) {
    case 'investigations':
      return <InvestigationsPage openId={route.id} />;
    case 'investigate':
      return <InvestigateForm />;
    case 'rules':
      return <RulesPage ruleId={route.ruleId} />;
    case 'insights':
      return <InsightsPage />;
    case 'settings':
      return <SettingsPage theme={props.theme} onTheme={props.onTheme} />;
    case 'not-found':
      return (
        <EmptyState title="Nothing here">
          No page at <code>{route.path}</code>. Go to the <a href="#/investigations">investigations</a>.
        </EmptyState>
      );
  }
}
