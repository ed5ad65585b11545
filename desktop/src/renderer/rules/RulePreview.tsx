import type { RulePreviewResult } from '@opsworker/shared';
import { formatAge } from '../common/format-age.ts';
import { SeverityBadge } from '../common/SeverityBadge.tsx';

/** Which recent alerts the rule would have matched, before it is saved. */
export function RulePreview(props: { preview: RulePreviewResult }) {
  const { matched, total, activeNow } = props.preview;
  return (
    <section className="card preview" aria-label="Preview">
      <h3>
        Would match {matched.length} of the last {total} alerts
        {!activeNow && <span className="muted"> (not active right now)</span>}
      </h3>
      {matched.length > 0 && (
        <ul>
          {matched.slice(0, 50).map((alert) => (
            <li key={alert.id}>
              <SeverityBadge severity={alert.severity} /> {alert.title}{' '}
              <span className="muted">
                {alert.scope.namespace ?? ''} · {formatAge(alert.lastSeenAt)} ago
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
