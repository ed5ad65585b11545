import type { ListenerDeps } from '../../app/listener-deps.ts';
import { investigationAction } from './investigation-action.ts';

/**
 * Re-run: a new investigation with the same scope and question. Its message is posted in the
 * old one's thread, so the history of the incident stays in one place, and kept up to date there.
 */
export function rerunAction(deps: ListenerDeps) {
  return investigationAction(deps, 're-running the investigation', async (click, { client }) => {
    const rerun = await deps.api.rerun(click.investigationId, click.userName);
    if (!click.channel || !click.messageTs) return;
    const threadTs = click.threadTs ?? click.messageTs;
    const posted = await client.chat.postMessage({
      channel: click.channel,
      thread_ts: threadTs,
      text: `:repeat: <@${click.userId}> re-ran this investigation. Investigating…`,
    });
    if (posted.ts) await deps.threads.adopt(rerun.id, { channel: click.channel, ts: posted.ts, threadTs });
  });
}
