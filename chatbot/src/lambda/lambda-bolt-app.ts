import { App, type Receiver } from '@slack/bolt';
import { boltLogger, type SlackLog } from '../app/slack-log.ts';
import { slackClientOptions } from '../slack-client/web-client.ts';
import type { SlackLambdaConfig } from './lambda-config.ts';

/**
 * Bolt as both Slack functions run it, over whichever receiver brings them the request. The
 * listeners' promises are what an invocation waits for (`processBeforeResponse`): a frozen
 * container would otherwise hold their work until the next invocation.
 */
export function lambdaBoltApp(config: SlackLambdaConfig, receiver: Receiver, log: SlackLog): App {
  return new App({
    token: config.slack.botToken,
    receiver,
    logger: boltLogger(log),
    clientOptions: slackClientOptions(config.slack.apiUrl),
    processBeforeResponse: true,
  });
}
