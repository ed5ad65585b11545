import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { appHomeOpened } from './app-home-opened.ts';

/** The App Home tab. */
export function registerViews(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  // Its "Open the portal" button is a link; Slack still sends an action, which must be acked.
  app.action('home_open_portal', async ({ ack }) => {
    await ack();
  });
}
