import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { slackUserName } from '../../app/slack-user-name.ts';
import { userFacingError } from '../../app/user-facing-error.ts';
import { answerBlocks } from './answer-blocks.ts';
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
 * follow-up API's answer replaces it, so the thread holds one message per answer.
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
    text: ':hourglass_flowing_sand: Looking…',
  });
  let answer: string;
  let blocks: ReturnType<typeof answerBlocks> | undefined;
  try {
    const author = question.user ? await slackUserName(client, question.user) : undefined;
    const exchange = await deps.api.ask(question.investigationId, text, author);
    answer = exchange.answer.text;
    blocks = answerBlocks(answer);
  } catch (error) {
    answer = `:warning: ${userFacingError(error, deps.log, 'answering your question')}`;
  }
  // The notification text (what a phone shows) is the answer's start, without markup.
  const notification = answer.replace(/[`*_]/g, '').slice(0, 300);
  if (looking.ts) {
    await client.chat.update({
      channel: question.channel,
      ts: looking.ts,
      text: notification,
      ...(blocks ? { blocks } : {}),
    });
  } else {
    await client.chat.postMessage({
      channel: question.channel,
      thread_ts: question.threadTs,
      text: notification,
      ...(blocks ? { blocks } : {}),
    });
  }
}
