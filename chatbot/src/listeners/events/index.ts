import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { appMention } from './app-mention.ts';
import { threadReply } from './thread-reply.ts';

/** Messages: mentions of the bot, and replies in investigation threads. */
export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', threadReply(deps));
}
