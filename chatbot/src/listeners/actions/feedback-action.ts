import type { FeedbackRating } from '@opsworker/shared';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { investigationAction } from './investigation-action.ts';

/**
 * Accurate / Partially accurate / Needs improvement: stored with the investigation (the latest
 * rating counts); the message is re-rendered and shows who rated.
 */
export function feedbackAction(deps: ListenerDeps, rating: FeedbackRating) {
  return investigationAction(deps, 'saving your feedback', async (click) => {
    await deps.api.feedback(click.investigationId, { rating, by: click.userName, via: 'slack' });
    await deps.threads.refresh(click.investigationId);
  });
}
