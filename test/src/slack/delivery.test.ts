import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.ts';
import { deliveryFor, tempDataDir } from './slack-fixtures.ts';

const digestLike = {
  text: 'Good morning',
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Good morning' } }],
};

describe('Slack delivery', () => {
  let slack: FakeSlack;
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    slack = await startFakeSlack();
    data = tempDataDir();
  });
  afterEach(async () => {
    await slack.close();
    data.remove();
  });

  describe('when Slack answers 429 with Retry-After, then 500', () => {
    it('waits, retries, and delivers the message exactly once', async () => {
      slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      slack.failNext('chat.postMessage', { status: 500 });
      const log: string[] = [];
      const { delivery, state } = deliveryFor(slack, data.dir, log);
      delivery.start();
      await delivery.enqueue({ kind: 'message', channel: '#oncall', message: digestLike });
      await delivery.idle(10_000);
      await delivery.stop();

      expect(slack.calls('chat.postMessage').map((call) => call.status)).toEqual([429, 500, 200]);
      expect(slack.workspace.messages.filter((m) => m.text === 'Good morning')).toHaveLength(1);
      expect(await state.outbox()).toEqual([]);
      expect(log.join('\n')).toContain('Retry-After 1s');
      expect(log.join('\n')).not.toContain(slack.botToken);
    });

    it('holds every other call until Retry-After has passed', async () => {
      slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      const { delivery } = deliveryFor(slack, data.dir);
      delivery.start();
      await delivery.enqueue({ kind: 'message', channel: '#a', message: { ...digestLike, text: 'first' } });
      await delivery.enqueue({ kind: 'message', channel: '#a', message: { ...digestLike, text: 'second' } });
      await delivery.idle(10_000);
      await delivery.stop();
      const [limited, ...rest] = slack.calls('chat.postMessage');
      expect(limited?.status).toBe(429);
      // Nothing was sent in the second after the 429 (the recorded order proves no call slipped in between).
      expect(rest.map((call) => call.status)).toEqual([200, 200]);
      expect(slack.workspace.messages.map((m) => m.text)).toEqual(['first', 'second']);
    });
  });

  describe('after a restart', () => {
    it('delivers what the previous run left pending', async () => {
      slack.failNext('chat.postMessage', { status: 500 });
      const first = deliveryFor(slack, data.dir);
      first.delivery.start();
      await first.delivery.enqueue({ kind: 'message', channel: '#oncall', message: digestLike });
      await slack.waitForCall('chat.postMessage', (call) => call.status === 500);
      await first.delivery.stop();
      expect(await first.state.outbox()).toHaveLength(1);

      const second = deliveryFor(slack, data.dir);
      second.delivery.start();
      await second.delivery.idle(10_000);
      await second.delivery.stop();
      expect(slack.workspace.messages.filter((m) => m.text === 'Good morning')).toHaveLength(1);
      expect(await second.state.outbox()).toEqual([]);
    });
  });

  it('drops a message Slack refuses as malformed, logging why, instead of retrying forever', async () => {
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const log: string[] = [];
    const { delivery, state } = deliveryFor(slack, data.dir, log);
    delivery.start();
    await delivery.enqueue({ kind: 'message', channel: '#oncall', message: digestLike });
    await delivery.idle(10_000);
    await delivery.stop();
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(await state.outbox()).toEqual([]);
    expect(log.join('\n')).toContain('invalid_blocks');
  });

  it('uploads a file into the thread of the message it follows', async () => {
    const { delivery } = deliveryFor(slack, data.dir);
    delivery.start();
    const messageId = await delivery.enqueue({ kind: 'message', channel: '#oncall', message: digestLike });
    await delivery.enqueue({
      kind: 'file',
      channel: '#oncall',
      filename: 'chart.png',
      title: 'Chart',
      contentBase64: Buffer.from('png bytes').toString('base64'),
      afterItemId: messageId,
    });
    await delivery.idle(10_000);
    await delivery.stop();
    const [message] = slack.workspace.messages;
    const [file] = slack.workspace.files.values();
    expect(file).toMatchObject({ filename: 'chart.png', channel: message?.channel, threadTs: message?.ts });
    expect(file?.bytes?.toString()).toBe('png bytes');
  });
});
