import { createSlackApp, type SlackMount } from './app/create-slack-app.ts';
import type { DigestPoster } from './app/listener-deps.ts';
import { NotifierThreads } from './app/notifier-threads.ts';
import { registerListeners } from './app/register-listeners.ts';
import type { SlackLog } from './app/slack-log.ts';
import type { SlackConfig } from './config.ts';
import { onDemandDigestTime } from './digest/digest-figures.ts';
import { DigestScheduler } from './digest/digest-scheduler.ts';
import { sendDigest } from './digest/send-digest.ts';
import { type RunningSlackNotifier, startNotifier } from './notifier/start-notifier.ts';

export interface SlackBotConnection {
  /** The OpsWorker server the bot talks to, over its HTTP API only. */
  apiUrl: string;
  apiToken: string;
  /** The portal's public URL, for links in messages. */
  publicUrl: string;
  /** The server's data dir: the bot keeps its messages and pending posts under `<dataDir>/slack/`. */
  dataDir: string;
  fetch?: typeof fetch;
}

export interface SlackBot {
  /** HTTP mode: `/slack/events`, to hand to the local server before it starts. */
  mounts: SlackMount[];
  /**
   * Connects to OpsWorker and Slack: the notifier follows `/api/events` (and delivers what a
   * previous run left pending), the daily digest is scheduled, and Bolt starts (auth.test;
   * Socket Mode opens its WebSocket).
   */
  start(connection: SlackBotConnection): Promise<void>;
  /** The notifier once started (its state, delivery loop and API client). */
  readonly notifier: RunningSlackNotifier | undefined;
  close(): Promise<void>;
}

/**
 * The Slack bot of `npm start`, in two steps because the local server needs the mounts before
 * it listens and the bot needs the server's URL and token after: `createSlackBot` → start the
 * server with `mounts` → `start({ apiUrl, apiToken, publicUrl, dataDir })`.
 */
export function createSlackBot(config: SlackConfig, log: SlackLog): SlackBot {
  const slack = createSlackApp(config, log);
  let running: (RunningSlackNotifier & { close(): Promise<void> }) | undefined;
  let scheduler: DigestScheduler | undefined;
  return {
    mounts: slack.mounts,
    get notifier() {
      return running;
    },
    async start(connection) {
      const links = { publicUrl: connection.publicUrl };
      const notifierLog = (message: string) => log.warn(`slack: ${message}`);
      running = await startNotifier({
        apiUrl: connection.apiUrl,
        apiToken: connection.apiToken,
        botToken: config.botToken,
        slackApiUrl: config.apiUrl,
        dataDir: connection.dataDir,
        defaultChannel: config.defaultChannel,
        routes: config.routes,
        publicUrl: connection.publicUrl,
        log: notifierLog,
        fetch: connection.fetch,
      });
      const { api, delivery, state } = running;
      const digest: DigestPoster = {
        async postDigest(channel, threadTs) {
          await sendDigest({ api, delivery, channel, now: onDemandDigestTime(new Date()), links, threadTs });
        },
      };
      registerListeners(slack.app, {
        api,
        replyMode: config.replyMode,
        portalUrl: connection.publicUrl,
        threads: new NotifierThreads(running),
        digest,
        log,
      });
      const channel = config.defaultChannel;
      if (config.digestTime && channel) {
        scheduler = new DigestScheduler({
          time: config.digestTime,
          state,
          send: async (at) => {
            await sendDigest({ api, delivery, channel, now: at, links });
          },
          log: notifierLog,
        });
        scheduler.start();
      } else if (config.digestTime) {
        log.warn('slack: no daily digest: set OPSWORKER_SLACK_CHANNEL to say where it goes');
      }
      await slack.start();
    },
    async close() {
      scheduler?.stop();
      await slack.stop();
      await running?.close();
    },
  };
}
