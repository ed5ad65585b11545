import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { slackUserName } from '../../app/slack-user-name.ts';
import { userFacingError } from '../../app/user-facing-error.ts';
import type { SlackMessage } from '../../blocks/block-types.ts';
import { buildFollowUpAnswer, buildLookingMessage } from '../../blocks/follow-up-answer.ts';
import { section } from '../../blocks/limits.ts';
import { plainText } from './workload-question.ts';

export interface ThreadQuestion {
  channel: string;
  threadTs: string;
  investigationId: string;
  /** The message as Slack sent it (mentions are removed here). */
  text: string;
  user: string | undefined;
}

/**
 * A follow-up question in an investigation's thread: a "looking…" reply at once, then the
 * follow-up API's answer in its place.
 */
export async function answerInThread(
  deps: ListenerDeps,
  client: WebClient,
  question: ThreadQuestion,
): Promise<void> {
  const text = plainText(question.text);
  if (!text) return;
  const looking = await client.chat.postMessage({
    channel: question.channel,
    thread_ts: question.threadTs,
    ...buildLookingMessage(),
  });
  let reply: SlackMessage;
  try {
    const author = question.user ? await slackUserName(client, question.user) : undefined;
    const exchange = await deps.api.ask(question.investigationId, text, author);
    reply = buildFollowUpAnswer(exchange.answer, { publicUrl: deps.portalUrl });
  } catch (error) {
    const sorry = `:warning: ${userFacingError(error, deps.log, 'answering your question')}`;
    reply = { text: sorry, blocks: [section(sorry)] };
  }
  // The answer replaces the "looking…" reply, so the thread holds one message per answer.
  if (looking.ts) await client.chat.update({ channel: question.channel, ts: looking.ts, ...reply });
  else await client.chat.postMessage({ channel: question.channel, thread_ts: question.threadTs, ...reply });
}
