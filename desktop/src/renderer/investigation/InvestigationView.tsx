import type { Investigation } from '@opsworker/shared';
import { formatResource } from '../common/format-age.ts';
import { SeverityBadge, StatusDot } from '../common/SeverityBadge.tsx';
import { ErrorState, Loading } from '../common/States.tsx';
import { useSession } from '../connection/ConnectionContext.tsx';
import { ConversationPanel } from '../conversation/ConversationPanel.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { FeedbackButtons } from './FeedbackButtons.tsx';
import { GroupedAlerts } from './GroupedAlerts.tsx';
import { InvestigationActions } from './InvestigationActions.tsx';
import { NextSteps } from './NextSteps.tsx';
import { RootCauseCard } from './RootCauseCard.tsx';
import { Timeline } from './Timeline.tsx';
import { useInvestigation } from './use-investigation.ts';
import { useTimeline } from './use-timeline.ts';

/** What broke, why, what to do now — then the timeline, the evidence and the conversation. */
export function InvestigationView(props: { id: string }) {
  const { connection } = useSession();
  const timeline = useTimeline(connection, props.id);
  const detail = useInvestigation(props.id, timeline.events);
  const messageEvents = timeline.events.filter((event) => event.type === 'message').length;

  if (!detail.data)
    return (
      <section className="detail-pane">
        {detail.error ? (
          <ErrorState
            title="This investigation could not be loaded"
            message={detail.error}
            onRetry={detail.reload}
          />
        ) : (
          <Loading what="the investigation" />
        )}
      </section>
    );

  const investigation = detail.data;
  const update = (changed: Investigation) => detail.set({ ...investigation, ...changed });
  return (
    <div className="detail-layout">
      <section className="detail-pane" aria-label="Investigation">
        <header className="detail-header">
          <div className="detail-badges">
            <StatusDot status={investigation.status} />
            <SeverityBadge severity={investigation.severity} />
            {investigation.scope.cluster && <span className="pill">{investigation.scope.cluster}</span>}
            {investigation.rerunOf && (
              <a className="pill" href={`#/investigations/${encodeURIComponent(investigation.rerunOf)}`}>
                re-run of an earlier one
              </a>
            )}
          </div>
          <h1>{investigation.title}</h1>
          <p className="detail-scope">
            {formatResource(investigation.scope)}
            {investigation.question && <span className="question"> — “{investigation.question}”</span>}
          </p>
          <InvestigationActions investigation={investigation} onChange={update} />
        </header>
        <RootCauseCard investigation={investigation} />
        {investigation.report && (
          <>
            <NextSteps steps={investigation.report.nextSteps} />
            <FeedbackButtons investigation={investigation} onChange={update} />
            <EvidenceList evidence={investigation.report.evidence} />
          </>
        )}
        <Timeline events={timeline.events} status={timeline.status} error={timeline.error} />
        <GroupedAlerts alerts={investigation.alerts} />
      </section>
      <ConversationPanel investigationId={investigation.id} changes={messageEvents} />
    </div>
  );
}
