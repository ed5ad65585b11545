import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { userFacingError } from '../../app/user-facing-error.ts';
import { slackRequester } from '../../notifier/slack-notifier.ts';
import { answerInThread } from './answer-in-thread.ts';
import { parseWorkloadQuestion } from './workload-question.ts';

const WHICH_WORKLOAD =
  'Which workload should I look at? Name it, e.g. "@OpsWorker why is checkout crash looping in shop?" or "@OpsWorker investigate deploy/checkout -n shop".';

/**
 * `@OpsWorker …`. In an investigation's thread: a follow-up question. Anywhere else: a
 * question about a workload starts a manual investigation whose message opens a new thread
 * under the question (the notifier keeps it up to date).
 */
export function appMention(deps: ListenerDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const threadTs = event.thread_ts;
    if (threadTs) {
      const investigationId = await deps.threads.investigationFor(event.channel, threadTs);
      if (investigationId) {
        await answerInThread(deps, client, {
          channel: event.channel,
          threadTs,
          investigationId,
          text: event.text,
          user: event.user,
        });
        return;
      }
    }
    const replyIn = threadTs ?? event.ts;
    const asked = parseWorkloadQuestion(event.text);
    if (!asked) {
      await client.chat.postMessage({ channel: event.channel, thread_ts: replyIn, text: WHICH_WORKLOAD });
      return;
    }
    try {
      const investigation = await deps.api.createInvestigation({
        scope: asked.target,
        question: asked.question.slice(0, 2000),
        title: asked.question.slice(0, 200),
        ...(event.user ? { requestedBy: slackRequester(event.user) } : {}),
      });
      // The notifier posts the investigation's one message under the question and updates it.
      await deps.threads.attach(investigation, { channel: event.channel, threadTs: replyIn });
    } catch (error) {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: replyIn,
        text: `:warning: ${userFacingError(error, deps.log, 'starting the investigation')}`,
      });
    }
  };
}
