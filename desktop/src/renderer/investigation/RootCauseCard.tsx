import type { Investigation } from '@opsworker/shared';

const OUTCOME_TITLE: Record<NonNullable<Investigation['outcome']>, string> = {
  root_cause_found: 'Root cause',
  no_problem_found: 'No problem found in the cluster',
  inconclusive: 'Inconclusive',
  failed: 'Investigation failed',
};

/** Answer first: the conclusion in plain words, how sure it is, and what it affects. */
export function RootCauseCard(props: { investigation: Investigation }) {
  const { investigation } = props;
  const { report } = investigation;
  if (investigation.status === 'failed')
    return (
      <section className="card root-cause root-cause-failed" aria-label="Root cause">
        <h2>Investigation failed</h2>
        <p>{investigation.error ?? 'The investigation stopped before it could report.'}</p>
      </section>
    );
  if (!report)
    return (
      <section className="card root-cause root-cause-pending" aria-label="Root cause" aria-busy="true">
        <h2>
          <span className="spinner" aria-hidden="true" /> Investigating…
        </h2>
        <p>The steps appear in the timeline below as they run.</p>
      </section>
    );
  return (
    <section className="card root-cause" aria-label="Root cause">
      <h2>
        {OUTCOME_TITLE[investigation.outcome ?? 'root_cause_found']}{' '}
        <span className={`confidence confidence-${report.confidence}`}>{report.confidence} confidence</span>
      </h2>
      <p className="root-cause-statement">{report.rootCause.statement}</p>
      <p className="root-cause-meta">
        <span className="category">{report.rootCause.category.replaceAll('_', ' ')}</span>
        {report.rootCause.resource && <code>{report.rootCause.resource}</code>}
      </p>
      {report.summary !== report.rootCause.statement && <p className="summary">{report.summary}</p>}
      {report.impact && (
        <p>
          <strong>Impact:</strong> {report.impact}
        </p>
      )}
      {report.contributingFactors.length > 0 && (
        <ul className="factors">
          {report.contributingFactors.map((factor) => (
            <li key={factor}>{factor}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
