import type { InvestigationStatus, Severity } from '@opsworker/shared';

export function SeverityBadge(props: { severity: Severity }) {
  return <span className={`badge severity-${props.severity}`}>{props.severity}</span>;
}

const STATUS_LABEL: Record<InvestigationStatus, string> = {
  queued: 'queued',
  running: 'investigating',
  completed: 'done',
  failed: 'failed',
};

/** A coloured dot and a word: colour alone would not be readable for everyone. */
export function StatusDot(props: { status: InvestigationStatus }) {
  return (
    <span className={`status status-${props.status}`}>
      <span className="dot" aria-hidden="true" />
      {STATUS_LABEL[props.status]}
    </span>
  );
}
