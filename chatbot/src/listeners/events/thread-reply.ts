import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { answerInThread } from './answer-in-thread.ts';

/**
 * With reply mode `all`, any human reply in an investigation's thread is a follow-up question.
 * Replies that mention the bot are left to the app_mention listener (Slack sends both events).
 */
export function threadReply(deps: ListenerDeps) {
  return async ({
    message,
    client,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (deps.replyMode !== 'all') return;
    // Edits, joins, bot posts and file shares carry a subtype: only plain human messages ask.
    if (message.subtype !== undefined || !('thread_ts' in message) || !message.thread_ts) return;
    if ('bot_id' in message && message.bot_id) return;
    const text = 'text' in message ? (message.text ?? '') : '';
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return;
    const investigationId = await deps.threads.investigationFor(message.channel, message.thread_ts);
    if (!investigationId) return;
    await answerInThread(deps, client, {
      channel: message.channel,
      threadTs: message.thread_ts,
      investigationId,
      text,
      user: 'user' in message ? message.user : undefined,
    });
  };
}
