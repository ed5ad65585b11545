import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../config.ts';
import { slackClientOptions } from '../slack-client/web-client.ts';
import { withReplayGuard } from './replay-guard.ts';
import { boltLogger, type SlackLog } from './slack-log.ts';

/** Where Slack's HTTP requests arrive (the Request URL in the manifest). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** A node:http handler the local server tries before its own routes. */
export interface SlackMount {
  prefix: string;
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface SlackApp {
  app: App;
  /** HTTP mode: `/slack/events` for the local server to mount; Socket Mode: none. */
  mounts: SlackMount[];
  /** Checks the bot token (auth.test) and, in Socket Mode, connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Bolt app, in the mode the configuration chose. HTTP mode builds no server of its own:
 * Bolt's HTTPReceiver `requestListener` is mounted on the local server (one port), behind a
 * replay guard; Bolt verifies the signature and refuses timestamps older than five minutes.
 * Listeners are registered by the caller before `start`.
 */
export function createSlackApp(config: SlackConfig, log: SlackLog): SlackApp {
  const logger = boltLogger(log);
  const clientOptions = slackClientOptions(config.apiUrl);
  if (config.connection.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: config.connection.appToken,
      logger,
      // apps.connections.open goes to the same Web API as everything else.
      installerOptions: { clientOptions },
    });
    const app = new App({
      receiver,
      token: config.botToken,
      logger,
      clientOptions,
      deferInitialization: true,
    });
    return {
      app,
      mounts: [],
      start: async () => {
        await app.init();
        await app.start();
      },
      stop: async () => {
        await app.stop();
      },
    };
  }

  const receiver = new HTTPReceiver({
    signingSecret: config.connection.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger,
  });
  const app = new App({ receiver, token: config.botToken, logger, clientOptions, deferInitialization: true });
  const listener = withReplayGuard((request, response) => {
    try {
      receiver.requestListener(request, response);
    } catch {
      // Bolt throws for a path or method it does not serve (a GET on /slack/events).
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'not_found', message: 'POST Slack requests here' } }));
    }
  });
  return {
    app,
    mounts: [{ prefix: SLACK_EVENTS_PATH, handler: listener }],
    start: async () => {
      await app.init();
    },
    stop: async () => {},
  };
}
