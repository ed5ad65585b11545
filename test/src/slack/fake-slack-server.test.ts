import { SocketModeClient } from '@slack/socket-mode';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.ts';

// The fake is only worth something if the real Slack clients accept it: every check goes
// through @slack/web-api or @slack/socket-mode, never hand-written requests.
describe('fake Slack Web API', () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeEach(async () => {
    slack = await startFakeSlack();
    client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  });
  afterEach(() => slack.close());

  it('posts a message to a #name, answers with the channel id, and updates it in place', async () => {
    const posted = await client.chat.postMessage({
      channel: '#alerts',
      text: 'hi',
      blocks: [{ type: 'divider' }],
    });
    expect(posted.channel).toMatch(/^C[A-Z0-9]+$/);
    await client.chat.update({ channel: posted.channel ?? '', ts: posted.ts ?? '', text: 'updated' });
    const message = slack.workspace.find(posted.channel, posted.ts);
    expect(message).toMatchObject({ text: 'updated', updates: 1, blocks: [{ type: 'divider' }] });
    expect(slack.calls('chat.postMessage')[0]?.args.blocks).toEqual([{ type: 'divider' }]);
  });

  it('refuses a wrong token and updates of messages that do not exist, as Slack does', async () => {
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(
      client.chat.update({ channel: 'C0123ABCD', ts: '1.000001', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('answers an injected 429 with Retry-After, then the call succeeds', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: '#a', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 7,
    });
    await client.chat.postMessage({ channel: '#a', text: 'x' });
    expect(slack.calls('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(slack.workspace.messages).toHaveLength(1);
  });

  it('answers an injected 500 as an HTTP error', async () => {
    slack.failNext('chat.update', { status: 500 });
    await expect(client.chat.update({ channel: 'C0123ABCD', ts: '1.1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
  });

  it('takes a file through files.uploadV2 and keeps its bytes', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await client.files.uploadV2({
      channel_id: 'C0123ABCD',
      file: bytes,
      filename: 'chart.png',
      title: 'Chart',
    });
    const file = [...slack.workspace.files.values()][0];
    expect(file).toMatchObject({ filename: 'chart.png', title: 'Chart', channel: 'C0123ABCD' });
    expect(file?.bytes?.equals(bytes)).toBe(true);
  });

  it('waits for a call that has not happened yet', async () => {
    const waiting = slack.waitForCall('chat.postMessage', (call) => call.args.text === 'later');
    await client.chat.postMessage({ channel: '#a', text: 'sooner' });
    await client.chat.postMessage({ channel: '#a', text: 'later' });
    await expect(waiting).resolves.toMatchObject({ args: { text: 'later' } });
  });

  it('serves Socket Mode: hello on connect, envelopes out, acks recorded', async () => {
    const socketClient = new SocketModeClient({
      appToken: slack.appToken,
      clientOptions: { slackApiUrl: slack.apiUrl },
      logLevel: undefined,
    });
    socketClient.on('slash_commands', async ({ ack }: { ack: (body?: unknown) => Promise<void> }) => {
      await ack({ text: 'got it' });
    });
    await socketClient.start();
    try {
      const ack = await slack.socket.send({
        type: 'slash_commands',
        payload: { command: '/opsworker', text: 'help' },
      });
      expect(ack.payload).toEqual({ text: 'got it' });
      expect(slack.calls('apps.connections.open')[0]?.token).toBe(slack.appToken);
    } finally {
      await socketClient.disconnect();
    }
  });
});
