import { createApiClient } from '@opsworker/shared';
import { createSlackApp, type SlackMount } from './app/create-slack-app.ts';
import { InProcessThreads } from './app/in-process-threads.ts';
import type { DigestPoster, InvestigationThreads } from './app/listener-deps.ts';
import { registerListeners } from './app/register-listeners.ts';
import type { SlackLog } from './app/slack-log.ts';
import { buildDigestMessage } from './blocks/digest-blocks.ts';
import type { SlackConfig } from './config.ts';
import { digestFigures, digestWindows } from './digest/digest-figures.ts';

export interface SlackBotConnection {
  /** The OpsWorker server the bot talks to, over its HTTP API only. */
  apiUrl: string;
  apiToken: string;
  /** The portal's public URL, for links in messages. */
  publicUrl: string;
  fetch?: typeof fetch;
}

export interface SlackBot {
  /** HTTP mode: `/slack/events`, to hand to the local server before it starts. */
  mounts: SlackMount[];
  /** Connects to OpsWorker and Slack (auth.test; Socket Mode opens its WebSocket). */
  start(connection: SlackBotConnection): Promise<void>;
  close(): Promise<void>;
}

/**
 * The Slack bot of `npm start`, in two steps because the local server needs the mounts before
 * it listens and the bot needs the server's URL and token after: `createSlackBot` → start the
 * server with `mounts` → `start({ apiUrl, apiToken })`.
 */
export function createSlackBot(
  config: SlackConfig,
  log: SlackLog,
  parts: { threads?: InvestigationThreads; digest?: DigestPoster } = {},
): SlackBot {
  const slack = createSlackApp(config, log);
  return {
    mounts: slack.mounts,
    async start(connection) {
      const api = createApiClient({
        baseUrl: connection.apiUrl,
        token: connection.apiToken,
        ...(connection.fetch ? { fetch: connection.fetch } : {}),
      });
      const links = { publicUrl: connection.publicUrl };
      const digest: DigestPoster = parts.digest ?? {
        async postDigest(channel) {
          const windows = digestWindows(new Date());
          const [day, previousDay] = await Promise.all([
            api.insights({ days: 1, until: windows.day.until }),
            api.insights({ days: 1, until: windows.previousDay.until }),
          ]);
          await slack.app.client.chat.postMessage({
            channel,
            ...buildDigestMessage(digestFigures(day, previousDay), links),
          });
        },
      };
      registerListeners(slack.app, {
        api,
        replyMode: config.replyMode,
        portalUrl: connection.publicUrl,
        threads: parts.threads ?? new InProcessThreads(),
        digest,
        log,
      });
      await slack.start();
    },
    close: () => slack.stop(),
  };
}
