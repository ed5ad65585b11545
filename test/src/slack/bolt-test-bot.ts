import type { SlackConfig } from '@opsworker/chatbot/config.ts';
import { createSlackBot, type SlackBot } from '@opsworker/chatbot/start-slack-bot.ts';
import type { LocalServerOverrides } from '@opsworker/cloud/local/local-server.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.ts';
import { TEST_SIGNING_SECRET } from './signed-slack-request.ts';

export interface BoltTestBot {
  slack: FakeSlack;
  server: TestServer;
  bot: SlackBot;
  /** `${server.url}/slack/events` */
  eventsUrl: string;
  stop(): Promise<void>;
}

export const quietSlackLog = {
  debug() {},
  info() {},
  warn: (message: string) => process.env.OPSWORKER_TEST_LOG && console.error(message),
  error: (message: string, error?: unknown) =>
    process.env.OPSWORKER_TEST_LOG && console.error(message, error),
};

/** The bot's configuration in HTTP mode against the fake Slack. */
export function httpSlackConfig(slack: FakeSlack, replyMode: 'mention' | 'all' = 'mention'): SlackConfig {
  return {
    botToken: slack.botToken,
    connection: { mode: 'http', signingSecret: TEST_SIGNING_SECRET },
    apiUrl: slack.apiUrl,
    defaultChannel: '#incidents',
    routes: [],
    replyMode,
    digestTime: undefined,
  };
}

/**
 * The Slack bot as `npm start` runs it (createSlackBot, then start with the server's internal
 * token): Bolt in HTTP mode mounted on a real local server at /slack/events, the real notifier
 * following the server's events, all talking to the fake Slack Web API.
 */
export async function startBoltTestBot(
  options: {
    replyMode?: 'mention' | 'all';
    env?: Record<string, string>;
    overrides?: LocalServerOverrides;
  } = {},
): Promise<BoltTestBot> {
  const slack = await startFakeSlack();
  const bot = createSlackBot(httpSlackConfig(slack, options.replyMode), quietSlackLog);
  const server = await startTestServer({
    ...(options.env ? { env: options.env } : {}),
    overrides: { mounts: bot.mounts, ...options.overrides },
  });
  await bot.start({
    apiUrl: server.url,
    apiToken: server.internalApiToken,
    publicUrl: server.url,
    dataDir: server.dataDir,
  });
  return {
    slack,
    server,
    bot,
    eventsUrl: `${server.url}/slack/events`,
    async stop() {
      await bot.close();
      await server.stop();
      await slack.close();
    },
  };
}
