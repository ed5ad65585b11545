import { createSlackApp, type SlackApp } from '@opsworker/chatbot/app/create-slack-app.ts';
import type { InvestigationThreads, SlackMessageRef } from '@opsworker/chatbot/app/listener-deps.ts';
import { registerListeners } from '@opsworker/chatbot/app/register-listeners.ts';
import type { SlackConfig } from '@opsworker/chatbot/config.ts';
import type { LocalServerOverrides } from '@opsworker/cloud/local/local-server.ts';
import { createApiClient } from '@opsworker/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.ts';
import { TEST_SIGNING_SECRET } from './signed-slack-request.ts';

/** The threads index as the listeners see it, in memory: what they adopted and refreshed. */
export class RecordingThreads implements InvestigationThreads {
  readonly adopted = new Map<string, SlackMessageRef>();
  readonly refreshed: string[] = [];
  readonly #byThread = new Map<string, string>();

  link(investigationId: string, channel: string, ts: string): void {
    this.#byThread.set(`${channel}/${ts}`, investigationId);
  }
  async investigationFor(channel: string, threadTs: string) {
    return this.#byThread.get(`${channel}/${threadTs}`);
  }
  async adopt(investigationId: string, message: SlackMessageRef) {
    this.adopted.set(investigationId, message);
    this.link(investigationId, message.channel, message.threadTs ?? message.ts);
  }
  async refresh(investigationId: string) {
    this.refreshed.push(investigationId);
  }
}

export interface BoltTestBot {
  slack: FakeSlack;
  server: TestServer;
  bot: SlackApp;
  threads: RecordingThreads;
  digests: string[];
  /** `${server.url}/slack/events` */
  eventsUrl: string;
  stop(): Promise<void>;
}

/**
 * The Bolt app in HTTP mode mounted on a real local server at /slack/events, talking to the
 * fake Slack Web API and to OpsWorker's real REST API with the server's internal token.
 */
export async function startBoltTestBot(
  options: {
    replyMode?: 'mention' | 'all';
    env?: Record<string, string>;
    overrides?: LocalServerOverrides;
  } = {},
): Promise<BoltTestBot> {
  const slack = await startFakeSlack();
  const config: SlackConfig = {
    botToken: slack.botToken,
    connection: { mode: 'http', signingSecret: TEST_SIGNING_SECRET },
    apiUrl: slack.apiUrl,
    defaultChannel: '#incidents',
    routes: [],
    replyMode: options.replyMode ?? 'mention',
    digestTime: undefined,
  };
  const quiet = {
    debug() {},
    info() {},
    warn() {},
    error: (message: string, error?: unknown) =>
      process.env.OPSWORKER_TEST_LOG && console.error(message, error),
  };
  const bot = createSlackApp(config, quiet);
  const server = await startTestServer({
    ...(options.env ? { env: options.env } : {}),
    overrides: { mounts: bot.mounts, ...options.overrides },
  });
  const threads = new RecordingThreads();
  const digests: string[] = [];
  registerListeners(bot.app, {
    api: createApiClient({ baseUrl: server.url, token: server.internalApiToken }),
    replyMode: config.replyMode,
    portalUrl: server.url,
    threads,
    digest: { postDigest: async (channel) => void digests.push(channel) },
    log: quiet,
  });
  await bot.start();
  return {
    slack,
    server,
    bot,
    threads,
    digests,
    eventsUrl: `${server.url}/slack/events`,
    async stop() {
      await bot.stop();
      await server.stop();
      await slack.close();
    },
  };
}
