import type { OpsWorkerApi } from '@opsworker/shared';
import { buildDigestMessage } from '../blocks/digest-blocks.ts';
import type { LinkOptions } from '../blocks/investigation-links.ts';
import type { SlackDelivery } from '../slack-client/slack-delivery.ts';
import { barChartPng } from './bar-chart.ts';
import { type DigestFigures, digestFigures, digestWindows } from './digest-figures.ts';

export interface SendDigestOptions {
  api: Pick<OpsWorkerApi, 'insights'>;
  delivery: Pick<SlackDelivery, 'enqueue'>;
  channel: string;
  /** The moment the digest is for: it covers the 24 hours before (whole hours). */
  now: Date;
  links?: LinkOptions | undefined;
  /** Posts the digest as a reply in this thread (e.g. where `/opsworker digest` was asked). */
  threadTs?: string | undefined;
}

/**
 * Reads the day and the day before from `GET /api/insights` and queues the digest message and,
 * in its thread, the alerts-by-hour chart. Both go through the outbox, so a Slack outage only
 * delays them.
 */
export async function sendDigest(options: SendDigestOptions): Promise<DigestFigures> {
  const windows = digestWindows(options.now);
  const [day, previousDay] = await Promise.all([
    options.api.insights({ days: 1, until: windows.day.until }),
    options.api.insights({ days: 1, until: windows.previousDay.until }),
  ]);
  const figures = digestFigures(day, previousDay);
  const messageId = await options.delivery.enqueue({
    kind: 'message',
    channel: options.channel,
    message: buildDigestMessage(figures, options.links),
    threadTs: options.threadTs,
  });
  await options.delivery.enqueue({
    kind: 'file',
    channel: options.channel,
    filename: `alerts-by-hour-${figures.day}.png`,
    title: `Alerts by hour (UTC), ${figures.day}`,
    contentBase64: barChartPng(figures.alertsPerHour.map((hour) => hour.count)).toString('base64'),
    afterItemId: messageId,
  });
  return figures;
}
