import type { Investigation, Report } from '@opsworker/shared';

export type InvestigationOutcome = Exclude<NonNullable<Investigation['outcome']>, 'failed'>;

/**
 * What an investigation came to. "No problem found" needs the target confirmed healthy; a
 * report that found nothing and could not confirm health either (low confidence), or a cause
 * it is not sure of, is inconclusive.
 */
export function outcomeOf(report: Report): InvestigationOutcome {
  if (report.confidence === 'low') return 'inconclusive';
  return report.rootCause.category === 'no_problem_found' ? 'no_problem_found' : 'root_cause_found';
}

/** `root cause found`, in words for timeline messages. */
export function describeOutcome(outcome: InvestigationOutcome): string {
  return outcome.replaceAll('_', ' ');
}
