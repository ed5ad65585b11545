import type { FeedbackRating } from '@opsworker/shared';

/**
 * Action ids of the investigation message's buttons. The action listeners register on these;
 * every button's `value` is the investigation id.
 */
export const ACTION_IDS = {
  openDesktop: 'investigation_open_desktop',
  openPortal: 'investigation_open_portal',
  rerun: 'investigation_rerun',
  acknowledge: 'investigation_acknowledge',
  feedbackAccurate: 'investigation_feedback_accurate',
  feedbackPartiallyAccurate: 'investigation_feedback_partially_accurate',
  feedbackNeedsImprovement: 'investigation_feedback_needs_improvement',
  /** App Home and status list: a link to one investigation (acked, nothing else to do). */
  openInvestigation: 'investigation_open',
} as const;

/** The rating each feedback button stores. */
export const FEEDBACK_ACTIONS: Record<FeedbackRating, string> = {
  accurate: ACTION_IDS.feedbackAccurate,
  partially_accurate: ACTION_IDS.feedbackPartiallyAccurate,
  needs_improvement: ACTION_IDS.feedbackNeedsImprovement,
};

/** The rating a feedback action id stands for, or undefined for other actions. */
export function ratingOfAction(actionId: string): FeedbackRating | undefined {
  const entry = Object.entries(FEEDBACK_ACTIONS).find(([, id]) => id === actionId);
  return entry?.[0] as FeedbackRating | undefined;
}

/** Buttons that only open a link: Slack still sends an action, which just needs an ack. */
export const LINK_ACTION_IDS: readonly string[] = [
  ACTION_IDS.openDesktop,
  ACTION_IDS.openPortal,
  ACTION_IDS.openInvestigation,
];
