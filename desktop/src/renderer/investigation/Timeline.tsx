import type { TimelineEvent } from '@opsworker/shared';
import type { StreamStatus } from '../live/sse-stream.ts';

const STATUS_TEXT: Partial<Record<StreamStatus, string>> = {
  connecting: 'connecting…',
  open: 'live',
  reconnecting: 'reconnecting…',
  failed: 'not live',
};

/** The steps as they ran, newest at the bottom, streaming while the investigation runs. */
export function Timeline(props: {
  events: readonly TimelineEvent[];
  status: StreamStatus;
  error: string | undefined;
}) {
  const { events, status, error } = props;
  return (
    <section className="card timeline" aria-label="Timeline">
      <h3>
        Timeline{' '}
        <span className={`stream stream-${status}`} title={error}>
          {STATUS_TEXT[status] ?? ''}
        </span>
      </h3>
      {status === 'failed' && error && <p className="stream-error">{error}</p>}
      {events.length === 0 ? (
        <p className="muted">No steps yet.</p>
      ) : (
        <ol className="timeline-list">
          {events.map((event) => (
            <li key={event.seq} className={`timeline-event event-${event.type}`} data-seq={event.seq}>
              <time dateTime={event.at}>{new Date(event.at).toLocaleTimeString()}</time>
              <span className="event-type">{event.type.replace('_', ' ')}</span>
              <span className="event-message">{event.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
