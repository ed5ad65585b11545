import type { SNSEvent } from 'aws-lambda';
import { sendDigest } from '../digest/send-digest.ts';
import { parseSnsNotification } from '../notifier/org-event.ts';
import { containerSlackParts, type SlackLambdaParts } from './slack-container.ts';

export type NotifierHandler = (event: SNSEvent) => Promise<{ applied: number; ignored: number }>;

/** How long one invocation waits for Slack before leaving the rest in the outbox for the next. */
const SLACK_IDLE_MS = 20_000;

/**
 * SNS (the cloud's events topic) → Slack: investigation messages posted and updated in place,
 * thread lines, and the daily digest. Applying an event twice (SNS delivers at least once)
 * updates the same message instead of posting another; the state and the outbox are in
 * DynamoDB, so any container carries on where another left off. Events of another
 * organization than the Slack workspace's are ignored.
 */
export function createNotifierHandler(parts: () => Promise<SlackLambdaParts>): NotifierHandler {
  return async (event) => {
    const { config, notifier, state } = await parts();
    let applied = 0;
    let ignored = 0;
    for (const record of event.Records) {
      const notification = parseSnsNotification(record.Sns.Message);
      if (!notification || notification.orgId !== config.orgId) {
        ignored++;
        continue;
      }
      applied++;
      if (notification.kind === 'event') {
        await notifier.notifier.handle(notification.event);
        continue;
      }
      const channel = config.slack.defaultChannel;
      const day = notification.requestedAt.slice(0, 10);
      // One digest a day, however often the request is delivered.
      if (!channel || (await state.getDigestSentDay(config.orgId)) === day) continue;
      await sendDigest({
        api: notifier.api,
        delivery: notifier.delivery,
        channel,
        now: new Date(notification.requestedAt),
        links: { publicUrl: config.publicUrl },
      });
      await state.setDigestSentDay(config.orgId, day);
    }
    await notifier.idle(SLACK_IDLE_MS).catch(() => {});
    return { applied, ignored };
  };
}

export const handler: NotifierHandler = createNotifierHandler(containerSlackParts);
