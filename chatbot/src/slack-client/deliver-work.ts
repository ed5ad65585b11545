import type { WebClient } from '@slack/web-api';
import { buildThreadSteps } from '../blocks/thread-steps.ts';
import type { OutboxItem, SlackState } from '../state/slack-state.ts';

/** What one delivery did: `done`, or `again` when newer content arrived while it was sent. */
export type DeliveryResult = 'done' | 'again';

/** Whether an item can be tried now, and from when (throttles and the order of work). */
export async function readyAt(
  item: OutboxItem,
  state: SlackState,
  minUpdateIntervalMs: number,
): Promise<number | 'blocked' | 'obsolete'> {
  const work = item.work;
  if (work.kind === 'investigation_message') {
    const record = await state.getMessage(work.investigationId);
    if (!record) return 'obsolete';
    if (!record.ts) return item.nextAttemptAt;
    if (record.deliveredVersion >= record.version) return 'obsolete';
    return Math.max(item.nextAttemptAt, (record.lastDeliveredAt ?? 0) + minUpdateIntervalMs);
  }
  if (work.kind === 'thread_lines') {
    const record = await state.getMessage(work.investigationId);
    if (!record) return 'obsolete';
    if (!record.ts) return 'blocked';
    return Math.max(item.nextAttemptAt, (record.lastThreadPostAt ?? 0) + minUpdateIntervalMs);
  }
  if (work.kind === 'file' && work.afterItemId && !work.threadTs) {
    return (await state.getDelivered(work.afterItemId)) ? item.nextAttemptAt : 'blocked';
  }
  return item.nextAttemptAt;
}

/** Does one piece of Slack work. Throws what the client throws; the loop decides about retries. */
export async function deliverWork(
  item: OutboxItem,
  state: SlackState,
  client: WebClient,
  now: () => number,
): Promise<DeliveryResult> {
  const work = item.work;
  switch (work.kind) {
    case 'investigation_message':
      return deliverInvestigationMessage(work.investigationId, state, client, now);
    case 'thread_lines': {
      const record = await state.getMessage(work.investigationId);
      if (!record?.ts) return 'again';
      const message = buildThreadSteps(work.lines);
      await client.chat.postMessage({
        channel: record.channel,
        thread_ts: record.threadTs ?? record.ts,
        ...message,
        unfurl_links: false,
      });
      await state.updateMessage(
        work.investigationId,
        (current) => current && { ...current, lastThreadPostAt: now() },
      );
      return 'done';
    }
    case 'message': {
      const posted = await client.chat.postMessage({
        channel: work.channel,
        ...work.message,
        ...(work.threadTs ? { thread_ts: work.threadTs } : {}),
        unfurl_links: false,
      });
      if (posted.channel && posted.ts)
        await state.putDelivered(item.id, { channel: posted.channel, ts: posted.ts });
      return 'done';
    }
    case 'file': {
      const parent = work.afterItemId ? await state.getDelivered(work.afterItemId) : undefined;
      const threadTs = work.threadTs ?? parent?.ts;
      const file = {
        file: Buffer.from(work.contentBase64, 'base64'),
        filename: work.filename,
        title: work.title,
      };
      const channelId = parent?.channel ?? work.channel;
      await client.files.uploadV2(
        threadTs
          ? { ...file, channel_id: channelId, thread_ts: threadTs }
          : { ...file, channel_id: channelId },
      );
      return 'done';
    }
  }
}

async function deliverInvestigationMessage(
  investigationId: string,
  state: SlackState,
  client: WebClient,
  now: () => number,
): Promise<DeliveryResult> {
  const record = await state.getMessage(investigationId);
  if (!record) return 'done';
  const sentVersion = record.version;
  let where: { channel: string; ts: string };
  if (record.ts) {
    try {
      await client.chat.update({ channel: record.channel, ts: record.ts, ...record.rendered });
      where = { channel: record.channel, ts: record.ts };
    } catch (error) {
      // Someone deleted the message: post it again rather than go silent on the incident.
      if ((error as { data?: { error?: string } }).data?.error !== 'message_not_found') throw error;
      await state.updateMessage(investigationId, (current) => current && { ...current, ts: undefined });
      return 'again';
    }
  } else {
    const posted = await client.chat.postMessage({
      channel: record.channel,
      ...record.rendered,
      ...(record.threadTs ? { thread_ts: record.threadTs } : {}),
      unfurl_links: false,
    });
    where = { channel: posted.channel ?? record.channel, ts: posted.ts ?? '' };
  }
  const saved = await state.updateMessage(investigationId, (current) =>
    current
      ? {
          ...current,
          ...where,
          deliveredVersion: Math.max(current.deliveredVersion, sentVersion),
          lastDeliveredAt: now(),
        }
      : undefined,
  );
  return saved && saved.version > sentVersion ? 'again' : 'done';
}
