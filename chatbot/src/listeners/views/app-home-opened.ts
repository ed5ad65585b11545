import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { buildAppHome } from '../../blocks/app-home.ts';

/** Opening the bot's Home tab publishes a fresh view: recent investigations and the day's figures. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const [recent, today] = await Promise.all([
      deps.api.listInvestigations({ limit: 10 }).then((page) => page.items),
      deps.api.insights({ days: 1 }).catch((error: unknown) => {
        // Figures are a nicety: the list still shows without them.
        deps.log.warn(`slack: insights for App Home failed: ${(error as Error).message}`);
        return undefined;
      }),
    ]);
    await client.views.publish({
      user_id: event.user,
      view: buildAppHome({ recent, today, links: { publicUrl: deps.portalUrl } }),
    });
  };
}
