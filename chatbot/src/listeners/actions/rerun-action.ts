import type { ListenerDeps } from '../../app/listener-deps.ts';
import { slackRequester } from '../../notifier/slack-notifier.ts';
import { investigationAction } from './investigation-action.ts';

/**
 * Re-run: a new investigation with the same scope and question. Its message is posted in the
 * old one's thread, so the history of the incident stays in one place, and kept up to date there.
 */
export function rerunAction(deps: ListenerDeps) {
  return investigationAction(deps, 're-running the investigation', async (click) => {
    // As the clicker, so the notifier holds it for `attach` instead of routing a new message.
    const rerun = await deps.api.rerun(click.investigationId, slackRequester(click.userId));
    if (!click.channel || !click.messageTs) return;
    await deps.threads.attach(rerun, {
      channel: click.channel,
      threadTs: click.threadTs ?? click.messageTs,
    });
  });
}
