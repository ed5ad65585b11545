import type { Investigation } from '@opsworker/shared';
import { memo } from 'react';
import { formatAge, formatResource } from '../common/format-age.ts';
import { SeverityBadge, StatusDot } from '../common/SeverityBadge.tsx';

/** One line of the list: status, severity, the alert, the resource and its age. */
export const InvestigationRow = memo(function InvestigationRow(props: {
  investigation: Investigation;
  selected: boolean;
  active: boolean;
  now: number;
}) {
  const { investigation, selected, active, now } = props;
  return (
    <div
      className={`row${selected ? ' row-selected' : ''}${active ? ' row-active' : ''}`}
      data-id={investigation.id}
    >
      <div className="row-top">
        <StatusDot status={investigation.status} />
        <SeverityBadge severity={investigation.severity} />
        <span className="row-age" title={investigation.createdAt}>
          {formatAge(investigation.createdAt, now)}
        </span>
      </div>
      <div className="row-title">{investigation.title}</div>
      <div className="row-resource">{formatResource(investigation.scope)}</div>
    </div>
  );
});
