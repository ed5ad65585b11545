import type { FeedbackRating } from '@opsworker/shared';
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { ACTION_IDS, FEEDBACK_ACTIONS, LINK_ACTION_IDS } from '../../blocks/action-ids.ts';
import { acknowledgeAction } from './acknowledge-action.ts';
import { feedbackAction } from './feedback-action.ts';
import { rerunAction } from './rerun-action.ts';

/** The investigation message's buttons. */
export function registerActions(app: App, deps: ListenerDeps): void {
  for (const [rating, actionId] of Object.entries(FEEDBACK_ACTIONS)) {
    app.action(actionId, feedbackAction(deps, rating as FeedbackRating));
  }
  app.action(ACTION_IDS.acknowledge, acknowledgeAction(deps));
  app.action(ACTION_IDS.rerun, rerunAction(deps));
  // Open in the desktop app / the portal are URL buttons: the browser does the work, Slack wants an ack.
  for (const actionId of LINK_ACTION_IDS) {
    app.action(actionId, async ({ ack }) => {
      await ack();
    });
  }
}
