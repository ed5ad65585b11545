import type { Investigation } from '@opsworker/shared';

/**
 * Engineer minutes an investigation saves, by outcome: the time an on-call engineer typically
 * spends gathering the same evidence by hand (kubectl describe, events, logs, rollout history)
 * before a root cause is clear. Assumptions, stated in docs/insights.md; deliberately modest.
 */
export const MINUTES_SAVED_BY_OUTCOME: Record<NonNullable<Investigation['outcome']>, number> = {
  root_cause_found: 25,
  no_problem_found: 10,
  inconclusive: 8,
  failed: 0,
};

export function minutesSaved(investigation: Investigation): number {
  if (investigation.status !== 'completed' || !investigation.outcome) return 0;
  // A report rated as needing improvement saved little; a partial one about half.
  const full = MINUTES_SAVED_BY_OUTCOME[investigation.outcome];
  switch (investigation.feedback?.rating) {
    case 'needs_improvement':
      return 0;
    case 'partially_accurate':
      return Math.round(full / 2);
    default:
      return full;
  }
}
