import { useState } from 'react';
import { hrefFor, routePath } from '../app/router.ts';
import { formatDuration } from '../common/format-age.ts';
import { SeverityBadge } from '../common/SeverityBadge.tsx';
import { ErrorState, Loading } from '../common/States.tsx';
import { useAsync } from '../common/use-async.ts';
import { useSession } from '../connection/ConnectionContext.tsx';
import { DonutChart } from './charts/DonutChart.tsx';
import { HorizontalBarChart } from './charts/HorizontalBarChart.tsx';
import { Sparkline } from './charts/Sparkline.tsx';
import { StackedBarChart } from './charts/StackedBarChart.tsx';

const SEVERITY_SERIES = [
  { key: 'critical', label: 'critical' },
  { key: 'error', label: 'error' },
  { key: 'warning', label: 'warning' },
  { key: 'info', label: 'info' },
];

const FEEDBACK_SERIES = [
  { key: 'accurate', label: 'accurate' },
  { key: 'partially_accurate', label: 'partially accurate' },
  { key: 'needs_improvement', label: 'needs improvement' },
] as const;

/** What the last days looked like: volume, noise, causes, speed and how right OpsWorker was. */
export function InsightsPage() {
  const { api } = useSession();
  const [days, setDays] = useState(7);
  const insights = useAsync(() => api.insights({ days }), [api, days]);
  const data = insights.data;

  return (
    <div className="page insights">
      <div className="page-header">
        <h1>Insights</h1>
        <select aria-label="Window" value={days} onChange={(event) => setDays(Number(event.target.value))}>
          <option value={1}>last 24 hours</option>
          <option value={7}>last 7 days</option>
          <option value={30}>last 30 days</option>
          <option value={90}>last 90 days</option>
        </select>
      </div>
      {insights.error ? (
        <ErrorState title="Insights could not be loaded" message={insights.error} onRetry={insights.reload} />
      ) : !data ? (
        <Loading what="insights" />
      ) : (
        <>
          <div className="tiles">
            <Tile label="alerts" value={data.alertsReceived} />
            <Tile label="investigations" value={data.investigations.opened} />
            <Tile label="open now" value={data.investigations.open} />
            <Tile label="still firing" value={data.stillFiring.length} />
            <Tile
              label="time saved (est.)"
              value={`${Math.round(data.estimatedTimeSavedMinutes / 6) / 10} h`}
            />
          </div>
          <div className="chart-grid">
            <StackedBarChart
              title="Alerts per day by severity"
              series={SEVERITY_SERIES}
              bars={data.alertsPerDay.map((day) => ({
                label: day.date.slice(5),
                values: { critical: day.critical, error: day.error, warning: day.warning, info: day.info },
              }))}
            />
            <Sparkline title="Alerts per hour" values={data.alertsPerHour.map((hour) => hour.count)} />
            <HorizontalBarChart
              title="Top alerts"
              items={data.topAlerts.slice(0, 8).map((alert) => ({
                label: alert.title,
                value: alert.count,
                tone: `series-${alert.severity}`,
              }))}
            />
            <HorizontalBarChart
              title="Root-cause categories"
              items={data.rootCauseCategories.slice(0, 8).map((category) => ({
                label: category.category.replaceAll('_', ' '),
                value: category.count,
                tone: 'series-cause',
              }))}
            />
            <HorizontalBarChart
              title={`Time to first finding (${data.timeToFirstFindingMs.count} investigations)`}
              empty="No investigation reached a finding in this window."
              items={
                data.timeToFirstFindingMs.count === 0
                  ? []
                  : [
                      {
                        label: 'median (p50)',
                        value: data.timeToFirstFindingMs.p50 ?? 0,
                        tone: 'series-p50',
                      },
                      { label: 'p90', value: data.timeToFirstFindingMs.p90 ?? 0, tone: 'series-p90' },
                    ].map((item) => ({ ...item, label: `${item.label} · ${formatDuration(item.value)}` }))
              }
              unit=" ms"
            />
            <DonutChart
              title={`Feedback accuracy (${data.feedback.total} ratings)`}
              center={data.feedback.accuracy === null ? '—' : `${Math.round(data.feedback.accuracy * 100)}%`}
              slices={FEEDBACK_SERIES.map((s) => ({ ...s, value: data.feedback[s.key] }))}
              empty="No feedback yet: rate reports with the buttons under the root cause."
            />
          </div>
          {data.stillFiring.length > 0 && (
            <section className="card">
              <h3>Still firing</h3>
              <ul>
                {data.stillFiring.map((alert) => (
                  <li key={alert.alertId}>
                    <SeverityBadge severity={alert.severity} />{' '}
                    {alert.investigationId ? (
                      <a href={hrefFor(routePath({ page: 'investigations', id: alert.investigationId }))}>
                        {alert.title}
                      </a>
                    ) : (
                      alert.title
                    )}{' '}
                    <span className="muted">since {new Date(alert.since).toLocaleString()}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function Tile(props: { label: string; value: number | string }) {
  return (
    <div className="tile">
      <div className="tile-value">
        {typeof props.value === 'number' ? props.value.toLocaleString('en-US') : props.value}
      </div>
      <div className="tile-label">{props.label}</div>
    </div>
  );
}
