import { createSlackBot, type SlackBot } from '@opsworker/chatbot/start-slack-bot.ts';
import type { Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Socket Mode: the bot opens a WebSocket (apps.connections.open) and acks envelopes on it. */
describe('the Slack bot in Socket Mode, against a local WebSocket', () => {
  let slack: FakeSlack;
  let server: TestServer;
  let bot: SlackBot;

  beforeAll(async () => {
    slack = await startFakeSlack();
    server = await startTestServer();
    bot = createSlackBot(
      {
        botToken: slack.botToken,
        connection: { mode: 'socket', appToken: slack.appToken },
        apiUrl: slack.apiUrl,
        defaultChannel: '#incidents',
        routes: [],
        replyMode: 'mention',
        digestTime: undefined,
      },
      quiet,
    );
    await bot.start({
      apiUrl: server.url,
      apiToken: server.internalApiToken,
      publicUrl: server.url,
      dataDir: server.dataDir,
    });
  });
  afterAll(async () => {
    await bot?.close();
    await server?.stop();
    await slack?.close();
  });

  it('connects with the app token and mounts nothing on the server', async () => {
    await slack.socket.waitForConnection();
    expect(bot.mounts).toEqual([]);
    expect(slack.calls('apps.connections.open')[0]?.token).toBe(slack.appToken);
  });

  it('acks a slash command on the socket, with help in the ack', async () => {
    const ack = await slack.socket.send({
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/opsworker',
        text: 'help',
        user_id: 'U0ALICE',
        user_name: 'alice',
        channel_id: 'C0INCIDENTS',
        team_id: 'T0FAKETEAM',
        response_url: slack.responseUrl(),
        trigger_id: 't',
      },
    });
    expect(JSON.stringify(ack.payload)).toContain('/opsworker investigate');
  });

  it('acks an app_mention and starts the investigation it asks for', async () => {
    await slack.socket.send({
      type: 'events_api',
      payload: {
        type: 'event_callback',
        team_id: 'T0FAKETEAM',
        event_id: 'Ev0SOCKET1',
        event: {
          type: 'app_mention',
          user: 'U0ALICE',
          channel: 'C0INCIDENTS',
          ts: '1700000300.000100',
          text: '<@U0FAKEBOT> why is cart failing in shop?',
        },
      },
    });
    const investigation = await waitFor('the investigation', async () => {
      const { items } = (await (await server.api('/api/investigations')).json()) as {
        items: Investigation[];
      };
      return items.find((i) => i.scope.name === 'cart');
    });
    expect(investigation.scope).toMatchObject({ kind: 'deployments', name: 'cart', namespace: 'shop' });
    expect(investigation.trigger).toMatchObject({ requestedBy: 'slack:U0ALICE' });
    // The notifier, started with the bot, posts the investigation's message under the question.
    const posted = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.args.thread_ts === '1700000300.000100',
    );
    expect(JSON.stringify(posted.args.blocks)).toContain(investigation.id);
  });
});
