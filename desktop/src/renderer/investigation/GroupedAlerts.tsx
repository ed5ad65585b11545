import type { Alert } from '@opsworker/shared';
import { formatAge } from '../common/format-age.ts';
import { SeverityBadge } from '../common/SeverityBadge.tsx';
import { ExternalLink } from '../desktop/ExternalLink.tsx';

/** The alerts grouped into this investigation: one incident, however many notifications. */
export function GroupedAlerts(props: { alerts: readonly Alert[] }) {
  if (props.alerts.length === 0) return null;
  return (
    <section className="card alerts" aria-label="Alerts">
      <h3>
        Alerts <span className="muted">({props.alerts.length})</span>
      </h3>
      <ul>
        {props.alerts.map((alert) => (
          <li key={alert.id} className={`alert alert-${alert.status}`}>
            <SeverityBadge severity={alert.severity} />
            <span className="alert-title">{alert.title}</span>
            <span className="muted">
              {alert.source} · {alert.status} · ×{alert.receivedCount} · last {formatAge(alert.lastSeenAt)}{' '}
              ago
            </span>
            {alert.links.map((link) => (
              <ExternalLink key={link.url} href={link.url}>
                {link.title}
              </ExternalLink>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
